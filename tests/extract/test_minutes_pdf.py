"""Minutes read from real printed-minutes PDFs of councils other than Harrow.

Kent Cabinet 30 January 2025 and Merton Audit Committee 24 September 2009 are in tests/data/pdf; Kent
County Council 13 February 2025 and East Palo Alto (US) are in the shared fixtures and skipped when absent.
Line numbers are those of the ingested text (one line per PDF text line), with the PDF page; the
expectations were read from the pages, not from the parser.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from quorum.model import Minutes, ParseResult
from quorum.pipeline import parse_path

PDF = Path(__file__).resolve().parents[1] / "data" / "pdf"
SHARED = Path("/work/shared/fixtures/pdf")
KENT_CABINET = PDF / "kent_cabinet_2025-01-30_printed_minutes.pdf"
MERTON = PDF / "merton_audit_committee_2009-10-22_agenda_pack.pdf"
KENT_COUNCIL = SHARED / "kent_county_council_2025-02-13_printed_minutes.pdf"
EAST_PALO_ALTO = SHARED / "eastpaloalto_ca_minutes_2020-01-27.pdf"


@cache
def _parse(path: Path) -> ParseResult:
    if not path.exists():
        pytest.skip(f"{path.name} not present")
    return parse_path(path)


def _only(path: Path) -> Minutes:
    [minutes] = _parse(path).minutes
    return minutes


def _names(people: list) -> list[str]:
    return [p.name for p in people]


# -------------------------------------------------------- Kent Cabinet ---


def test_kent_cabinet_present_in_attendance_and_apologies() -> None:
    minutes = _only(KENT_CABINET)
    assert (minutes.body, minutes.date) == ("Cabinet", "2025-01-30")
    # lines 9-10 (page 1) "PRESENT: Mr R W Gough (Chairman), Mr N Baker, ... Mr R C Love, OBE, ... and Mr R J Thomas"
    assert _names(minutes.present) == [
        "Mr R W Gough",
        "Mr N Baker",
        "Mrs S Chandler",
        "Mr D Jeffrey",
        "Mr R C Love",
        "Mr D Murphy",
        "Mr P J Oakford",
        "Mr D Watkins",
        "Mr R J Thomas",
    ]
    assert minutes.chair == "Mr R W Gough"
    # lines 12-23 "IN ATTENDANCE:" ten officers, the last "and McKay (Acting Chief Accountant)" (line 17,
    # surname only), then "IN ATTENDANCE VIRTUALLY:" four more
    assert [(p.name, p.role) for p in minutes.in_attendance] == [
        ("Dr A Ghosh", "Director of Public Health"),
        ("Mrs S Hammond", "Corporate Director Children, Young People and Education"),
        ("Mrs A Beer", "Chief Executive"),
        ("Mr D Shipton", "Head of Finance Policy, Planning and Strategy"),
        ("Mr B Watts", "General Counsel"),
        ("Mrs C Head", "Head of Finance Operations"),
        ("Mr J Betts", "Interim Corporate Director Finance"),
        ("Mr N Abrahams", "Area Education Officer – West Kent"),
        ("Ms C McInnes", "Director of Education"),
        ("McKay", "Acting Chief Accountant"),
        ("Mr S Jones", "Corporate Director of Growth, Environment and Transport"),
        ("Mr M Albiston", "Director of Adult Social Care"),
        ("Dr M Gogarty", "Interim Strategic Lead for Public Health"),
        ("Mrs L Gannon", "Director of Technology"),
    ]
    assert _names(minutes.apologies) == ["Mrs C Bell"]  # line 30 "Apologies were received from Mrs C Bell."


def test_kent_cabinet_minute_titles_wrapped_over_item_lines() -> None:
    minutes = _only(KENT_CABINET)
    # each heading is followed by "(Item N)"; long titles wrap onto the next line (437-439, 515-517, 625-628)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("84", "Apologies"),
        ("85", "Declarations of Interest"),
        ("86", "Minutes of the Meeting held on 9th January 2025"),
        ("87", "Cabinet Member Updates"),
        ("88", "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25"),
        (
            "89",
            "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 and Treasury Management"
            " Strategy",
        ),
        (
            "90",
            "24/00109 - Transfer the 18-25 section of the Strengthening Independence Service from the Children"
            " Young People and Education Directorate to the Adult Social Care and Health Directorate",
        ),
        ("91", "24/00115 - Kent County Council Integrated Care Strategy (KCC ICS) Delivery Plan"),
        ("92", "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"),
    ]


def test_kent_cabinet_numbered_resolutions_complete() -> None:
    items = {i.number: i for i in _only(KENT_CABINET).items}
    # 87 (Cabinet Member Updates) decides nothing: "Decision - 24/00097 - ..." at line 172 names a decision
    assert items["87"].resolutions == []
    # lines 505-513 (page 10) "3. RESOLVED that Cabinet agree to:" then A) .. f), the last wrapping onto 513
    [budget] = items["88"].resolutions
    assert budget.text.startswith("that Cabinet agree to:\nA) Note the forecast revenue overspend of £23.3m")
    assert budget.text.endswith("f) Note the Reserves, Treasury Management and Prudential Indicators\nMonitoring")
    assert (budget.line, budget.end_line) == (505, 513)
    # lines 757-772 (pages 15-16) "(a)" to "(c)" across the page-number line "16"
    [strategy] = items["91"].resolutions
    assert strategy.text.endswith("as necessary to\nimplement the decision.")
    assert strategy.text.count("Delegate authority") == 2
    # lines 855-856 (page 17) the last resolution runs to the end of the document
    assert items["92"].resolutions[0].text == (
        "that Cabinet agree the Commissioning Plan for Education\nProvision in Kent 2025-29"
    )
    assert [len(items[n].resolutions) for n in ("84", "85", "86", "89", "90")] == [0, 0, 1, 1, 1]


# ------------------------------------------------- Kent County Council ---


def test_kent_council_apologies_reported_in_prose_over_lines() -> None:
    minutes = _only(KENT_COUNCIL)
    assert (minutes.body, minutes.date) == ("County Council", "2025-02-13")
    assert len(minutes.present) == 64  # lines 8-21 (page 1)
    assert (minutes.present[0].name, minutes.present[0].role) == ("Mr B J Sweetland", "Chairman")
    assert _names(minutes.in_attendance) == ["Mr J Cook", "Mr B Watts", "Mr J Betts"]  # lines 23-24
    # lines 31-35 "The Democratic Services Manager reported apologies from Mr Paul Barrington-" / "King, ..."
    names = _names(minutes.apologies)
    assert len(names) == 15
    assert names[1:4] == ["Mr Conrad Broadley", "Mr Tom Cannon", "Mr Nigel Collor"]
    assert "Mr Jeremy Kite" in names and names[-1] == "Mr Charlie Simkins"
    assert minutes.apologies[-1].line == 35


def test_kent_council_declarations_votes_and_budget_resolution() -> None:
    minutes = _only(KENT_COUNCIL)
    # lines 46-49 (pages 1-2) "(2) Ms Meade declared ..." "(3) Miss Carey declared a pecuniary interest ..."
    assert [(d.member, d.line, d.kind) for d in minutes.declarations] == [
        ("Ms Meade", 46, None),
        ("Miss Carey", 47, "pecuniary"),
    ]
    items = {i.number: i for i in minutes.items}
    assert (
        items["291"].title
        == "Capital Programme 2025-35 and Revenue Budget 2025-26 (including Council Tax Setting 2025/26)"
    )
    # lines 89-115 (pages 2-3): proposed and seconded, "For (57)" names below, "Against (0)", "Abstain (2)"
    [section25] = items["290"].votes
    assert (section25.mover, section25.seconder, section25.outcome) == ("Mr Oakford", "Mr Gough", "carried")
    assert (section25.for_count, len(section25.for_names), section25.abstain_names) == (
        57,
        57,
        ["Mr B Lewis", "Mr D Ross"],
    )
    assert items["290"].resolutions[0].line == 117  # "(4) RESOLVED that pursuant to section 25 ..."
    # six amendments lost, then the substantive motion carried 41-10-7 (lines 556-574)
    outcomes = [(v.outcome, v.for_count, v.against_count, v.abstentions) for v in items["291"].votes if v.outcome]
    assert outcomes[-1] == ("carried", 41, 10, 7)
    assert [o for o, *_ in outcomes].count("lost") == 6
    # lines 576-662 (pages 13-14) "(27) RESOLVED that:" through group headings ("2025-26 Council Tax") to (v)
    [budget] = items["291"].resolutions
    assert (budget.line, budget.end_line) == (576, 662)
    assert "2025-26 Council Tax\n(e) To increase Council Tax band rates" in budget.text
    assert budget.text.endswith("agreed strategy to replenish reserves at earliest opportunity.")


# -------------------------------------------------------------- Merton ---


def test_merton_prose_lists_declarations_times_and_lettered_resolutions() -> None:
    audit, joint = _parse(MERTON).minutes
    # page 3 line 71 "(19:15 TO 19:25 AND 20:25 TO 20:27)"
    assert (audit.start_time, audit.end_time) == ("19:15", "20:27")
    # lines 75-83 "ALSO PRESENT: ... and Martin Whelton." then officers, "Colin Millar (Democratic Services)"
    # with no comma before "Suresh Patel" on the next line
    names = _names(audit.in_attendance)
    assert names[names.index("Martin Whelton") + 1] == "Caroline Holland"
    assert names[names.index("Colin Millar") + 1] == "Suresh Patel"
    # lines 87-90: "The Chair declared a personal interests ..." and "Danny Connellan indicated a personal interest"
    assert [d.member for d in audit.declarations] == ["Dave Roberts", "Danny Connellan"]
    # lines 120-125 (page 4) "RESOLVED: (A) That ..." and "(B) That ..."
    lettered = next(i for i in audit.items if i.number == "5").resolutions[0]
    assert lettered.text.startswith("(A) That") and "\n(B) That the Audit Committee notes" in lettered.text
    # page 5 lines 141-142: "Danny Connellan. Councillors" / "Angela Caldara, Corinna Edge, Councillors Chris Edge"
    assert _names(joint.present)[:6] == [
        "Dave Roberts",
        "Danny Connellan",
        "Angela Caldara",
        "Corinna Edge",
        "Chris Edge",
        "Mark Betteridge",
    ]


def test_east_palo_alto_us_minutes_do_not_crash() -> None:
    result = _parse(EAST_PALO_ALTO)
    for minutes in result.minutes:
        assert minutes.span.start_line <= minutes.span.end_line
