"""Quorum: UK council meeting records as structured, linked, searchable public data."""

__version__ = "0.1.0"
