"""Ingest files into the store: parse in parallel, write one transaction per source.

:func:`ingest_paths` expands folders (files with a suffix some reader in
:data:`quorum.ingest.READERS` handles), skips files whose content hash is
unchanged since the last good ingest, parses the rest across cores in worker
processes and writes each source in its own transaction in the main process,
so a bad file is recorded as a failure and never costs another file its data.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quorum.errors import QuorumError
from quorum.ingest import READERS
from quorum.store import schema as s
from quorum.store.db import checkpoint
from quorum.store.identity import IdentityCache
from quorum.store.prepare import Prepared, prepare_path
from quorum.store.writer import now, write_source

#: Called after each file with (path, outcome) where outcome is added | replaced | unchanged | failed.
Progress = Callable[[str, str], None]


@dataclass
class IngestReport:
    """What an ingest run did to each file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, error)

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failed

    @property
    def total(self) -> int:
        """The number of files looked at."""
        return len(self.added) + len(self.replaced) + len(self.unchanged) + len(self.failed)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Return the files named by ``paths`` (absolute), walking folders for readable suffixes in name order."""
    files: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        found = (
            sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
            if path.is_dir()
            else [path]
        )
        for file in found:
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(resolved)
    return files


def file_sha256(path: Path) -> str | None:
    """Return the SHA-256 of the file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _work(path: str) -> Prepared | str:
    """Worker: read, parse and prepare one file; return the error message instead of raising."""
    try:
        return prepare_path(path)
    except QuorumError as error:
        return str(error)
    except Exception as error:  # a parser bug must not stop the run: report it against the file
        return f"{path}: internal error while parsing: {type(error).__name__}: {error}"


def _results(paths: list[str], workers: int) -> Iterator[tuple[str, Prepared | str]]:
    """Yield (path, prepared-or-error) in input order, parsing up to ``workers`` files at once."""
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield path, _work(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[str, Future[Prepared | str]]] = deque()
        queue = iter(paths)
        for path in queue:
            pending.append((path, pool.submit(_work, path)))
            if len(pending) >= workers * 2:
                break
        while pending:
            path, future = pending.popleft()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(_work, nxt)))
            yield path, future.result()


def _record_failure(session: Session, path: str, sha256: str | None, error: str) -> None:
    """Mark the source at ``path`` failed (keeping any earlier good version's facts)."""
    source = session.scalar(select(s.Source).where(s.Source.path == path))
    if source is None:
        session.add(
            s.Source(
                path=path,
                sha256=sha256 or "",
                kind=Path(path).suffix.lower().lstrip(".") or "unknown",
                ingested_at=now(),
                status="failed",
                error=error,
            )
        )
    else:
        source.status = "failed"
        source.error = error


def ingest_paths(
    target: Engine | Session,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    force: bool = False,
) -> IngestReport:
    """Ingest files and folders into the store behind ``target`` (an engine or a session).

    Unchanged files (same path, same SHA-256, last ingest good) are skipped
    unless ``force``; changed files replace their previous version. Parsing
    runs in ``workers`` processes (default: the number of cores). Returns an
    :class:`IngestReport`; failures are also recorded on the ``sources`` table.
    """
    session = target if isinstance(target, Session) else Session(target)
    report = IngestReport()
    try:
        files = expand_paths(paths)
        todo: list[str] = []
        hashes: dict[str, str | None] = {}
        existing: dict[str, tuple[str, str]] = {
            path: (sha, status)
            for path, sha, status in session.execute(select(s.Source.path, s.Source.sha256, s.Source.status))
        }
        session.rollback()
        for file in files:
            path = str(file)
            sha = file_sha256(file) if file.is_file() else None
            hashes[path] = sha
            if not force and sha is not None and existing.get(path) == (sha, "ok"):
                report.unchanged.append(path)
                if progress:
                    progress(path, "unchanged")
                continue
            todo.append(path)
        count = workers if workers is not None else (os.cpu_count() or 1)
        cache = IdentityCache()
        for path, outcome in _results(todo, max(1, min(count, len(todo)))):
            status = _store_one(session, path, hashes.get(path), outcome, path in existing, report, cache)
            if progress:
                progress(path, status)
        if todo:
            bind = session.get_bind()
            checkpoint(bind if isinstance(bind, Engine) else bind.engine)
    finally:
        if not isinstance(target, Session):
            session.close()
    return report


def _store_one(
    session: Session,
    path: str,
    sha: str | None,
    outcome: Prepared | str,
    known: bool,
    report: IngestReport,
    cache: IdentityCache | None = None,
) -> str:
    """Write one parsed file in its own transaction; record a failure instead when it cannot be stored."""
    error: str
    if isinstance(outcome, str):
        error = outcome
    else:
        try:
            outcome.result.source.path = path
            write_source(session, outcome, path, cache)
            session.commit()
        except Exception as exc:  # one bad file must never lose another: roll back, record, go on
            session.rollback()
            if cache is not None:
                cache.discard()
            error = f"{path}: could not be stored: {type(exc).__name__}: {exc}"
        else:
            if cache is not None:
                cache.accept()
            (report.replaced if known else report.added).append(path)
            return "replaced" if known else "added"
    _record_failure(session, path, sha, error)
    session.commit()
    report.failed.append((path, error))
    return "failed"


def store_result(target: Engine | Session, prepared: Prepared, path: str | None = None) -> int:
    """Store one prepared result (e.g. a hand-built ParseResult) in its own transaction; return the source id."""
    session = target if isinstance(target, Session) else Session(target)
    try:
        source_id = write_source(session, prepared, path or prepared.result.source.path)
        session.commit()
        return source_id
    except Exception:
        session.rollback()
        raise
    finally:
        if not isinstance(target, Session):
            session.close()
