"""Slow robustness tests (100 MB inputs) run only when asked: ``-m slow`` or ``QUORUM_RUN_SLOW=1``."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip items marked ``slow`` unless the run selects them or QUORUM_RUN_SLOW is set."""
    if os.environ.get("QUORUM_RUN_SLOW") or "slow" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow or QUORUM_RUN_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
