"""Notices of motion in the Council summons (agenda item 18, lines 139-196) and in other house styles."""

from __future__ import annotations

from quorum.extract.motions import extract_motions
from quorum.model import NormalisedText, Source, fold_whitespace
from quorum.normalise import normalise
from tests.conftest import sample_text


def _text(raw: str) -> NormalisedText:
    return normalise(Source(path="t.txt", sha256="0", line_count=raw.count("\n") + 1), raw)


def test_council_summons_has_three_motions() -> None:
    motions = extract_motions(sample_text("council"), [])
    assert [(m.number, m.title, m.line, m.end_line) for m in motions] == [
        ("1", "Accessible London Underground stations Motion", 143, 159),
        ("2", "NJC pay Motion", 161, 183),
        ("3", "Making the next census count for our Armed Forces community Motion", 185, 196),
    ]
    assert [(m.mover, m.seconder) for m in motions] == [
        ("Krishna Suresh", "Sue Anderson"),  # 145
        ("Kiran Ramchandani", "Sachin Shah"),  # 163
        ("Sachin Shah", "Sue Anderson"),  # 187
    ]
    assert {m.agenda_item for m in motions} == {"18"}


def test_motion_text_is_complete_and_stops_at_the_next_agenda_item() -> None:
    motions = extract_motions(sample_text("council"), [])
    first, second, third = (fold_whitespace(m.text or "") for m in motions)
    assert first.startswith("This Council notes: - We would like to support")  # 147-149
    assert first.endswith("to pledge our support towards making Rayners Lane station accessible”.")  # 159
    assert "This council therefore resolves to:" in second  # 179
    assert third.endswith("includes questions concerning our Armed Forces community.”")  # 196
    assert "EXCLUSION OF THE PRESS" not in third  # 198 is agenda item 19


def test_no_motions_in_packs_without_a_notice() -> None:
    for pack in ("partnership", "corporate_parenting", "scrutiny", "annual_report"):
        assert extract_motions(sample_text(pack), []) == []


def test_proposer_and_seconder_labels() -> None:
    raw = (
        "12. NOTICES OF MOTION\n"
        "\n"
        "(a) Climate Emergency\n"
        "Proposer: Councillor Amy Chen\n"
        "Seconder: Cllr Bill Foster\n"
        "This Council declares a climate emergency.\n"
        "\n"
        "(b) Pavement Parking\n"
        "Proposer: Councillor Dan Reeve\n"
        "Seconder: Councillor Amy Chen\n"
        "This Council asks the Government to ban pavement parking.\n"
        "\n"
        "13. ANY OTHER BUSINESS\n"
    )
    motions = extract_motions(_text(raw), [])
    assert [(m.number, m.title, m.mover, m.seconder, m.agenda_item) for m in motions] == [
        ("a", "Climate Emergency", "Amy Chen", "Bill Foster", "12"),
        ("b", "Pavement Parking", "Dan Reeve", "Amy Chen", "12"),
    ]
    assert motions[1].text == "This Council asks the Government to ban pavement parking."
    assert motions[1].end_line == 11


def test_motions_inside_minutes_are_not_notices() -> None:
    raw = (
        "COUNCIL MINUTES\n"
        "\n"
        "Present: Councillors Amy Chen (Chair) and Bill Foster\n"
        "\n"
        "12. MOTION - PAVEMENT PARKING\n"
        "\n"
        "Pavement Parking\n"
        "To be moved by Councillor Amy Chen and seconded by Councillor Bill Foster:\n"
        "RESOLVED: That the motion be agreed.\n"
    )
    assert extract_motions(_text(raw), []) == []
