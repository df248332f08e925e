"""The store's commands end to end: ingest (with a failure), search, person, body, decisions, migrate."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from quorum.cli import app
from quorum.store.db import alembic_config
from tests.conftest import sample_path

runner = CliRunner()


def test_commands_on_a_fresh_sqlite_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copy(sample_path("corporate_parenting"), folder)
    (folder / "broken.txt").write_bytes(b"")
    done = runner.invoke(app, ["ingest", str(folder), "--database-url", url, "--workers", "1"])
    assert done.exit_code == 1  # broken.txt failed...
    assert "1 added" in done.output  # ...but the good pack is stored
    assert "1 failed" in done.output
    assert "broken.txt" in done.output
    again = runner.invoke(app, ["ingest", str(folder / sample_path("corporate_parenting").name), "--database-url", url])
    assert again.exit_code == 0
    assert "1 unchanged" in again.output
    found = runner.invoke(app, ["search", "Patient Advice", "--database-url", url, "--limit", "3"])
    assert found.exit_code == 0
    assert "corporate-parenting-panel-2017-06-14-agenda.txt" in found.output
    hostile = runner.invoke(app, ["search", "' OR 1=1 -- NEAR( \"", "--database-url", url])
    assert hostile.exit_code == 0
    person = runner.invoke(app, ["person", "Councillor Sue Anderson", "--database-url", url])
    assert person.exit_code == 0
    assert "reserve" in person.output  # reserve 1 on the panel, line 34
    missing = runner.invoke(app, ["person", "Nobody Atall", "--database-url", url])
    assert missing.exit_code == 1
    body = runner.invoke(app, ["body", "CORPORATE PARENTING PANEL", "--database-url", url])
    assert body.exit_code == 0
    assert "2017-06-14" in body.output
    assert runner.invoke(app, ["decisions", "minutes", "--database-url", url]).exit_code == 0
    migrated = runner.invoke(app, ["migrate", "--database-url", url])
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert f"schema revision {head}" in migrated.output
