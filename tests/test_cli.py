"""The command line: JSON contract of `quorum parse` and clean errors."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import sample_path


def run_quorum(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quorum.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_parse_prints_the_contract_keys(tmp_path) -> None:
    out = tmp_path / "out.json"
    done = run_quorum("parse", str(sample_path("scrutiny")), "--out", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert json.loads(out.read_text()) == data
    assert set(data["source"]) >= {"path", "sha256", "line_count"}
    assert data["source"]["line_count"] == 967  # wc -l says 966: the file ends with a newline
    for document in data["documents"]:
        assert set(document) >= {
            "kind",
            "title",
            "start_line",
            "end_line",
            "pages",
            "body",
            "date",
            "agenda_item",
            "access",
            "parent",
        }
        assert 1 <= document["start_line"] <= document["end_line"] <= 967


def test_bad_input_is_one_line_and_nonzero(tmp_path) -> None:
    for name, data in {"empty.txt": b"", "noise.bin": bytes(range(256)) * 8, "latin.txt": b"caf\xe9"}.items():
        path = tmp_path / name
        path.write_bytes(data)
        done = run_quorum("parse", str(path))
        assert done.returncode != 0
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert done.stdout == ""
