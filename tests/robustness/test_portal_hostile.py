"""The portal and API under hostile requests: any answer but a server error.

Search strings built to break FTS or SQL, absurd ids, line ranges, cursors,
limits and dates must get a 2xx/3xx page or a 4xx explanation, never a 500,
and must not change the database.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

app_module = pytest.importorskip("quorum.serve.app", reason="the portal (quorum.serve.app) is not built yet")
store = pytest.importorskip("quorum.store", reason="the store is not built yet")

from fastapi.testclient import TestClient  # noqa: E402

from tests.conftest import sample_path  # noqa: E402
from tests.robustness.store_dump import row_counts  # noqa: E402
from tests.robustness.test_store_hostile import HOSTILE_QUERIES  # noqa: E402

#: Query strings a URL can carry (NUL and huge strings included: the server must refuse them politely).
QUERIES = [q for q in HOSTILE_QUERIES if len(q) < 5000] + ["a" * 5000]

#: Paths with hostile parameters, for the portal and the API.
PATHS = [
    "/meetings/0",
    "/meetings/-1",
    "/meetings/99999999999999999999999",
    "/meetings/abc",
    "/meetings/1%00",
    "/people/0",
    "/bodies/999999999",
    "/indicators/-5",
    "/documents/0",
    "/source/1?start=-5&end=999999999",
    "/source/1?start=10&end=1",
    "/source/1?start=abc",
    "/source/999999",
    "/search?q=&date_from=2017-13-45",
    "/search?q=Harrow&date_from=not-a-date&date_to=%00",
    "/search?q=Harrow&cursor=%27%20OR%201%3D1",
    "/search?q=Harrow&body=-1&person=99999999999999999999",
    "/decisions?cursor=!!!",
    "/declarations.csv?cursor=%00",
    "/api/v1/meetings?limit=-1",
    "/api/v1/meetings?limit=1000000000000",
    "/api/v1/meetings?cursor=not-base64",
    "/api/v1/meetings?cursor=eyJ4IjogMX0",
    "/api/v1/people/99999999999999999999",
    "/api/v1/search?q=",
    "/api/v1/search?q=Harrow&limit=0",
    "/api/v1/search?q=Harrow&date_from=2017-02-30",
    "/api/v1/search?q=Harrow&kind=%27%3B%20DROP%20TABLE%20sources",
    "/feeds/bodies/0/meetings.ics",
    "/feeds/people/-1.atom",
    "/feeds/search.atom?q=%22",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static/../../pyproject.toml",
]


@pytest.fixture(scope="module")
def client_and_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, Path]:
    """A test client on a store holding the partnership board sample."""
    folder = tmp_path_factory.mktemp("portal")
    packs = folder / "packs"
    packs.mkdir()
    shutil.copy(sample_path("partnership"), packs / "partnership.txt")
    db = folder / "quorum.db"
    engine = store.open_store(f"sqlite:///{db}")
    store.ingest_paths(engine, [packs], workers=1)
    engine.dispose()
    client = TestClient(app_module.create_app(f"sqlite:///{db}"), raise_server_exceptions=False)
    answer = client.get("/api/v1/search?q=Partnership")  # the store is not empty: hostile answers mean something
    assert answer.status_code == 200 and answer.json()["items"], answer.text[:200]
    return client, db


def assert_not_a_server_error(client: TestClient, url: str) -> None:
    """GET ``url`` and check the answer is not a 5xx and shows no traceback."""
    response = client.get(url, follow_redirects=False)
    assert response.status_code < 500, f"{url}: HTTP {response.status_code}"
    assert "Traceback" not in response.text
    assert "root:x:0:0" not in response.text


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_hostile_search_strings(client_and_db: tuple[TestClient, Path], query: str) -> None:
    client, db = client_and_db
    before = row_counts(db)
    for base in ("/search?q=", "/api/v1/search?q=", "/feeds/search.atom?q="):
        assert_not_a_server_error(client, base + quote(query, safe=""))
    assert row_counts(db) == before


@pytest.mark.parametrize("path", PATHS)
def test_hostile_paths_and_parameters(client_and_db: tuple[TestClient, Path], path: str) -> None:
    client, db = client_and_db
    before = row_counts(db)
    assert_not_a_server_error(client, path)
    assert row_counts(db) == before
