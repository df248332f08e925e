"""Segment: split a normalised pack into typed sub-documents with line spans."""

from quorum.segment.documents import segment

__all__ = ["segment"]
