"""Ingest: idempotent, one transaction per source, changed files replace themselves keeping stable ids."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from quorum.store import schema as s
from quorum.store.db import alembic_config, migrate
from quorum.store.ingest import ingest_paths, store_result
from quorum.store.prepare import prepare, prepare_text
from quorum.store.search import search
from tests.conftest import SAMPLE_FILES, sample_path, sample_result, sample_text
from tests.store import packs
from tests.store.conftest import store_hand_built


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table."""
    with engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in s.Base.metadata.sorted_tables
        }


def checksum(engine: Engine) -> str:
    """A digest of every row of every table, in primary-key order."""
    digest = hashlib.sha256()
    with engine.connect() as connection:
        for table in s.Base.metadata.sorted_tables:
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_object": lambda o, name, t, r, c: name not in s.SEARCH_OBJECTS, "compare_type": True},
        )
        assert compare_metadata(context, s.Base.metadata) == []


def test_migrating_twice_is_harmless(engine: Engine) -> None:
    migrate(engine)
    with engine.connect() as connection:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head


def test_ingesting_the_samples_twice_changes_nothing(engine: Engine) -> None:
    paths = [sample_path(name) for name in sorted(SAMPLE_FILES)]
    first = ingest_paths(engine, paths, workers=2)
    assert first.ok, first.failed
    assert len(first.added) == 5
    counts, digest = row_counts(engine), checksum(engine)
    assert counts["sources"] == 5
    assert counts["text_chunks"] > 1000  # 7,602 lines of text between them
    second = ingest_paths(engine, paths, workers=2)
    assert len(second.unchanged) == 5
    assert not second.added
    assert not second.replaced
    assert row_counts(engine) == counts
    assert checksum(engine) == digest


def test_a_bad_file_fails_alone(engine: Engine, tmp_path: Path) -> None:
    good = tmp_path / "partnership.txt"
    shutil.copy(sample_path("partnership"), good)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    report = ingest_paths(engine, [empty, good, binary, tmp_path / "missing.txt"], workers=1)
    assert report.added == [str(good.resolve())]
    assert sorted(Path(p).name for p, _ in report.failed) == ["binary.txt", "empty.txt", "missing.txt"]
    assert any("empty" in error for _, error in report.failed)
    with Session(engine) as session:
        statuses = dict(session.execute(select(s.Source.path, s.Source.status)).all())
        assert statuses[str(good.resolve())] == "ok"
        assert statuses[str(empty.resolve())] == "failed"
        assert session.scalar(select(func.count()).select_from(s.TextChunk).where(s.TextChunk.source_id > 0)) > 0


def test_a_folder_is_walked_for_packs(engine: Engine, tmp_path: Path) -> None:
    for name in ("partnership", "scrutiny"):
        shutil.copy(sample_path(name), tmp_path / sample_path(name).name)
    (tmp_path / "notes.csv").write_text("not a pack\n")
    report = ingest_paths(engine, [tmp_path], workers=1)
    assert sorted(Path(p).name for p in report.added) == sorted(
        [sample_path("partnership").name, sample_path("scrutiny").name]
    )


def test_a_changed_file_replaces_itself_and_keeps_ids(engine: Engine, tmp_path: Path) -> None:
    pack = tmp_path / "pack.txt"
    shutil.copy(sample_path("corporate_parenting"), pack)
    result = packs.corporate_parenting()
    result.source.path = str(pack)
    with Session(engine) as session:
        store_hand_built(engine, "corporate_parenting", result)
        before = dict(session.execute(select(s.Person.key, s.Person.id)).all())
        meeting_ids = dict(session.execute(select(s.Meeting.key, s.Meeting.id)).all())
        source_id = session.scalar(select(s.Source.id))
    # The new version drops Janet Mote from the minutes and adds nobody.
    changed = packs.corporate_parenting()
    changed.source.path = str(pack)
    changed.source.sha256 = "0" * 64
    changed.minutes[0].present = [a for a in changed.minutes[0].present if a.name != "Janet Mote"]
    changed.meetings[0].members = [m for m in changed.meetings[0].members if m.name != "Janet Mote"]
    store_hand_built(engine, "corporate_parenting", changed)
    with Session(engine) as session:
        after = dict(session.execute(select(s.Person.key, s.Person.id)).all())
        assert "janet mote" not in after  # no source mentions her any more
        assert {k: v for k, v in before.items() if k != "janet mote"} == after
        assert dict(session.execute(select(s.Meeting.key, s.Meeting.id)).all()) == meeting_ids
        assert session.scalar(select(s.Source.id)) == source_id
        assert session.scalar(select(func.count()).select_from(s.Source)) == 1
        assert session.scalar(select(s.Source.sha256)) == "0" * 64


def test_real_file_edited_on_disk_is_replaced(engine: Engine, tmp_path: Path) -> None:
    pack = tmp_path / "partnership.txt"
    shutil.copy(sample_path("partnership"), pack)
    assert ingest_paths(engine, [pack], workers=1).added
    chunks = row_counts(engine)["text_chunks"]
    pack.write_text(pack.read_text() + "\nA new closing paragraph about allotments.\n")
    report = ingest_paths(engine, [pack], workers=1)
    assert report.replaced == [str(pack.resolve())]
    assert row_counts(engine)["text_chunks"] == chunks + 1
    assert row_counts(engine)["sources"] == 1


def test_republished_document_is_one_document_with_two_appearances(engine: Engine) -> None:
    store_hand_built(engine, "corporate_parenting", packs.corporate_parenting())
    store_hand_built(engine, "council", packs.council())
    with Session(engine) as session:
        rows = session.execute(
            select(s.DocumentAppearance.document_id, s.DocumentAppearance.start_line, s.Source.path)
            .join(s.Source, s.Source.id == s.DocumentAppearance.source_id)
            .where(s.DocumentAppearance.kind == "inspection_report")
        ).all()
        assert len(rows) == 2
        assert len({document for document, _, _ in rows}) == 1
        assert {(Path(path).name, start) for _, start, path in rows} == {
            (SAMPLE_FILES["corporate_parenting"], 612),
            (SAMPLE_FILES["council"], 683),
        }


def test_exempt_content_is_never_searchable(engine: Engine) -> None:
    store_hand_built(engine, "council", packs.council())
    with Session(engine) as session:
        texts = session.scalars(select(s.TextChunk.text)).all()
        assert texts
        assert not [t for t in texts if "REMUNERATION" in t.upper()]  # line 205, Part II item 20
        item = session.scalars(select(s.AgendaItem).where(s.AgendaItem.number == "20")).one()
        assert item.access == "exempt"
        assert item.verbatim is None


def test_provenance_holds_the_verbatim_lines(engine: Engine) -> None:
    store_hand_built(engine, "corporate_parenting", packs.corporate_parenting())
    with Session(engine) as session:
        declaration = session.scalars(select(s.Declaration)).one()
        assert declaration.start_line == declaration.end_line == 179
        assert declaration.verbatim is not None
        assert declaration.verbatim.startswith("Councillor Kairul Kareema Marikar declared a non-pecuniary interest")
        reserve = session.scalars(
            select(s.Membership).where(s.Membership.role == "reserve").order_by(s.Membership.start_line)
        ).first()
        assert reserve is not None
        assert reserve.verbatim == "| 1. Sue Anderson | 1. Ameet Jogia |"  # line 34


@pytest.mark.parametrize("name", sorted(SAMPLE_FILES))
def test_spans_stay_inside_their_source(module_engine: Engine, name: str) -> None:
    path = sample_path(name)
    source_id = store_result(module_engine, prepare(sample_result(name), sample_text(name)), str(path))
    line_count = len(path.read_text(encoding="utf-8").split("\n"))
    with Session(module_engine) as session:
        for model in (s.TextChunk, s.Membership, s.AgendaItem, s.Attendance, s.Resolution, s.MinuteItem):
            for start, end in session.execute(
                select(model.start_line, model.end_line).where(model.source_id == source_id)  # type: ignore[attr-defined]
            ):
                assert 1 <= start <= end <= line_count


def test_replacing_the_first_appearance_makes_the_next_one_searchable(engine: Engine) -> None:
    store_hand_built(engine, "corporate_parenting", packs.corporate_parenting())
    store_hand_built(engine, "council", packs.council())
    phrase = '"just one foster for adoption placement"'  # Ofsted paragraph 58: CPP line 848, council line 920
    with Session(engine) as session:
        (hit,) = search(session, phrase)
        assert hit.source_path.endswith(SAMPLE_FILES["corporate_parenting"])
        assert hit.start_line <= 848 <= hit.end_line
    # A new version of the pack without the Ofsted report (its lines 612-1023 blanked, numbering kept).
    lines = sample_text("corporate_parenting").text.split("\n")
    lines[611:1023] = [""] * (1023 - 611)
    changed = packs.corporate_parenting()
    changed.source.sha256 = "1" * 64
    changed.documents = changed.documents[:2]
    store_result(engine, prepare_text(changed, "\n".join(lines)), changed.source.path)
    with Session(engine) as session:
        (hit,) = search(session, phrase)
        assert hit.source_path.endswith(SAMPLE_FILES["council"])
        assert hit.start_line <= 920 <= hit.end_line


def test_newest_migration_downgrades_and_upgrades_with_data(engine: Engine) -> None:
    store_hand_built(engine, "partnership", packs.partnership())
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")  # undo 0004 (canonical passages), keeping the data
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM text_chunks")).scalar_one() > 0
    migrate(engine)
    with Session(engine) as session:
        assert search(session, "Meghjee")
    store_hand_built(engine, "partnership", packs.partnership())
    with Session(engine) as session:
        assert search(session, "Meghjee")
