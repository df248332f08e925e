"""`quorum serve` starts uvicorn on the given host and port with the database from QUORUM_DATABASE_URL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_quorum_serve_answers_on_its_port(database_url: str) -> None:
    port = free_port()
    env = {**os.environ, "QUORUM_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "quorum.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/v1/meetings", params={"date_from": "2024-03-14"})
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
                assert time.monotonic() < deadline, "quorum serve did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        assert [m["date"] for m in response.json()["items"]] == ["2024-03-14"]  # the test pack, line 5
        assert "Quorum" in httpx.get(f"http://127.0.0.1:{port}/").text
    finally:
        process.terminate()
        process.wait(timeout=10)
