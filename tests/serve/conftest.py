"""Fixtures of the portal tests: one SQLite store per session with the Harrow samples and the test pack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quorum.serve.app import create_app
from quorum.store import ingest_paths, open_store, store_result
from quorum.store.prepare import prepare_text
from tests.conftest import SAMPLES
from tests.serve.pack import PACK, pack_result


def build_database(path: Path) -> str:
    """Ingest the Harrow samples (as ``quorum ingest samples/harrow`` does) and the hand-built test pack
    into a new SQLite file; return its URL."""
    url = f"sqlite:///{path}"
    engine = open_store(url)
    report = ingest_paths(engine, [SAMPLES], workers=1)
    assert not report.failed, report.failed
    result, raw = pack_result()
    store_result(engine, prepare_text(result, raw), str(PACK))
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of the session's test store."""
    return build_database(tmp_path_factory.mktemp("store") / "quorum.db")


@pytest.fixture(scope="session")
def client(database_url: str) -> Iterator[TestClient]:
    """A test client of the app on the session's store."""
    with TestClient(create_app(database_url)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[str]:
    """Run the app under uvicorn in a thread for the browser tests; yield its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(database_url), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def all_items(client: TestClient, url: str, **params: object) -> list[dict]:
    """Fetch every page of an API list, following next_cursor."""
    items: list[dict] = []
    cursor = None
    for _ in range(1000):
        page = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


@pytest.fixture(scope="session")
def pack_ids(client: TestClient) -> dict[str, int]:
    """Ids of the test pack's records: its body, both meetings and its people."""
    meetings = all_items(client, "/api/v1/meetings", date_from="2024-01-01")
    by_date = {m["date"]: m for m in meetings}
    people = {p["name"]: p["id"] for p in all_items(client, "/api/v1/people")}
    return {
        "body": by_date["2024-03-14"]["body_id"],
        "meeting": by_date["2024-03-14"]["id"],
        "minutes_meeting": by_date["2024-02-08"]["id"],
        "quill": people["Bernard Quill"],
        "frost": next(i for n, i in people.items() if n.endswith("Delia Frost")),
        "lintel": people["Gareth Lintel"],
    }
