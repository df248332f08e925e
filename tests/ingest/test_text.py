"""Reading text packs: decoding, fingerprints and clear errors for bad input."""

from __future__ import annotations

import hashlib

import pytest

from quorum.errors import InputError
from quorum.ingest.text import read_text_source
from tests.conftest import sample_path


def test_source_fingerprint_and_line_count_match_the_file() -> None:
    path = sample_path("partnership")
    source, text = read_text_source(path)
    data = path.read_bytes()
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.line_count == len(data.decode("utf-8").split("\n")) == 632  # 631 newlines, then a last empty line
    assert text.split("\n")[4] == "HARROW PARTNERSHIP BOARD MEETING"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        ("Council minutes caf\xe9".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_input_gives_one_clear_error(tmp_path, data: bytes, reason: str) -> None:
    path = tmp_path / "pack.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text_source(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_file_and_directory_are_input_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text_source(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        read_text_source(tmp_path)


def test_crlf_and_bom_are_folded(tmp_path) -> None:
    path = tmp_path / "pack.txt"
    path.write_bytes("\ufeffAGENDA\r\nItem 1\r\n".encode())
    source, text = read_text_source(path)
    assert text == "AGENDA\nItem 1\n"
    assert source.line_count == 3
