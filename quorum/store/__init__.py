"""Store: parsed records → SQLite (default) or PostgreSQL, with identity resolution and full-text search.

Open a store with :func:`open_store` (migrates to the newest schema), fill it
with :func:`ingest_paths`, ask it questions with :mod:`quorum.store.queries`
and :func:`search`.
"""

from quorum.store.db import database_url, make_engine, migrate, open_store
from quorum.store.ingest import IngestReport, ingest_paths, store_result
from quorum.store.search import Filters, Hit, parse_query, search

__all__ = [
    "Filters",
    "Hit",
    "IngestReport",
    "database_url",
    "ingest_paths",
    "make_engine",
    "migrate",
    "open_store",
    "parse_query",
    "search",
    "store_result",
]
