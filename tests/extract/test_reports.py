"""Officer reports: template fields read from the samples (line numbers cite the source)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract import reports
from quorum.extract.reports import extract_reports, parse_bool, parse_date
from quorum.model import Document, DocumentKind, Report, Source, fold_whitespace
from quorum.normalise import normalise
from tests.conftest import sample_result, sample_text


def _reports(name: str):
    text = sample_text(name)
    whole = Document(kind=DocumentKind.OTHER, title=None, span=text.span(1, len(text.lines)))
    return extract_reports(text, [whole])


def test_council_finds_the_four_template_reports() -> None:
    # REPORT FOR: at lines 497, 2027, 2097, 2371
    assert [r.span.start_line for r in _reports("council")] == [497, 2027, 2097, 2371]


def test_council_ofsted_report_header_fields() -> None:
    report = _reports("council")[0]
    assert report.report_for == "Council Meeting"  # line 497
    assert report.meeting_date == "2017-09-28"  # line 499
    assert report.subject.startswith("Scrutiny of action plan following Ofsted report")  # line 501
    assert report.responsible_officers == ["Chris Spencer, Corporate Director People Services"]  # lines 503-504
    assert report.exempt is False and report.exempt_raw == "No"  # line 508
    assert report.wards_affected == "All"  # line 510
    assert report.enclosures == [
        "Appendix 1: Ofsted Report on Harrow published 31.03.17",
        "Appendix 2: Harrow Children's Post Inspection Action Plan April 2017",
    ]  # lines 512-514
    assert report.recommendations.startswith("Council is requested to: Note and comment")  # lines 520-523
    assert report.recommendations.endswith("Health and Well-Being Board.")
    assert report.recommendations_line == 520
    assert report.reasons.startswith("- Ofsted is the independent statutory regulator")  # lines 525-529


def test_tab_separated_header_and_clearance_dates() -> None:
    report = _reports("council")[1]  # lines 2027-2093
    assert report.report_for == "COUNCIL"
    assert report.meeting_date_raw == "28 September 2017"  # line 2029, tab-separated
    assert report.responsible_officers == ["Hugh Peart Monitoring Officer"]  # line 2031
    assert report.wards_affected == "None"  # line 2033
    assert len(report.enclosures) == 3  # line 2034: Appendix 1, 2, 3
    first, second = report.clearances  # lines 2074-2077
    assert (first.name, first.role, first.date_raw, first.date) == (
        "Sharon Daniels",
        "Chief Financial Officer",
        "19.09.17",
        "2017-09-19",
    )
    assert (second.name, second.date) == ("Caroline Eccles", "2017-09-18")
    assert report.contact.name == "Caroline Eccles"  # line 2084
    assert report.contact.phone == "0208 424 7580"
    assert report.background_papers == "None."  # line 2088


def test_public_yes_means_not_exempt() -> None:
    report = _reports("council")[2]  # line 2102 "Public:\tYes"
    assert report.exempt is False
    assert report.exempt_raw == "Yes"
    assert report.meeting_date == "2017-07-20"
    assert report.recommendations.startswith("The Board is requested to: 1. Consider the request")  # 2110-2116
    assert report.recommendations.endswith("inclusion in the Council's Constitution.")
    assert report.contact.email == "Miriam.wearing@harrow.gov.uk"  # line 2178


def test_report_for_split_over_lines_and_ordinal_date() -> None:
    report = _reports("scrutiny")[0]  # lines 115-118, bold, split
    assert report.report_for == "OVERVIEW AND SCRUTINY COMMITTEE AND SCRUTINY SUB- COMMITTEES"
    assert report.meeting_date_raw == "9 th December 2014"  # line 120
    assert report.meeting_date == "2014-12-09"
    assert report.scrutiny_lead == "Cllr Stephen Wright – Policy Cllr Adam Swersky – Performance"  # line 123
    names = [c.name for c in report.clearances]  # lines 512-523
    assert names == ["Simon George", "Linda Cohen"]
    # line 514 "Chief Financial Officer" signed in person; lines 520-521 "on behalf of the*" / "Monitoring Officer"
    assert [(c.role, c.on_behalf) for c in report.clearances] == [
        ("Chief Financial Officer", False),
        ("Monitoring Officer", True),
    ]


def test_corporate_parenting_key_decision_call_in_portfolio() -> None:
    reports = _reports("corporate_parenting")
    assert [r.span.start_line for r in reports] == [444, 1027, 1145, 1226, 1945]
    first = reports[0]
    assert first.key_decision is False  # line 450
    assert first.call_in is True and first.call_in_raw == "Yes"  # line 460
    assert first.portfolio_holder == "Christine Robson"  # line 455, "Cllr" dropped
    assert first.recommendations == "to note the inspection report and approve the action plan."  # line 473
    adoption = reports[2]
    assert adoption.subject == "INFORMATION REPORT – Adoption and Fostering Regional initiatives"  # 1150-1152
    assert adoption.exempt_raw == "NO"  # line 1160
    assert adoption.recommendations is None  # "FOR INFORMATION", no recommendations
    performance = reports[4]
    assert performance.meeting_date == "2017-06-14"  # line 1948 "Date:\t14 June 2017"
    assert performance.clearances[0].date_raw == "30/05/2017"  # line 2028


def test_partnership_report_with_missing_fields() -> None:
    (report,) = _reports("partnership")  # line 372
    assert report.report_for == "Strategic Group"
    assert report.subject == "Improvement and Impact Assessment Framework: What does 'good' look like?"  # 377
    assert report.exempt is None and report.key_decision is None and report.clearances == []
    assert report.recommendations.startswith("1. That the Strategic Group give consideration")  # 389


def test_segmenter_report_documents_are_used() -> None:
    text = sample_text("corporate_parenting")
    # the letter-style health report (lines 292-439) has no template header
    doc = Document(kind=DocumentKind.REPORT, title=None, span=text.span(292, 439), agenda_item="8")
    reports = extract_reports(text, [doc])
    health = reports[0]
    assert (health.span.start_line, health.agenda_item, health.document) == (292, "8", 0)
    assert health.report_for is None and health.subject is None


def test_other_council_template() -> None:
    raw = "Report of: Director of Place\nSubject: Parking\nKey decision: Yes\nWards: All\nExempt information: No\n"
    raw = "Agenda Item 6\nREPORT TO: Cabinet\n" + raw + "\nRecommendations:\nThat Cabinet agrees the scheme.\n"
    text = normalise(Source(path="x", sha256="0", line_count=raw.count("\n") + 1), raw)
    (report,) = extract_reports(text, [])
    assert report.report_for == "Cabinet"
    assert report.key_decision is True
    assert report.wards_affected == "All"
    assert report.recommendations == "That Cabinet agrees the scheme."


def test_parse_helpers() -> None:
    assert parse_date("9 th December 2014") == ("2014-12-09", "9 th December 2014")
    assert parse_date("22/8/17")[0] == "2017-08-22"
    assert parse_bool("No, as it impacts on all Wards") is False
    assert parse_bool("Yes – included") is True
    assert parse_bool("maybe") is None


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("REPORT FOR:\tDate: Subject\n*-12 No Yes Name")), max_size=300))
def test_arbitrary_text_never_crashes(raw: str) -> None:
    text = normalise(Source(path="x", sha256="0", line_count=raw.count("\n") + 1), raw)
    for report in extract_reports(text, []):
        assert 1 <= report.span.start_line <= report.span.end_line <= len(text.lines)


# ------------------------------------------------- the real pipeline, every report of the four packs ---


def _by_start(name: str) -> dict[int, Report]:
    return {report.span.start_line: report for report in sample_result(name).reports}


def test_pipeline_report_starts_and_agenda_items() -> None:
    # council: REPORT FOR at 497 (item 7), 2027 and 2097 (item 13), 2371 (item 16); 2433 the restricted item 20
    assert {s: r.agenda_item for s, r in _by_start("council").items()} == {
        497: "7",
        2027: "13",
        2097: "13",
        2371: "16",
        2433: "20",
    }
    # corporate parenting: the health letter (292, item 8) and REPORT FOR at 444, 1027, 1145, 1226, 1945
    assert {s: r.agenda_item for s, r in _by_start("corporate_parenting").items()} == {
        292: "8",
        444: "9",
        1027: "10",
        1145: "11",
        1226: "12",
        1945: "13",
    }
    assert {s: r.agenda_item for s, r in _by_start("scrutiny").items()} == {115: "7", 533: "8", 758: "9"}
    assert {s: r.agenda_item for s, r in _by_start("partnership").items()} == {245: "5", 372: "6", 579: "8"}


def test_statutory_officer_clearance_roles_without_footnote_marker() -> None:
    council = _by_start("council")
    # line 652: "Name: Jo Frost. ... on behalf of the* Chief Financial Officer", 653 "Date: 22/8/17"
    assert [(c.name, c.role, c.on_behalf, c.date) for c in council[497].clearances] == [
        ("Jo Frost", "Chief Financial Officer", True, "2017-08-22"),
        ("Sarah Wilson", "Monitoring Officer", True, "2017-08-22"),  # line 654
    ]
    cpp = _by_start("corporate_parenting")
    # line 1209 "Name:....Jo Frost ... on behalf of the Chief Financial Officer", 1210 "Date:1/6/17....."
    assert [(c.name, c.role, c.date_raw) for c in cpp[1145].clearances] == [
        ("Jo Frost", "Chief Financial Officer", "1/6/17")
    ]
    # lines 1124-1131: name, then "on behalf of the" and "Chief Financial Officer" on lines of their own
    assert [(c.name, c.role, c.on_behalf, c.date_raw) for c in cpp[1027].clearances] == [
        ("Jo Frost", "Chief Financial Officer", True, "18th May 2017")
    ]
    # line 1319 prints the surname twice and "on behalf of the * Chief Financial Officer"
    assert [(c.name, c.role, c.date) for c in cpp[1226].clearances] == [
        ("Jo Frost Frost", "Chief Financial Officer", "2017-05-15")
    ]
    # line 2028 "Name: Jo Frost Date : 30/05/2017 ... on behalf of the* Chief Financial Officer"
    assert [(c.name, c.role, c.date) for c in cpp[1945].clearances] == [
        ("Jo Frost", "Chief Financial Officer", "2017-05-30")
    ]
    # scrutiny lines 642-650: "Jo Frost, Finance Business Partner -" / "Children's Services": the name alone
    (clearance,) = _by_start("scrutiny")[533].clearances
    assert (clearance.name, clearance.role, clearance.date) == ("Jo Frost", "Chief Financial Officer", "2014-11-27")
    assert _by_start("scrutiny")[758].clearances == []  # line 957 "Not Required"


def test_letter_style_health_report_comes_out_with_what_it_has() -> None:
    report = _by_start("corporate_parenting")[292]
    # lines 292-308: letterhead (Children Looked After Team, Westmead Clinic ... Tel/Fax/Email), 310 "18.05.17"
    assert (report.contact.phone, report.contact.email) == ("01895 488860", "cnw-tr.harrowcla@nhs.net")
    # line 405: "Report by Emma Hedley – Designated Nurse For Children Looked After Harrow, CNWL."
    assert report.responsible_officers == ["Emma Hedley – Designated Nurse For Children Looked After Harrow, CNWL"]
    assert (report.contact.name, report.contact.role) == (
        "Emma Hedley",
        "Designated Nurse For Children Looked After Harrow, CNWL",
    )
    # no template: no body, date, subject, flags, recommendations or clearance are printed
    assert (report.report_for, report.meeting_date, report.subject, report.exempt, report.key_decision) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert report.recommendations is None and report.clearances == [] and report.enclosures == []
    # the letterhead is not a list of headings; the letter's own headings are (312 Targets ... 399 Future Plans)
    headings = [h.text for h in report.headings]
    assert headings[0] == "Targets" and headings[-1] == "Future Plans"
    assert not {"Westmead Clinic", "Ruislip", "Middlesex"} & set(headings)
    assert "Telephone: 020 3214 5700 Fax: 020 3214 5701" not in headings  # letterhead footer, line 359


def test_partnership_cover_block_papers() -> None:
    reports = _by_start("partnership")
    safer = reports[245]
    # lines 245-249: HARROW STRATEGIC PARTNERSHIP BOARD / Safer Harrow - Update / 13th March 2013
    assert (safer.report_for, safer.subject, safer.meeting_date) == (
        "HARROW STRATEGIC PARTNERSHIP BOARD",
        "Safer Harrow - Update",
        "2013-03-13",
    )
    # lines 255-256: "What are you asking the Partnership Board to do" / "The Board is asked to note ..."
    assert safer.recommendations.startswith("The Board is asked to note the progress")
    assert safer.recommendations_line == 255
    activity = reports[579]  # lines 579-590
    assert activity.subject == "Report of activity at Harrow Chief Executives"
    assert activity.recommendations == "The Board should note the activity of Harrow Chief Executives"


def test_several_responsible_officers_and_enclosures_none() -> None:
    cse = _by_start("scrutiny")[758]
    # line 762: "Chris Spencer – Director of Children and Families Chris Hogan – Independent Chair Harrow ..."
    assert cse.responsible_officers == [
        "Chris Spencer – Director of Children and Families",
        "Chris Hogan – Independent Chair Harrow Safeguarding Children Board",
    ]
    assert cse.enclosures == []  # line 766 "No additional papers attached"
    assert _by_start("scrutiny")[115].enclosures == []  # line 125 "Enclosures:\tNone"
    assert _by_start("corporate_parenting")[1027].enclosures == []  # line 1036 "Enclosures:\tNo"


def test_contact_officers() -> None:
    cpp = _by_start("corporate_parenting")
    # line 1139 "Jon Dalton, Head of Housing Needs , Community", 1141 e-mail, 1143 "Tel: 0208 416 8647"
    contact = cpp[1027].contact
    assert (contact.name, contact.role, contact.email, contact.phone) == (
        "Jon Dalton",
        "Head of Housing Needs , Community",
        "Jon.Dalton@harrow.gov.uk",
        "0208 416 8647",
    )
    # line 2084 "Contact: Caroline Eccles, Senior Lawyer, Employment and Governance, tel: 0208 424 7580."
    contact = _by_start("council")[2027].contact
    assert (contact.name, contact.role, contact.phone) == (
        "Caroline Eccles",
        "Senior Lawyer, Employment and Governance",
        "0208 424 7580",
    )
    # line 527 "Contact: Tom Whiting, Corporate Director of Resources X5484"
    contact = _by_start("scrutiny")[115].contact
    assert (contact.name, contact.role, contact.phone) == ("Tom Whiting", "Corporate Director of Resources", "X5484")


def test_reasons_stop_before_for_information() -> None:
    # lines 1252-1254: "Reason: All councillors are Corporate Parents ..." then "FOR INFORMATION"
    assert _by_start("corporate_parenting")[1226].reasons == (
        "All councillors are Corporate Parents and need to be aware of how these responsibilities are being "
        "carried out."
    )


def test_headings_are_sections_not_template_answers() -> None:
    report = _by_start("council")[497]
    headings = [(h.line, h.level) for h in report.headings]
    assert (516, 1) in headings and (531, 1) in headings and (650, 1) in headings and (661, 1) in headings
    assert (583, 2) in headings  # "Legal Implications"
    lines = {h.line for h in report.headings}
    # 626 "Risk included on Directorate risk register? Yes", 644 the vision quoted after "...vision:",
    # 659 "NO", 663-667 contact lines
    assert not {626, 644, 659, 663, 665, 667} & lines
    numbered = [h.text for h in _by_start("corporate_parenting")[444].headings if h.level == 2]
    assert "15. Risk Management Implications" in numbered  # line 532


def test_every_report_string_is_verbatim() -> None:
    for name in ("council", "corporate_parenting", "scrutiny", "partnership"):
        source = fold_whitespace(sample_text(name).text)
        for report in sample_result(name).reports:
            values = [report.report_for, report.subject, report.recommendations, report.reasons]
            values += [*report.responsible_officers, *report.enclosures, *(h.text for h in report.headings)]
            values += [c.role for c in report.clearances] + [c.name for c in report.clearances]
            for value in values:
                assert value is None or fold_whitespace(value) in source, (name, value)


def test_bold_report_for_ends_where_the_bold_closes() -> None:
    # the house style of corporate parenting lines 1945-1946, followed by unrelated text (a recombined pack)
    raw = "**REPORT FOR: CORPORATE\nPARENTING PANEL**\n- There is a priority\n\nDate of Meeting: 14 June 2017\n"
    raw += "Subject: Activity\nExempt: No\n"
    text = normalise(Source(path="x", sha256="0", line_count=raw.count("\n") + 1), raw)
    (report,) = extract_reports(text, [])
    assert report.report_for == "CORPORATE PARENTING PANEL"
    assert report.meeting_date == "2017-06-14" and report.exempt is False


def test_restricted_part_ii_report_is_exempt() -> None:
    # summons line 205: item 20 is Part II; lines 2433-2440 print only "Document is Restricted"
    report = _by_start("council")[2433]
    assert (report.exempt, report.exempt_raw, report.subject) == (True, None, None)
    assert _by_start("council")[2371].exempt is False  # line 2379 "Exempt: No"


_FIELD_PIECES = [
    "Report for",
    "REPORT TO",
    "Date",
    " of meeting",
    "Meeting",
    "Subject",
    "Key Decision",
    "is this a ",
    "Exempt",
    "Public",
    "Wards",
    " Affected",
    ":",
    "?",
    " ",
    "x",
    "call-in",
    "Enclosures",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_FIELD_PIECES), max_size=6).map("".join))
def test_field_of_names_the_first_field_pattern_that_matches(clean: str) -> None:
    expected = next((name for name, pattern in reports._FIELDS.items() if pattern.match(clean)), None)
    assert reports._field_of(clean) == expected


def test_report_lines_are_folded_clean_views_once_computed() -> None:
    # the per-text list behind _Lines.clean gives what the line says: "" for furniture, else its folded clean view
    text = sample_text("council")
    lines = reports._Lines(text, 1, len(text.lines))
    for number in (1, 215, 351, 2000):  # council 215 is the cover sheet's "MINUTES"
        line = text.line(number)
        expected = "" if line.furniture else fold_whitespace(line.clean)
        assert lines.clean(number) == expected
        assert reports._Lines(text, number, number).clean(number) == expected  # shared by every _Lines of the text
    partnership = sample_text("partnership")
    fresh = reports._Lines(partnership, 1, 50)

    def plain(number: int) -> str:
        line = partnership.line(number)
        return "" if line.furniture else fold_whitespace(line.clean)

    assert fresh.cleans(3, 40) == [plain(n) for n in range(3, 41)]
    assert fresh.cleans(0, 2) == [plain(n) for n in range(0, 3)]  # line 0 is the last line, as text.line(0) gives


def test_report_start_lines_are_those_a_test_of_every_line_finds() -> None:
    # the candidate filter (lines holding "report" or "*") never drops a line the header test would accept
    for name in ("council", "partnership", "corporate_parenting", "scrutiny", "annual_report"):
        text = sample_text(name)
        last = len(text.lines)
        expected: list[int] = []
        for number in range(1, last + 1):
            clean = text.line(number).clean.replace("**", "").strip()
            if reports._START.match(clean):
                window = " ".join(text.line(n).clean for n in range(number, min(last, number + 12) + 1))
                near = expected and number - expected[-1] <= 10
                if not near and reports._START_WINDOW.search(window):
                    expected.append(number)
        assert reports._find_start_lines(text, 1, last) == expected, name
    # council 497 "REPORT FOR: Council Meeting" opens the first template report
    assert 497 in reports._find_start_lines(sample_text("council"), 1, len(sample_text("council").lines))
