"""Hostile files fed to every parse entry point: a clear error or a sane result, nothing else.

The inputs live in tests/data/hostile/ (built by hostile_files.py). For each we
say what must happen: ``ERROR`` means quorum.errors.InputError naming the file
(and, from the CLI, one line on stderr with a non-zero exit and no traceback);
``OK`` means a parse result whose spans and strings stay inside the file.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quorum.cli import app
from quorum.errors import InputError
from quorum.ingest.text import decode_text
from quorum.pipeline import parse_path
from tests.conftest import sample_path
from tests.robustness.checks import assert_result_sane
from tests.robustness.hostile_files import HOSTILE_DIR, build

ERROR = "error"
OK = "ok"
EITHER = "either"

#: What each committed hostile file must produce, with the words the error message must hold.
EXPECTED: dict[str, tuple[str, str]] = {
    "empty.txt": (ERROR, "empty"),
    "whitespace-only.txt": (ERROR, "empty"),
    "bom-only.txt": (ERROR, "empty"),
    "noise.bin": (ERROR, "binary"),
    "noise-as-text.txt": (ERROR, "binary"),
    "nul-in-text.txt": (ERROR, "binary"),
    "latin1.txt": (ERROR, "UTF-8"),
    "mixed-encoding.txt": (ERROR, "UTF-8"),
    "utf16.txt": (ERROR, ""),  # reported as binary (NUL bytes); any clear error will do
    "lone-surrogate.txt": (ERROR, "UTF-8"),
    "overlong-utf8.txt": (ERROR, "UTF-8"),
    "control-chars-few.txt": (OK, ""),
    "control-chars-many.txt": (ERROR, "binary"),
    "crlf-and-cr.txt": (OK, ""),
    "unicode-separators.txt": (OK, ""),
    "nested-tables.md": (OK, ""),
    "long-dash-rule.txt": (OK, ""),
    "pathological-markup.txt": (OK, ""),
    "valid.pdf": (OK, ""),
    "truncated.pdf": (ERROR, "PDF"),
    "header-only.pdf": (ERROR, "PDF"),
    "garbage.pdf": (ERROR, "PDF"),
    "text-named.pdf": (ERROR, "PDF"),
    "pdf-named.txt": (EITHER, ""),  # a PDF saved as .txt: plain ASCII, so reading it as text is allowed
    "malformed.xml": (OK, ""),  # as a text pack it is just text; the ModernGov client is tested separately
    "billion-laughs.xml": (OK, ""),
    "external-entity.xml": (OK, ""),
}


#: No single small hostile file may take longer than this to parse (seconds).
TIME_BUDGET = 5.0


def digest(path: Path) -> str:
    """Return the sha256 of the file at ``path``."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_committed_files_match_the_builder() -> None:
    built = build()
    on_disk = {path.name: path.read_bytes() for path in HOSTILE_DIR.iterdir() if path.is_file()}
    assert on_disk == built
    assert set(built) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parse_path_gives_a_clear_error_or_a_sane_result(name: str) -> None:
    path = HOSTILE_DIR / name
    before = digest(path)
    outcome, words = EXPECTED[name]
    started = time.perf_counter()
    try:
        result = parse_path(path)
    except InputError as error:
        assert outcome in {ERROR, EITHER}, f"{name} should parse, got: {error}"
        message = str(error)
        assert str(path) in message and "\n" not in message
        assert words in message
    else:
        assert outcome in {OK, EITHER}, f"{name} should be refused with an InputError"
        if result.source.kind == "text":
            text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            assert_result_sane(result, text)
    assert time.perf_counter() - started < TIME_BUDGET
    assert digest(path) == before, "parsing must never change its input"


runner = CliRunner()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_parse_is_one_line_error_or_json(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous run\n", encoding="utf-8")
    outcome, _ = EXPECTED[name]
    result = runner.invoke(app, ["parse", str(HOSTILE_DIR / name), "--out", str(out), "--indent", "0"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code != 0:
        assert outcome in {ERROR, EITHER}
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("error:")
        assert out.read_text(encoding="utf-8") == "previous run\n", "a failed parse must not touch --out"
    else:
        assert outcome in {OK, EITHER}
        assert json.loads(result.stdout) == json.loads(out.read_text(encoding="utf-8"))


def test_cli_subprocess_never_prints_a_traceback(tmp_path: Path) -> None:
    """End to end through the console entry point, for a few kinds of bad input at once."""
    names = ["noise.bin", "mixed-encoding.txt", "truncated.pdf", "empty.txt"]
    for name in names:
        done = subprocess.run(
            [sys.executable, "-m", "quorum.cli", "parse", str(HOSTILE_DIR / name)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode != 0, name
        assert "Traceback" not in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert done.stdout == ""


def test_missing_file_and_folder_are_clear_errors(tmp_path: Path) -> None:
    for path in (tmp_path / "nope.txt", tmp_path):
        with pytest.raises(InputError):
            parse_path(path)
        result = runner.invoke(app, ["parse", str(path)])
        assert result.exit_code != 0 and len(result.stderr.strip().splitlines()) == 1


def test_summary_of_a_folder_with_one_bad_file_keeps_the_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    good = ["scrutiny", "partnership"]
    for name in good:  # short names, so the table never wraps them
        (folder / f"{name}.txt").write_bytes(sample_path(name).read_bytes())
    (folder / "bad.txt").write_bytes((HOSTILE_DIR / "mixed-encoding.txt").read_bytes())
    before = {path.name: digest(path) for path in folder.iterdir()}
    result = runner.invoke(app, ["summary", str(folder)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    for name in good:
        assert f"{name}.txt" in result.stdout
    assert "bad.txt" in result.stderr and "UTF-8" in result.stderr
    assert {path.name: digest(path) for path in folder.iterdir()} == before


def test_decode_text_only_ever_raises_input_error() -> None:
    for data in build().values():
        try:
            text = decode_text(data, "x")
        except InputError:
            continue
        assert isinstance(text, str) and "\r" not in text
