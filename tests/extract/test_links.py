"""Report → minute links and Panel → Cabinet → Council chains (line numbers cite the source)."""

from __future__ import annotations

from quorum.extract.links import link_recommendations, trace_decisions
from quorum.extract.reports import extract_reports
from quorum.model import AgendaItem, Meeting, MinuteItem, Minutes, Resolution, Span
from tests.conftest import sample_result, sample_text


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


# ------------------------------------------------------------------ chains ---


def _chains(name: str) -> dict[int, list]:
    chains: dict[int, list] = {}
    for step in sample_result(name).decision_steps:
        chains.setdefault(step.chain, []).append(step)
    return {k: sorted(v, key=lambda s: s.order) for k, v in chains.items()}


def _chain_to_item(number: str) -> list:
    (chain,) = [c for c in _chains("council").values() if c[-1].agenda_item == number]
    return chain


def test_council_items_8_to_12_are_recommendations_from_other_bodies() -> None:
    # summons lines 82-105: items 8-12 read "Recommendation I: <body> (<date>)"
    received = {c[-1].agenda_item: c for c in _chains("council").values()}
    assert sorted(received, key=int) == ["8", "9", "10", "11", "12", "13"]
    for chain in received.values():
        last = chain[-1]
        assert (last.body, last.date, last.outcome, last.meeting) == ("Council", "2017-09-28", "pending", 0)


def test_panel_cabinet_council_chain_for_corporate_parenting_strategy() -> None:
    panel, cabinet, council = _chain_to_item("9")
    # line 1898: "..., as recommended by the Corporate Parenting Panel on 14 June 2017, be approved."
    assert (panel.body, panel.date, panel.line) == ("Corporate Parenting Panel", "2017-06-14", 1898)
    # lines 1862-1896: CABINET 13 JULY 2017, "575. Corporate Parenting Strategy", "Resolved to RECOMMEND: (to Council)"
    minutes = sample_result("council").minutes[cabinet.minutes]
    assert (minutes.body, minutes.date) == ("CABINET", "2017-07-13")
    assert (cabinet.item, cabinet.outcome, cabinet.recommended_to) == ("575", "recommended", "Council")
    assert cabinet.text == "That the Corporate Parenting Strategy 2017 – 2019 be approved."  # line 1896
    assert (council.agenda_item, council.line) == ("9", 87)  # "9. CORPORATE PARENTING STRATEGY"


def test_cabinet_record_of_decisions_minute_576_goes_to_item_8() -> None:
    cabinet, council = _chain_to_item("8")
    # lines 1166-1200: CABINET 13 JULY 2017, "576. Community Safety, ...", "Resolved to RECOMMEND: (to Council)"
    assert (cabinet.body, cabinet.date, cabinet.item, cabinet.recommended_to) == (
        "CABINET",
        "2017-07-13",
        "576",
        "Council",
    )
    assert cabinet.text.endswith("Exploitation Strategy 2017-2020 be adopted.")  # line 1200
    assert council.agenda_item == "8" and council.line == 82
    cabinet, council = _chain_to_item("10")  # lines 1920-1954: minute 591, 14 September 2017
    assert (cabinet.item, cabinet.date, council.line) == ("591", "2017-09-14", 92)


def test_pension_fund_committee_role_of_co_optee_to_council() -> None:
    committee, council = _chain_to_item("11")
    # lines 1986-2016: PENSION FUND COMMITTEE 28 JUNE 2017, "208. Role of Co-optee",
    # "Resolved to RECOMMEND: (to Council)"
    assert (committee.body, committee.date, committee.item) == ("PENSION FUND COMMITTEE", "2017-06-28", "208")
    assert committee.text.startswith("That the role of, and the working arrangements")
    assert council.line == 97


def test_recommendation_whose_minutes_are_to_follow() -> None:
    committee, council = _chain_to_item("12")
    # lines 102-105: item 12 "(To Follow)", "Recommendation I: Pension Fund Committee (18 September 2017)"
    assert (committee.body, committee.date, committee.minutes) == ("Pension Fund Committee", "2017-09-18", None)
    assert council.report is None


def test_hwb_report_minute_and_council_report_form_one_chain() -> None:
    result = sample_result("council")
    board, council = _chain_to_item("13")
    # line 2097: report FOR the HEALTH AND WELLBEING BOARD, 20 July 2017
    assert result.reports[board.report].span.start_line == 2097
    # lines 2324-2361 (APPENDIX 3): minute 217 recommended to Council
    assert (board.item, board.recommended_to, board.line) == ("217", "Council", 2356)
    # line 2027: "REPORT FOR: COUNCIL", Constitutional amendments, under agenda item 13 (line 107)
    assert result.reports[council.report].span.start_line == 2027
    (link,) = result.links
    assert (link.report, link.item, link.outcome) == (board.report, "217", "recommended")
    assert (link.agenda_item, link.next_report, link.chain) == ("13", council.report, board.chain)


def test_packs_without_onward_recommendations_have_no_chains() -> None:
    # the other packs' minutes only RESOLVE/AGREE; none recommends to another body
    for name in ("corporate_parenting", "scrutiny", "partnership", "annual_report"):
        assert sample_result(name).decision_steps == []


def test_chain_from_hand_built_minutes_to_agenda_item_by_title() -> None:
    item = MinuteItem(
        number="12",
        title="Parking Strategy",
        line=3,
        resolutions=[
            Resolution(
                text="That the Parking Strategy, as recommended by the Traffic Panel on 2 May 2019, be adopted.",
                line=4,
                verb="RECOMMEND",
                recommended_to="Council",
            )
        ],
    )
    minutes = Minutes(body="Cabinet", date="2019-06-01", span=Span(1, 5), items=[item])
    agenda = [AgendaItem(number="7", title="PARKING STRATEGY", line=40)]
    meeting = Meeting(body="Council", date="2019-07-01", span=Span(30, 50), agenda=agenda)
    links, steps = trace_decisions([], [minutes], [], [meeting])
    assert links == []
    assert [(s.body, s.order, s.outcome) for s in steps] == [
        ("Traffic Panel", 0, "recommended"),
        ("Cabinet", 1, "recommended"),
        ("Council", 2, "pending"),
    ]
    assert steps[0].date == "2019-05-02" and steps[2].agenda_item == "7"
