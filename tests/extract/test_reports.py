"""Officer reports: template fields read from the samples (line numbers cite the source)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract.reports import extract_reports, parse_bool, parse_date
from quorum.model import Document, DocumentKind, Source
from quorum.normalise import normalise
from tests.conftest import sample_text


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
        "On behalf of the Chief Financial Officer",
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
    assert report.clearances[1].role == "on behalf of the* Monitoring Officer"


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
