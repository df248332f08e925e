"""Normalise: lines with a raw and a clean view, and page furniture flagged."""

from quorum.normalise.lines import classify_furniture, clean_line, normalise, split_cells, upper_ratio

__all__ = ["classify_furniture", "clean_line", "normalise", "split_cells", "upper_ratio"]
