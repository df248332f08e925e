"""Report → minute links, tested on minutes records built by hand from the sample lines."""

from __future__ import annotations

from quorum.extract.links import link_recommendations
from quorum.extract.reports import extract_reports
from quorum.model import MinuteItem, Minutes, Resolution, Span
from tests.conftest import sample_text


def _hwb_minutes() -> Minutes:
    # council sample lines 2326-2361: Health and Wellbeing Board minutes, 20 July 2017, minute 217
    item = MinuteItem(
        number="217",
        title="Terms of Reference for Health and Wellbeing Board",
        line=2350,
        end_line=2361,
        resolutions=[
            Resolution(
                text="That the terms of reference of the Board be amended to:",
                line=2356,
                verb="RECOMMEND",
                recommended_to="Council",
            )
        ],
    )
    return Minutes(body="HEALTH AND WELLBEING BOARD", date="2017-07-20", span=Span(2326, 2361), items=[item])


def test_hwb_report_links_to_minute_217_recommended_to_council() -> None:
    reports = extract_reports(sample_text("council"), [])
    links = link_recommendations(reports, [_hwb_minutes()])
    assert len(links) == 1
    link = links[0]
    assert reports[link.report].span.start_line == 2097  # the HWB report, 20 July 2017
    assert (link.item, link.outcome, link.recommended_to, link.line) == ("217", "recommended", "Council", 2356)


def test_no_link_across_meetings() -> None:
    reports = extract_reports(sample_text("council"), [])
    minutes = _hwb_minutes()
    minutes.date = "2017-03-28"
    assert link_recommendations(reports, [minutes]) == []


def test_noted_outcome() -> None:
    reports = extract_reports(sample_text("corporate_parenting"), [])
    item = MinuteItem(
        number="9",
        title="INFORMATION REPORT - Corporate Parenting Strategy",
        line=1,
        resolutions=[Resolution(text="That the report be noted.", line=2, verb="RESOLVED")],
    )
    minutes = Minutes(body="Corporate Parenting Panel", date="2017-06-14", span=Span(1, 2), items=[item])
    (link,) = link_recommendations(reports, [minutes])
    assert reports[link.report].subject == "Corporate Parenting Strategy" and link.outcome == "noted"
