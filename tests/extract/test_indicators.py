"""Indicators: every scorecard row of the samples, written from the document lines (cited)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract import indicators
from quorum.extract.indicators import extract_indicators, parse_number, rag_of, unit_of
from quorum.extract.tables import extract_tables
from quorum.model import Document, DocumentKind, Indicator, Source
from quorum.normalise import normalise
from tests.conftest import sample_result


def _indicators(name: str) -> dict[int, Indicator]:
    return {indicator.line: indicator for indicator in sample_result(name).indicators}


# ------------------------------------------------- Harrow at a Glance (annual report lines 168-198) ---

#: line → (label as printed, value as printed); line 168 "Harrow at a Glance (31st March 2020)".
HARROW_AT_A_GLANCE = {
    174: ("Overall Population (ONS midyear estimate, 2019) (an increase of 1000 in 12 months)", ""),
    175: (
        "Deprivation (Where 1 is most deprived Local Authority Area in England). This index is updated every few "
        "years. In 2015",
        "207/ 317(England)",
    ),
    177: (
        "Deprivation Affecting Children (Where 1 is the Local Authority Area which has the most deprivation "
        "affecting children)",
        "199/317 (England)",
    ),
    179: ("Number of Primary Schools", "41"),
    180: ("Through Schools (Ages 5-18)", "1"),
    181: ("Independent Schools and Colleges", "13"),
    182: ("Number of Secondary Schools / Sixth form colleges/ Tertiary Education Colleges", "15"),
    183: ("Special Schools", "3"),
    184: ("Alternative Education Provision", "2"),
    188: ("Children in Borough", "61,480"),
    189: ("Children from a Black, Asian or Minority Ethnic Background", "45,495 (74%)"),
    190: ("Number of Contacts in MASH (1 st April 2018- 31 st March 2020)", "9,406"),
    191: ("Number of Children in Need (31 st March 2020)", "1,133"),
    192: ("Number of Children on Child Protection Plans (31 st March 2020)", "260"),
    193: ("Number of Children Looked After (LAC) (31 st March 2020)", "181"),
    194: ("Number of Children Looked After who are unaccompanied asylum seekers 31st March 2020)", "38"),
    195: ("Number of children fostered privately by someone who is not closely related to the child", "4"),
    196: ("Number of Children Adopted (1 st April 2019- 31 st March 2020)", "4"),
    197: ("Number of victims of crime under 18 years old", "1,188"),
    198: ("Number of children with Education Healthcare Plans", "1,840"),
}


def test_harrow_at_a_glance_every_row() -> None:
    found = {line: (i.label, i.value) for line, i in _indicators("annual_report").items() if line <= 212}
    assert found == HARROW_AT_A_GLANCE


def test_harrow_at_a_glance_comparators_numbers_and_periods() -> None:
    rows = _indicators("annual_report")
    assert rows[175].comparators == {"london": "27/33 (London)"}  # line 176 holds the London rank
    assert rows[177].comparators == {"london": "30/33 (London)"}  # line 178
    assert rows[188].value_number == 61480 and rows[189].value_number == 45495
    assert rows[174].value_number is None  # the figure is missing from the converted page
    assert rows[179].period == "31st March 2020"  # from the heading, line 168
    assert rows[190].period == "1 st April 2018- 31 st March 2020"  # printed in the label, line 190
    assert rows[191].unit == "count"


def test_annual_report_budget_and_attendance_tables_are_not_indicators() -> None:
    # lines 1116-1146: HSCB Budget & Expenditure; 1148-1211: board membership and attendance ("3/3")
    assert [line for line in _indicators("annual_report") if line > 212] == []


# --------------------------------- Children's Services Scorecard (scrutiny pack lines 673-718) ---

#: line → (label start, Q2 2014-15 actual, target, England 2012/13, SN 2012/13, Q1 2014-15 actual, RAG Q2).
SCORECARD = {
    676: ("% of Re-referrals that are repeat", "11.1", "15", "24.9", "17.5", "7.6", "green"),  # TS1
    677: ("Timeliness of Assessments", "88.2", "90", "New Indicator", "New Indicator", "85.9", "amber"),  # TS2
    678: ("Percentage of children with an Initial CP", "79.9", "80", "70.4", "63.2", "86.4", "green"),  # TS3
    679: ("(BV 162 PAF C20) Reviews of Child", "93.64", "100", "96.2", "99", "95.7", "red"),  # TS4
    680: ("% of children with Child Protection Plan", "0.5", "3", "3.2", "4.4", "0.9", "green"),  # TS5
    681: ("Child Protection Plan for 2nd", "8.5", "6", "New Indicator", "New Indicator", "9.6", "red"),  # 23
    682: ("(PAF C68) Timeliness of Reviews", "93.1", "95", "not published", "not published", "98.1", "amber"),
    683: ("(BV49) PAF A1 Stability of Placements", "4.8", "9", "11", "10.8", "1.8", "green"),  # TS8
    684: ("PAF D78 Long term stability", "40", "60", "67.2", "63.6", "43.5", "red"),  # TS9
    685: ("% of Care Leavers in suitable", "68.3", "95", "New Measure", "New Measure", "23.8", None),  # TS10
    690: ("% of Care Leavers not in education", "21.7", "25", "New Measure", None, "14.3", None),  # TS11
    691: ("% of CLA who are looked after 1 yr + with up to date Dental",
          "74.2", "90", "Local Indicator", None, "83", "red"),
    692: ("% of CLA who are looked after 1 yr + with up to date Health",
          "91.4", "90", "Local Indicator", None, "72.7", "green"),
    693: ("Initial Health Assessment Plans", "6.66", "75", "Local Indicator", None, "11.76", "red"),  # TS14
    694: ("% of children who ceased to be looked after", "6.4", "8", "14", "8.8", "6.1", "red"),  # TS15
    695: ("Overall absence from school", "10.64", "9", None, None, "8.39", "red"),  # TS16
    696: ("% of CLA (all CLA) classified as persistent", "10.22", "12", None, None, "16.3", "green"),  # TS17
    697: ("Percentage of all Children Looked After with permanent", "0", "0", None, None, "0", "green"),  # TS18
    698: ("Percentage of all CLA with fixed term", "0", "12", None, None, "18.18", "green"),  # TS19
    699: ("% of CLA placed more than 20 miles", "16.7", "15", None, None, "16.4", "amber"),  # TS20
    704: ("First time entrants", "Latest YTD figures not released", "Reduction year on year", None, None,
          "80 (Apr 13 - Mar 14) (343)", None),  # TS22
    705: ("% of Young people within the YJS", "Latest YTD custody figures not released (0.60) (Jul 13- June 14)",
          "Reduction year on year", None, None, "4 / 42 (9.52%) (Apr 14 - Jun 14) (0.43) (April 13- Mar 14)", None),
    707: ("% of Reoffenders after 12 months", "35.4% (68/192) (Oct 11 - Sept 12)", "Reduction year on year", None,
          None, "35.0% (70/200) (July 11 - Jun 12)", None),  # TS24; line 706 is the page number "25"
    708: ("Percentage of Children Looked After for 1 year plus achieving atleast Level 4", "0", None, None, None,
          "Annual Indicator", None),  # TS25
    709: ("Percentage of Children Looked After for 1 year plus achieving 5+", "0", None, None, None,
          "Annual Indicator", None),  # TS26
    710: ("We have reduced the proportion of NEET", "YOT (35.8%) Care Leavers (21.7%)", "YOT 20% Care Leavers 50%",
          None, None, "YOT (40.3%) Care Leavers (14.3%)", "red"),  # TS27
    711: ("The number of interventions", "190 (48%)", "tbc, 50% was target for 2013-14", None, None, "120 (35%)",
          "amber"),  # EIS28
    716: ("The number of pupils showing", "9 (75%)", "65%", None, None, "1 (50%)", "green"),  # EIS29
    717: ("% of parents who engaged", "Parenting programme is not run during summer term", "70%", None, None,
          "100%", None),  # EIS30
    718: ("The percentage of Children (age 0-5)", "84.57%", "80%", None, None, "84%", "green"),  # EIS31
}  # fmt: skip


def test_childrens_services_scorecard_every_row() -> None:
    rows = {line: i for line, i in _indicators("scrutiny").items() if 673 <= line <= 718}
    assert sorted(rows) == sorted(SCORECARD)  # 30 rows; headers repeated at 689, 703, 715 are not rows
    for line, (label, value, target, england, neighbours, previous, rag) in SCORECARD.items():
        row = rows[line]
        assert row.label.startswith(label), line
        assert (row.value, row.target, row.rag) == (value, target, rag), line
        assert row.comparators.get("england") == england, line
        assert row.comparators.get("statistical_neighbours") == neighbours, line
        assert row.comparators.get("previous_period") == previous, line
        assert row.period == "Q2 2014-15"  # header "Harrow actual Q2 2014-15", line 675


def test_scorecard_units_and_numbers() -> None:
    rows = _indicators("scrutiny")
    assert rows[676].value_number == 11.1 and rows[676].unit == "percent"
    assert rows[677].unit == "percent"  # "(% complete in 45 working days)" is a percentage, not days
    assert rows[704].unit == "rate"  # "(Rate per 100,00, 10-17 population)"
    assert rows[704].value_number is None  # "Latest YTD figures not released"


# ---------------- Corporate Parenting Part A key indicators (corporate parenting pack lines 2079-2103) ---

#: line → (label start, Q4 16/17 value, Q3 value, statistical neighbours 15/16, England 15/16, target in label).
PART_A = {
    2082: ("Rate of CLA per 10,000 population", "37.0", "35.3", "41.0", "60.0", None),  # PI 14
    2083: ("% of New CLA who were previously adopted", "0.5", "0.8", "Not published", None, None),  # PI 15
    2084: ("CLA placement stability: number of moves", "13.3", "12", "12.1*", "10*", "11%"),  # PI 16
    2085: ("CLA placement stability: length of placement", "57.1", "59", "64.7*", "68*", "71%"),  # PI 17
    2086: ("% of CLA placed more than 20 miles", "19.3", "23", "19.0", "14.0", None),  # PI 18
    2087: ("% of children who ceased to be looked after", "3.8", "5.2", "7.4", "15.0", None),  # PI 19
    2088: ("% of Care Leavers in suitable accommodation", "77.3", "73", "79.9", "83.0", None),  # PI 20
    2089: ("% of Care Leavers not in education", "27.3", "33", "28.2", "37.9", None),  # PI 21
}

#: line → (label start, Harrow 2014-15, Harrow 2013-14, England average, SN Average); header line 2095.
PART_A_ATTAINMENT = {
    2097: ("Percentage of children looked After achieving at least level 4", "50.0", "0", "52.0", "56.0"),
    2098: ("Percentage of children Looked After who achieve 5+", "0.0", "0", "18.3", "26.7"),
    2100: ("Percentage of sessions missed.", "5.6", "4.3", "4.0", "4.2"),
    2101: ("Percentage classed as persistent absentees", "supressed - low nos", "supressed - low nos", "4.9", "4.8"),
    2103: ("Percentage of children with at least one fixed exclusion", "17.9 (provisional)", "11.4",
           "10.25 (2013-14)", "11.05 (2013-14)"),
}  # fmt: skip


def test_corporate_parenting_part_a_key_indicators() -> None:
    rows = _indicators("corporate_parenting")
    for line, (label, value, previous, neighbours, england, target) in PART_A.items():
        row = rows[line]
        assert row.label.startswith(label), line
        assert (row.value, row.comparators.get("previous_period"), row.target) == (value, previous, target), line
        assert row.comparators.get("statistical_neighbours") == neighbours, line
        assert row.comparators.get("england") == england, line
        assert row.period == "16/17 Q4"  # header "Harrow 16/17 Q4", line 2081
    for line, (label, value, previous, england, neighbours) in PART_A_ATTAINMENT.items():
        row = rows[line]
        assert row.label.startswith(label), line
        assert (row.value, row.comparators.get("previous_period")) == (value, previous), line
        assert (row.comparators.get("england"), row.comparators.get("statistical_neighbours")) == (
            england,
            neighbours,
        ), line
        assert row.period == "2014-15"
    # group headings ("23 | Educational attainment ...", lines 2096, 2099, 2102) are not indicators
    assert not {2096, 2099, 2102} & set(rows)


def test_corporate_parenting_only_indicator_tables() -> None:
    lines = set(_indicators("corporate_parenting"))
    # Part A (2082-2103), C6 education PIs (2203-2212) and health PIs (2262-2266); the reserve list (32-37),
    # the health report's monthly table (318-331) and placement-type counts (2159-2173) are not scorecards
    assert lines == set(PART_A) | set(PART_A_ATTAINMENT) | set(range(2203, 2213)) | set(range(2262, 2267))
    assert _indicators("corporate_parenting")[2203].value == "0.8"  # Mar-17 column, line 2203


def test_packs_without_scorecards() -> None:
    # the council summons and partnership pack print no scorecard; their tables are lists of people and bodies
    assert sample_result("council").indicators == []
    assert sample_result("partnership").indicators == []


# ------------------------------------------------------------------------- units ---


def _one_table(raw: str, title: str | None = None) -> list[Indicator]:
    text = normalise(Source(path="x", sha256="0", line_count=raw.count("\n") + 1), raw)
    docs = [Document(kind=DocumentKind.OTHER, title=title, span=text.span(1, len(text.lines)))]
    return extract_indicators(text, docs, extract_tables(text, docs))


def test_membership_attendance_table_is_not_a_scorecard() -> None:
    raw = "Organisation\tRole\tAttended\nCouncil\tChair\t3/3\nPolice\tInspector\t2/3\nHealth\tNurse\t0/3\n"
    assert _one_table(raw) == []


def test_budget_list_is_not_a_scorecard() -> None:
    raw = "Key figures\n\nCouncil contribution\t-152,014\nPolice\t-5,000\nTraining Income\t-10,300\nTotal\t0\n"
    assert _one_table(raw) == []


def test_key_facts_list_from_another_council() -> None:
    raw = "Borough at a glance\n\nResidents\t330,000\nSchools\t64\nLibraries\t11\n"
    rows = _one_table(raw, "Borough at a glance")
    assert [(i.label, i.value, i.value_number) for i in rows] == [
        ("Residents", "330,000", 330000),
        ("Schools", "64", 64),
        ("Libraries", "11", 11),
    ]


def test_two_column_list_without_a_heading_needs_measure_labels() -> None:
    assert _one_table("Apples\t3\nPears\t4\nPlums\t5\n") == []
    rows = _one_table("Number of referrals\t312\nNumber of assessments\t280\nRate per 10,000\t45.1\n")
    assert len(rows) == 3 and rows[2].unit == "rate"


@pytest.mark.parametrize(
    ("label", "value", "unit"),
    [("% of plans", "12", "percent"), ("Days to place", "120", "days"), ("Children in Borough", "61,480", "count")],
)
def test_unit_of(label: str, value: str, unit: str) -> None:
    assert unit_of(label, value) == unit


def test_helpers() -> None:
    assert parse_number("45,495 (74%)") == 45495
    assert parse_number("tbc") is None
    assert rag_of("HR") == "red" and rag_of("LG") == "green" and rag_of("A") == "amber"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab %1-/\tEngland Target £\n")), max_size=300))
def test_arbitrary_tables_never_crash(raw: str) -> None:
    text = normalise(Source(path="x", sha256="0", line_count=raw.count("\n") + 1), raw)
    docs = [Document(kind=DocumentKind.OTHER, title="Key facts", span=text.span(1, len(text.lines)))]
    for indicator in extract_indicators(text, docs, extract_tables(text, docs)):
        assert 1 <= indicator.line <= len(text.lines)


def test_every_money_word_passes_the_money_label_pre_check() -> None:
    for word in indicators._MONEY_WORDS:
        label = f"Net {word.upper()} 2019/20"
        assert indicators._is_money_label(label) == bool(indicators._MONEY_LABEL.search(label)), word
    assert not indicators._is_money_label("Children in care")
    assert indicators._is_money_label("Spending £")  # "£" alone is a finance mark, with "spend" in the label
