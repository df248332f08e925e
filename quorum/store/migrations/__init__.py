"""Alembic migrations of the Quorum store (a package so that installed copies can migrate)."""
