"""Recommendation → resolution links between reports and the minutes that decided them."""

from __future__ import annotations

from quorum.model import Minutes, RecommendationLink, Report


def link_recommendations(reports: list[Report], minutes: list[Minutes]) -> list[RecommendationLink]:
    """Return links from each report's recommendations to the minutes that decided them."""
    return []
