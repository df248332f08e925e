"""``quorum fetch moderngov`` against bad URLs and a local server sending hostile responses.

Every case must end with a non-zero exit, a last stderr line starting
"error:", no traceback, and an existing records.json left as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quorum.cli import app
from tests.robustness.hostile_files import HOSTILE_DIR

pytest.importorskip("quorum.ingest.moderngov", reason="the ModernGov client is not built yet")

#: Bodies the fake ModernGov server sends for every request, with a 200 and an XML content type.
BODIES = {
    "billion-laughs": (HOSTILE_DIR / "billion-laughs.xml").read_bytes(),
    "external-entity": (HOSTILE_DIR / "external-entity.xml").read_bytes(),
    "malformed": (HOSTILE_DIR / "malformed.xml").read_bytes(),
    "noise": (HOSTILE_DIR / "noise.bin").read_bytes(),
    "html": b"<html><body>Access denied</body></html>",
    "empty": b"",
}


class Hostile(BaseHTTPRequestHandler):
    """Answers every GET with the body named by the server's ``body`` attribute."""

    def do_GET(self) -> None:
        """Send the hostile body."""
        body = BODIES[self.server.body]  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    """A local HTTP server on a free port; set ``.body`` to choose what it sends."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


runner = CliRunner()


def fetch(url: str, out: Path, *extra: str) -> tuple[int, str]:
    """Run ``quorum fetch moderngov`` in-process; return the exit code and stderr."""
    result = runner.invoke(
        app, ["fetch", "moderngov", url, "--out", str(out), "--retries", "0", "--delay", "0", "--no-documents", *extra]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr


def assert_clean_failure(code: int, stderr: str) -> None:
    """Non-zero exit, last line an error, no traceback."""
    assert code != 0
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("error:"), stderr


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "file:///etc/passwd",
        "ftp://example.org",
        "",
        "http://127.0.0.1:9",
        "http://[::1",
    ],
)
def test_bad_urls_fail_cleanly(url: str, tmp_path: Path) -> None:
    assert_clean_failure(*fetch(url, tmp_path / "out"))


def test_bad_since_fails_cleanly(tmp_path: Path) -> None:
    assert_clean_failure(*fetch("http://127.0.0.1:9", tmp_path / "out", "--since", "2017-13-01"))


#: Responses the client still accepts: well-formed XML that is not a ModernGov answer reads as an empty site.
KNOWN_GAPS: dict[str, str] = {}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[name]))
        if name in KNOWN_GAPS
        else name
        for name in sorted(BODIES)
    ],
)
def test_hostile_responses_fail_cleanly_and_keep_old_records(
    body: str, server: ThreadingHTTPServer, tmp_path: Path
) -> None:
    server.body = body  # type: ignore[attr-defined]
    out = tmp_path / "out"
    out.mkdir()
    old = out / "records.json"
    old.write_text('{"previous": true}\n', encoding="utf-8")
    code, stderr = fetch(f"http://127.0.0.1:{server.server_address[1]}", out)
    assert_clean_failure(code, stderr)
    assert "root:x:0:0" not in stderr
    assert old.read_text(encoding="utf-8") == '{"previous": true}\n'
