"""The small hostile inputs committed under tests/data/hostile/, built reproducibly.

Run ``python -m tests.robustness.hostile_files`` to rewrite the folder; a test
checks the committed bytes still equal :func:`build`, so they cannot drift.
Big inputs (100 MB lines, 100k-line packs) are generated in ``tmp_path`` by
the tests instead and never committed.
"""

from __future__ import annotations

import random
from pathlib import Path

HOSTILE_DIR = Path(__file__).resolve().parent.parent / "data" / "hostile"

_PAGE_TEXT = "MINUTES\n1. Declarations of interest\nRESOLVED: That the report be noted."


def minimal_pdf(text: str = _PAGE_TEXT) -> bytes:
    """Return a small, valid one-page PDF (ASCII only) that prints ``text`` in Helvetica."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in text.split("\n"):
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _nested_markdown_tables(depth: int = 60) -> bytes:
    """Markdown tables nested inside block quotes and list items, ``depth`` levels deep."""
    lines = []
    for level in range(depth):
        prefix = "> " * level + "  " * (level % 7) + ("- " if level % 3 == 0 else "")
        lines.append(f"{prefix}| Indicator {level} | Target | Actual |")
        lines.append(f"{prefix}|---|:---:|---:|")
        lines.append(f"{prefix}| **<u>Row {level}</u>** | [{level}](#) | ~~{level}%~~ |")
    lines.append("|" * 2000)
    lines.append("| " + " | ".join(["|---|"] * 500) + " |")
    return ("\n".join(lines) + "\n").encode("utf-8")


def build() -> dict[str, bytes]:
    """Return every committed hostile file as ``{name: bytes}`` (deterministic)."""
    rng = random.Random(20261124)
    pdf = minimal_pdf()
    good = "Council SUMMONS AND AGENDA\n\nDATE: Thursday 28 September 2017\n\n1. COUNCIL MINUTES (Pages 9 - 22)\n"
    return {
        "empty.txt": b"",
        "whitespace-only.txt": b" \t\n\n\r\n   \n",
        "bom-only.txt": b"\xef\xbb\xbf",
        "noise.bin": bytes(rng.randrange(256) for _ in range(4096)),
        "noise-as-text.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "nul-in-text.txt": good.encode() + b"\x00\x00" + good.encode(),
        "latin1.txt": "Caf\u00e9 meeting \u00a3500 for the Mayor\u2019s fund\n".encode("cp1252"),
        "mixed-encoding.txt": good.encode("utf-8") + "Budget \u00a3 5m \u2013 agreed\n".encode("cp1252"),
        "utf16.txt": good.encode("utf-16"),
        "lone-surrogate.txt": good.encode() + b"\xed\xa0\x80 surrogate\n",
        "overlong-utf8.txt": good.encode() + b"\xc0\xaf overlong\n",
        "control-chars-few.txt": (good + "Item\x07 with a bell and an \x1bescape\n" * 2 + good * 20).encode(),
        "control-chars-many.txt": bytes(rng.choice(b"\x01\x02\x03\x1b\x07abc ") for _ in range(2048)),
        "crlf-and-cr.txt": good.replace("\n", "\r\n").encode() + b"Old Mac line\rend\r",
        "unicode-separators.txt": (good + "A\u2028B\u2029C\x85D\x0bE\x0cF\u200b\ufeffG\n").encode(),
        "nested-tables.md": _nested_markdown_tables(),
        "long-dash-rule.txt": (good + "-" * 20000 + "x\n" + "- " * 10000 + "y\n").encode(),
        "pathological-markup.txt": (good + "[" * 3000 + "\n" + "<u" * 3000 + "\n" + "](" * 3000 + "\n").encode(),
        "valid.pdf": pdf,
        "truncated.pdf": pdf[: len(pdf) * 2 // 3],
        "header-only.pdf": b"%PDF-1.7\n",
        "garbage.pdf": b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(2048)),
        "text-named.pdf": good.encode(),
        "pdf-named.txt": pdf,
        "malformed.xml": b'<?xml version="1.0"?>\n<GetMeetingResult><meeting id="1"><title>Cabinet</titl',
        "billion-laughs.xml": (
            b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
            b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\n'
            b"<GetMeetingResult><title>&lol4;</title></GetMeetingResult>\n"
        ),
        "external-entity.xml": (
            b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            b"<GetMeetingResult><title>&xxe;</title></GetMeetingResult>\n"
        ),
    }


def write_all(folder: Path = HOSTILE_DIR) -> None:
    """Write every file of :func:`build` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in build().items():
        (folder / name).write_bytes(data)


if __name__ == "__main__":
    write_all()
