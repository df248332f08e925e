"""Ingest: read a source (text pack, PDF, ModernGov) into raw text and a Source record."""

from quorum.ingest.text import read_text_source

__all__ = ["read_text_source"]
