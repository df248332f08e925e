"""The per-run identity cache (quorum.store.identity.IdentityCache) must not change who is who.

One ingest run shares people and bodies across its sources through the cache;
separate runs read them back from the store. The five Harrow samples name the
same councillors in several packs (e.g. the council minutes and the scrutiny
agenda), so both ways must write the same rows with the same ids.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Engine, select

from quorum.store import schema as s
from quorum.store.db import make_engine, migrate
from quorum.store.identity import Identities, IdentityCache
from quorum.store.ingest import ingest_paths
from tests.conftest import SAMPLE_FILES, sample_path

#: Tables whose rows record who is who (sources are left out: they carry the time of ingest).
PEOPLE_TABLES = (
    s.Person,
    s.PersonName,
    s.CandidateMatch,
    s.Organization,
    s.OrganizationName,
    s.Post,
    s.Membership,
    s.Attendance,
    s.Declaration,
    s.Motion,
    s.Vote,
)


def _digest(engine: Engine) -> dict[str, str]:
    digests = {}
    with engine.connect() as connection:
        for model in PEOPLE_TABLES:
            table = model.__table__
            digest = hashlib.sha256()
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
            digests[table.name] = digest.hexdigest()
    return digests


def _store(tmp_path: Path, name: str) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / name}")
    migrate(engine)
    return engine


def test_one_run_and_one_run_per_file_resolve_people_alike(tmp_path: Path) -> None:
    paths = [sample_path(name) for name in sorted(SAMPLE_FILES)]
    together, apart = _store(tmp_path, "together.db"), _store(tmp_path, "apart.db")
    assert ingest_paths(together, paths, workers=1).ok
    for path in paths:
        assert ingest_paths(apart, [path], workers=1).ok
    with together.connect() as connection:
        assert connection.execute(select(s.PersonName.id)).first() is not None
    assert _digest(together) == _digest(apart)


def test_a_rolled_back_source_leaves_the_cache_as_it_was() -> None:
    cache = IdentityCache()
    ids = Identities(session=None, source_id=1, cache=cache)  # type: ignore[arg-type]
    ids._added.append(("smith", 7, "Jane Smith", None, None))
    cache.staged = ids
    cache.discard()
    cache.accept()
    assert cache.families == {}
    cache.staged = ids
    cache.accept()
    assert [name.name for name in cache.families["smith"][7].names] == ["Jane Smith"]
