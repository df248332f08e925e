"""Browser tests: a reader searches, opens a hit and sees the cited lines; opens a councillor and a meeting.

They drive the Debian Chromium at /usr/bin/chromium with Playwright (which cannot download its own
browsers here) and save screenshots under test-artifacts/. Skipped only when Chromium is missing
and CI is not set: in CI a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"), reason="Chromium is not installed at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium for the module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: object, live_server: str) -> Iterator[object]:
    """A fresh page with the live server as its base URL."""
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def shot(page: object, name: str, full_page: bool = True) -> Path:
    """Save a screenshot (the whole page, or the viewport) under test-artifacts/ and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)  # type: ignore[attr-defined]
    return path


def test_search_ofsted_open_hit_and_see_cited_lines(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/")  # type: ignore[attr-defined]
    page.get_by_label("Search meeting records").first.fill("Ofsted")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Search").first.click()  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"/search\?q=Ofsted"))  # type: ignore[arg-type]
    hits = page.locator("ol.hits > li")  # type: ignore[attr-defined]
    expect(hits.first).to_be_visible()
    expect(hits.first.locator("mark").first).to_have_text(re.compile("ofsted", re.IGNORECASE))
    shot(page, "search-ofsted")
    hits.first.locator("h2 a").click()
    expect(page).to_have_url(re.compile(r"/source/\d+\?start=\d+&end=\d+#L\d+"))  # type: ignore[arg-type]
    highlighted = page.locator("tr.hl")  # type: ignore[attr-defined]
    expect(highlighted.first).to_be_visible()
    expect(highlighted.first).to_be_in_viewport()
    assert re.search("ofsted", " ".join(highlighted.all_inner_texts()), re.IGNORECASE)
    shot(page, "source-ofsted", full_page=False)


def test_open_councillor_and_see_attendance_record(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/people")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Bernard Quill").click()  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", level=1)).to_have_text("Bernard Quill")  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Attendance record")).to_be_visible()  # type: ignore[attr-defined]
    rates = page.locator("table.rates")  # type: ignore[attr-defined]
    expect(rates).to_contain_text("Cabinet")
    expect(rates).to_contain_text("100%")  # present at the one meeting on record (test pack line 44)
    shot(page, "person")


def test_open_meeting_and_see_agenda_and_decisions(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/bodies")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Cabinet", exact=True).click()  # type: ignore[attr-defined]
    page.get_by_role("link", name=re.compile("8 February 2024")).click()  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Minutes and decisions")).to_be_visible()  # type: ignore[attr-defined]
    # test pack line 61: the resolution of minute 17
    expect(page.locator(".decision", has_text="library volunteers scheme")).to_be_visible()  # type: ignore[attr-defined]
    expect(page.locator("ol.minutes")).not_to_contain_text("Zanzibar")  # type: ignore[attr-defined]
    shot(page, "meeting-minutes")
    page.goto("/bodies")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Cabinet", exact=True).click()  # type: ignore[attr-defined]
    page.get_by_role("link", name=re.compile("14 March 2024")).click()  # type: ignore[attr-defined]
    agenda = page.locator("ol.agenda")  # type: ignore[attr-defined]
    expect(agenda).to_contain_text("LIBRARY OPENING HOURS REVIEW")
    expect(agenda).not_to_contain_text("ZANZIBAR")
    expect(page.locator("body")).not_to_contain_text("Zanzibar")  # type: ignore[attr-defined]
    shot(page, "meeting")


def test_council_meeting_and_home_screenshots(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/")  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Committees and bodies")).to_be_visible()  # type: ignore[attr-defined]
    shot(page, "home")
    page.get_by_role("link", name=re.compile("^Council")).first.click()  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Agenda")).to_be_visible()  # type: ignore[attr-defined]
    expect(page.locator("ol.agenda")).to_contain_text("OFSTED")  # type: ignore[attr-defined]
    shot(page, "meeting-council")
    shot(page, "meeting-council-top", full_page=False)


def test_skip_link_moves_focus_to_main(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    skip = page.get_by_role("link", name="Skip to main content")  # type: ignore[attr-defined]
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile("#main$"))  # type: ignore[arg-type]


def test_indicator_page_draws_its_chart(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/indicators")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Library visits per 1,000 residents").click()  # type: ignore[attr-defined]
    chart = page.get_by_role("img", name="Library visits per 1,000 residents")  # type: ignore[attr-defined]
    expect(chart).to_be_visible()
    expect(page.get_by_role("table", name="Readings")).to_contain_text("455")  # type: ignore[attr-defined]
    shot(page, "indicator", full_page=False)
