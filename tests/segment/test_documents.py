"""Segmentation of the five Harrow samples, pinned to boundaries read off the files by hand.

Each expected row is (kind, start_line, end_line, agenda_item, parent). The
comments give the line evidence for each boundary. Start lines are the first
content line of a document; end lines the last content line before the next.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.model import Access, DocumentKind, Source
from quorum.normalise import normalise
from quorum.segment import segment
from tests.conftest import SAMPLE_FILES, sample_text

Row = tuple[str, int, int, str | None, int | None]

# Partnership Board, 13 March 2013: six documents.
PARTNERSHIP: list[Row] = [
    ("agenda", 5, 75, None, None),  # 5 "HARROW PARTNERSHIP BOARD MEETING" .. 75 private-agenda note; 77 blank notice
    ("minutes", 81, 239, "3", None),  # 81 body, 83 "Minutes of the meeting held on Thursday 6 December 2012"; 239 close
    ("report", 245, 368, "5", None),  # 245-249 body / "Safer Harrow - Update" / date; 370 blank notice
    ("report", 372, 390, "6", None),  # 372 "REPORT FOR: Strategic Group"; Enclosures: CIB Discussion Document (381)
    ("appendix", 392, 573, "6", 3),  # 392 "C.I.B. DISCUSSION PAPER" = the enclosure; 575 blank notice
    ("report", 579, 630, "8", None),  # 579-583 body / "Report of activity at Harrow Chief Executives" / date
]

# Overview and Scrutiny, 9 December 2014: six documents.
SCRUTINY: list[Row] = [
    ("agenda", 3, 110, None, None),  # front sheet; 113 blank notice
    ("report", 115, 529, "7", None),  # 115 "**REPORT FOR: OVERVIEW AND" .. 529 "Background Papers:"
    ("report", 533, 669, "8", None),  # 533 REPORT FOR; 541 enclosures 1. scorecard 2. strategic priorities
    ("scorecard", 673, 722, "8", 2),  # 673 "2014-15 Q1 Improvement Board - Children's Services Scorecard" (enclosure 1)
    ("appendix", 724, 756, "8", 2),  # 724 "...Identification of Strategic Improvement Priorities" (enclosure 2)
    ("report", 758, 967, "9", None),  # 758 REPORT FOR: Child Sexual Exploitation, runs to the end of the pack
]

# Corporate Parenting Panel, 14 June 2017: thirteen documents.
CORPORATE_PARENTING: list[Row] = [
    ("agenda", 3, 147, None, None),  # front sheet; minutes follow with no blank page
    ("minutes", 149, 288, "4", None),  # 149 "CORPORATE PARENTING PANEL" / 151 MINUTES / 153 "28 MARCH 2017"
    ("report", 292, 406, "8", None),  # 292 CNWL letterhead health report (item 8, pages 13-16)
    ("appendix", 408, 438, "8", 2),  # 408 "Appendix 1" / 410 "Comments from UASC, CLA, Care Leavers, and Carers"
    ("report", 444, 587, "9", None),  # 444 REPORT FOR (Ofsted report, item 9, pages 17-70)
    ("action_plan", 591, 606, "9", 4),  # 591 "2017 ... OFSTED Single Inspection Framework Action Plan"
    ("inspection_report", 610, 1023, "9", 4),  # 610 "London Borough of Harrow", 618 "Inspection dates:"
    ("report", 1027, 1143, "10", None),  # 1027 REPORT FOR (Housing for Care leavers); 1145 next REPORT FOR
    ("report", 1145, 1220, "11", None),  # 1145 REPORT FOR (Adoption and Fostering Regional initiatives)
    ("report", 1226, 1338, "12", None),  # 1226 REPORT FOR (Corporate Parenting Strategy); 1246 enclosure
    (
        "strategy",
        1340,
        1941,
        "12",
        9,
    ),  # 1340 "Corporate Parenting Strategy 2017 to 2019" + CONTENTS; own appendices A-C
    ("report", 1945, 2041, "13", None),  # 1945 REPORT FOR (Activity and Performance); 1956 "CLA Performance Report"
    ("scorecard", 2046, 2351, "13", 11),  # 2046 "Corporate Parenting Report" (page top, key indicators, CONTENTS)
]

# Council summons, 28 September 2017: thirty documents.
COUNCIL: list[Row] = [
    ("agenda", 3, 211, None, None),  # 3 "Council SUMMONS AND AGENDA" .. 211 data-protection note
    ("motion", 143, 159, "18", 0),  # 143 1. "Accessible London Underground stations Motion
    ("motion", 161, 183, "18", 0),  # 161 2. "NJC pay Motion
    ("motion", 185, 196, "18", 0),  # 185 3. "Making the next census count ...; 198 item 19
    ("cover", 213, 215, "1", None),  # 213 "COUNCIL 28 SEPTEMBER 2017" / 215 MINUTES; 217 blank notice
    ("minutes", 219, 347, "1", 4),  # 219 "COUNCIL (ANNUAL) MINUTES" / 221 "18 MAY 2017"; 347 close of meeting
    ("appendix", 349, 410, "1", 5),  # 349 "APPOINTMENTS TO OUTSIDE BODIES 2017/18" ("the Appendix to these minutes")
    ("minutes", 412, 484, "1", 4),  # 412 "COUNCIL EXTRAORDINARY MINUTES" / 414 "13 JUNE 2017"; 484 close
    ("cover", 486, 493, "7", None),  # 486 "**COUNCIL / 28 SEPTEMBER 2017**" + item title; 495 blank notice
    ("report", 497, 679, "7", 8),  # 497 "REPORT FOR: Council Meeting"
    ("inspection_report", 681, 1095, "7", 9),  # 681 "London Borough of Harrow", 689 "Inspection dates:"
    ("action_plan", 1099, 1147, "7", 9),  # 1099 "... Single Inspection Framework Action Plan"; 1149 blank notice
    ("cover", 1151, 1162, "8", None),  # 1151 COUNCIL / CABINET RECOMMENDATION (13 JULY 2017) / strategy title
    ("minutes", 1166, 1208, "8", 12),  # 1166 "CABINET" / 1168 "13 JULY 2017" / 1170 "Record of decisions ..."
    ("strategy", 1210, 1845, "8", 12),  # 1210 "**Community Safety, ... Strategy 2017 – 2020**" + 1216 Contents
    ("cover", 1849, 1858, "9", None),  # 1849 COUNCIL / CABINET RECOMMENDATION / CORPORATE PARENTING STRATEGY
    ("minutes", 1862, 1904, "9", 15),  # 1862 CABINET 13 JULY 2017 record of decisions
    ("cover", 1906, 1916, "10", None),  # 1906 COUNCIL (no blank page before it) / USE OF RETAINED RIGHT TO BUY
    ("minutes", 1920, 1970, "10", 17),  # 1920 CABINET / 1922 "14 SEPTEMBER 2017"
    ("cover", 1972, 1982, "11", None),  # 1972 COUNCIL / PENSION FUND COMMITTEE RECOMMENDATION (28 JUNE 2017)
    ("minutes", 1986, 2016, "11", 19),  # 1986 PENSION FUND COMMITTEE / MINUTES / 28 JUNE 2017
    ("cover", 2018, 2023, "13", None),  # 2018 COUNCIL / CONSTITUTIONAL AMENDMENTS ... (item 12 is To Follow)
    ("report", 2027, 2093, "13", 21),  # 2027 "REPORT FOR: COUNCIL"
    ("report", 2097, 2181, "13", 22),  # 2097 "REPORT FOR: HEALTH AND WELLBEING BOARD" dated 20 July 2017: appendix 1
    ("appendix", 2183, 2320, "13", 22),  # 2183 "HEALTH AND WELLBEING BOARD" terms of reference (tracked changes)
    ("minutes", 2324, 2361, "13", 22),  # 2324 "APPENDIX 3" / "HEALTH AND WELLBEING BOARD MINUTES" / 20 JULY 2017
    ("cover", 2363, 2367, "16", None),  # 2363 COUNCIL / INFORMATION REPORT - DECISIONS TAKEN ...
    ("report", 2371, 2421, "16", 26),  # 2371 "REPORT FOR: COUNCIL"; enclosure "Appendix A – Decisions taken ..."
    ("appendix", 2423, 2429, "16", 27),  # 2423 "Decisions taken in accordance with the Urgency Procedure"
    ("report", 2433, 2440, "20", None),  # 2433 "Document is Restricted" .. 2440 (item 20, exempt)
]

EXPECTED = {
    "partnership": PARTNERSHIP,
    "scrutiny": SCRUTINY,
    "corporate_parenting": CORPORATE_PARENTING,
    "council": COUNCIL,
}


def _rows(name: str) -> list[Row]:
    return [
        (d.kind.value, d.span.start_line, d.span.end_line, d.agenda_item, d.parent) for d in segment(sample_text(name))
    ]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_document_count(name: str) -> None:
    assert len(segment(sample_text(name))) == len(EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_boundaries_kinds_items_parents(name: str) -> None:
    got = _rows(name)
    want = EXPECTED[name]
    for index, (row, expected) in enumerate(zip(got, want, strict=True)):
        kind, start, end, item, parent = row
        e_kind, e_start, e_end, e_item, e_parent = expected
        assert kind == e_kind, (index, row, expected)
        assert abs(start - e_start) <= 1 and abs(end - e_end) <= 2, (index, row, expected)
        assert (item, parent) == (e_item, e_parent), (index, row, expected)


def test_council_titles_bodies_and_access() -> None:
    docs = segment(sample_text("council"))
    assert docs[0].body == "Council" and docs[0].date == "2017-09-28"
    assert docs[1].title == "Accessible London Underground stations Motion"  # line 143
    assert docs[5].title == "COUNCIL (ANNUAL) MINUTES" and docs[5].date == "2017-05-18"  # lines 219, 221
    assert docs[13].body == "CABINET" and docs[13].date == "2017-07-13"  # lines 1166, 1168
    assert docs[12].title == "COMMUNITY SAFETY AND VIOLENCE VULNERABILITY AND EXPLOITATION STRATEGY"  # 1160-1162
    assert docs[23].date == "2017-07-20" and docs[23].body == "HEALTH AND WELLBEING BOARD"  # 2097-2099
    assert docs[-1].access == Access.EXEMPT  # 2433 "Document is Restricted"
    assert all(d.access == Access.PUBLIC for d in docs[:-1])


def test_pages_from_agenda_ranges() -> None:
    council = segment(sample_text("council"))
    assert council[4].pages == (9, 10)  # cover for item 1 (Pages 9 - 22) and its blank verso
    assert council[9].pages == (25, 86)  # item 7 (Pages 23 - 86) after its cover and blank page
    scrutiny = segment(sample_text("scrutiny"))
    assert [d.pages for d in scrutiny if d.parent is None][1:] == [(1, 16), (17, 28), (29, 42)]  # lines 88-96
    partnership = segment(sample_text("partnership"))
    assert partnership[1].pages == (1, 6)  # "3. Minutes: (Pages 1 - 6)" line 57


def test_report_titles_are_subjects() -> None:
    docs = segment(sample_text("corporate_parenting"))
    assert docs[7].title == "Housing for Care leavers. Update Report."  # line 1030
    assert docs[8].title == "INFORMATION REPORT – Adoption and Fostering Regional initiatives"  # 1150-1152
    assert docs[1].body == "CORPORATE PARENTING PANEL" and docs[1].date == "2017-03-28"  # 149, 153


# The annual report: cover, index, then sections that follow its own headings.
ANNUAL_STARTS = {
    3: DocumentKind.COVER,  # "Harrow Strategic Safeguarding Partnership" title page
    13: DocumentKind.ANNUAL_REPORT_SECTION,  # INDEX
    52: DocumentKind.ANNUAL_REPORT_SECTION,  # Foreword
    70: DocumentKind.ANNUAL_REPORT_SECTION,  # Chair's evaluation ("<u>Evaluation of the effectiveness ...")
    147: DocumentKind.ANNUAL_REPORT_SECTION,  # LAY PERSON'S EVALUATION
    168: DocumentKind.ANNUAL_REPORT_SECTION,  # Harrow at a Glance (31st March 2020)
    214: DocumentKind.ANNUAL_REPORT_SECTION,  # PROGRESS ON PRIORITIES - 1. MENTAL WELLBEING
    235: DocumentKind.ANNUAL_REPORT_SECTION,  # PROGRESS ON PRIORITIES - 2. CONTEXTUAL SAFEGUARDING
    254: DocumentKind.ANNUAL_REPORT_SECTION,  # PROGRESS ON PRIORITIES - 3. DOMESTIC ABUSE
    277: DocumentKind.ANNUAL_REPORT_SECTION,  # LEARNING FROM CASE REVIEWS (two pages, 277 and 307)
    458: DocumentKind.ANNUAL_REPORT_SECTION,  # page top "Harrow - 0 to 19 Health Visitor and School Nurse Service"
    # = index "Scrutiny of Safeguarding Arrangements – 0-19 HV and SN Services" (lines 28-29)
    694: DocumentKind.ANNUAL_REPORT_SECTION,  # CHILDREN LOOKED AFTER BY HARROW
    991: DocumentKind.ANNUAL_REPORT_SECTION,  # CONTEXTUAL SAFEGUARDING: index "Contextual Safeguarding – MACE, Rescue
    # & Response – County Lines, Serious Incident Group, Missing Children and CAWNS" is one entry (lines 43-45)
    1067: DocumentKind.ANNUAL_REPORT_SECTION,  # Appendix I: HARROW PARTNERSHIP PRIORITIES 2019-21
    1116: DocumentKind.ANNUAL_REPORT_SECTION,  # Appendix II: "HSCB Budget & Expenditure 2019-20" (index "Appendix II –
    # Budgets", line 47), printed without its Appendix label
    1148: DocumentKind.ANNUAL_REPORT_SECTION,  # Appendix 3: HSCB BOARD MEMBERSHIP AND ATTENDANCE
    1192: DocumentKind.ANNUAL_REPORT_SECTION,  # Appendix *: HSSP MEMBERSHIP AND ATTENDANCE
}


def test_annual_report_sections() -> None:
    docs = segment(sample_text("annual_report"))
    starts = {d.span.start_line: d.kind for d in docs}
    for line, kind in ANNUAL_STARTS.items():
        assert starts.get(line) == kind, line
    assert 307 not in starts  # the second LEARNING FROM CASE REVIEWS page continues the section
    assert 550 not in starts  # "Peer Review ... – continued"
    assert 450 not in starts  # "MPS Safeguarding Data": the MPS section's second page (index has no entry for it)
    # 1023 repeats "CONTEXTUAL SAFEGUARDING" at a page top over 1025 "Serious Incident Group"; 1041 repeats it
    # again over 1043 "CHILDREN AND YOUNG PEOPLE WHO GO MISSING"; 1055 "CHILD ABUDUCTION WARNING NOTICES (CAWNS)"
    # is the entry's last topic: all one section, ending at 1063 before the Appendix I page (1067).
    for line in (1023, 1025, 1041, 1043, 1055):
        assert line not in starts, line
    ends = {d.span.start_line: d.span.end_line for d in docs}
    assert ends[991] == 1063 and ends[1067] == 1114 and ends[431] == 454
    assert docs[-1].span.end_line == 1211
    assert all(d.parent is None for d in docs)


def test_annual_report_title_across_markup_is_whole() -> None:
    # line 70: "<u>Evaluation of the effectiveness of the</u> Harrow Safeguarding Partners' Child ..." — the
    # title runs on past the underlined words, so it is the raw line, markup and all, not a fragment.
    docs = {d.span.start_line: d for d in segment(sample_text("annual_report"))}
    assert docs[70].title == (
        "<u>Evaluation of the effectiveness of the</u> Harrow Safeguarding Partners' Child Safeguarding and "
        "Welfare Arrangements"
    )
    assert docs[458].title == "Harrow - 0 to 19 Health Visitor and School Nurse Service"


def test_every_title_is_verbatim(any_sample: str) -> None:
    from quorum.model import fold_whitespace

    text = sample_text(any_sample)
    source = fold_whitespace(text.text)
    for doc in segment(text):
        for value in (doc.title, doc.body, doc.date_raw):
            assert value is None or fold_whitespace(value) in source, value


def test_whole_samples_folder_is_fast() -> None:
    texts = [sample_text(name) for name in SAMPLE_FILES]
    began = time.perf_counter()
    for text in texts:
        segment(text)
    assert time.perf_counter() - began < 1.0


def _check_invariants(text_value: str, pages: list[int | None] | None = None) -> None:
    text = normalise(Source("x.txt", "0", text_value.count("\n") + 1), text_value, pages)
    docs = segment(text)
    last = len(text.lines)
    assert docs
    previous_start = 0
    for index, doc in enumerate(docs):
        assert 1 <= doc.span.start_line <= doc.span.end_line <= last
        assert doc.kind in DocumentKind
        assert doc.parent is None or (0 <= doc.parent < len(docs) and doc.parent != index)
        if doc.kind != DocumentKind.MOTION:
            assert doc.span.start_line >= previous_start
            previous_start = doc.span.start_line


_LINES = st.sampled_from(
    [
        "",
        "This page is intentionally left blank",
        "REPORT FOR: Cabinet",
        "Date of Meeting: 14 June 2017",
        "Subject: Budget",
        "Enclosures: Appendix 1: Plan",
        "Appendix 1",
        "APPENDIX 3",
        "CABINET",
        "13 JULY 2017",
        "MINUTES",
        "Minutes of the meeting held on 6 December 2012",
        "COUNCIL",
        "28 SEPTEMBER 2017",
        "1. MINUTES (Pages 1 - 6)",
        "2. REPORT (Pages 7 - 12)",
        "3. MOTIONS",
        "1. “A Motion",
        "AGENDA",
        "Agenda Item 4",
        "Page 3",
        "Contents",
        "Background Papers: None",
        "Inspection dates: 1 to 2 May",
        "Document is Restricted",
        "(CLOSE OF MEETING: closed at 8pm).",
        "INDEX",
        "Some ordinary sentence of a report.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=60))
def test_arbitrary_text_never_crashes(lines: list[str]) -> None:
    _check_invariants("\n".join(lines))


@settings(max_examples=50, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=40), st.integers(min_value=1, max_value=5))
def test_pdf_pages_give_document_pages(lines: list[str], per_page: int) -> None:
    pages: list[int | None] = [1 + i // per_page for i in range(len(lines))]
    _check_invariants("\n".join(lines), pages)
    text = normalise(Source("x.pdf", "0", len(lines), kind="pdf"), "\n".join(lines), pages)
    for doc in segment(text):
        if doc.pages is not None:
            assert doc.pages == (pages[doc.span.start_line - 1], pages[doc.span.end_line - 1])


def test_annual_report_index_without_tabs_reads_the_same() -> None:
    # A PDF gives no tab characters: index lines 27 "Scrutiny of ... Drug & Alcohol Services<tab><tab>" and
    # 46 "Appendix I – ... Appendix II – ...<tab><tab>" carry neither a page number nor a tab once the empty
    # cells are gone, yet they sit directly under the listing's previous line, so the index still runs to 50.
    text = sample_text("annual_report")
    untabbed = "\n".join(" ".join(line.split()) for line in text.text.split("\n"))
    flat = normalise(Source("flat.txt", "0", len(text.lines)), untabbed)
    assert [(d.kind, d.span.start_line) for d in segment(flat)] == [(d.kind, d.span.start_line) for d in segment(text)]
    assert [d.span.start_line for d in segment(flat)][:3] == [3, 13, 52]  # cover, INDEX, Foreword


def test_headed_papers_without_report_header_give_body_and_date() -> None:
    """Papers printed without "REPORT FOR:" still name their board and date in the opening block."""
    partnership = segment(sample_text("partnership"))
    # 245 "HARROW STRATEGIC PARTNERSHIP BOARD" / 247 "Safer Harrow - Update" / 249 "13th March 2013"
    assert (partnership[2].body, partnership[2].date) == ("HARROW STRATEGIC PARTNERSHIP BOARD", "2013-03-13")
    # 579 same board / 581 "Report of activity at Harrow Chief Executives" / 583 "13th March 2013"
    assert (partnership[5].body, partnership[5].date) == ("HARROW STRATEGIC PARTNERSHIP BOARD", "2013-03-13")
    # Corporate Parenting 292: the CNWL letter (letterhead 292-308, then "18.05.17" alone on line 310)
    letter = segment(sample_text("corporate_parenting"))[2]
    assert (letter.body, letter.date, letter.date_raw) == (None, "2017-05-18", "18.05.17")
