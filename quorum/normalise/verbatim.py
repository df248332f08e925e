"""Values read from clean views, given back as they stand in the raw text.

Clean views drop markup debris (``<u>``, ``**``, ``~~``), so a value read from
them may not be a substring of the source when markup sat inside it. These
helpers find the raw slice that spells the value across that markup, so every
extracted string stays verbatim.
"""

from __future__ import annotations

import functools
import re

from quorum.model import NormalisedText, fold_whitespace

_MARKUP = re.compile(r"<[^>]*>|\*\*|~~|__")
_GAP = r"(?:<[^>]*>|\*\*|~~|__)*"
_SPACE_GAP = r"(?:\s|<[^>]*>|\*\*|~~|__)+"
_OPEN_TAG_BEFORE = re.compile(r"<([A-Za-z]+)\b[^>]*>$")
_CLOSE_TAG_AFTER = re.compile(r"^</([A-Za-z]+)>")


#: Callers pass the same whole source text many times; fold it once (str hashes are cached by CPython).
_fold_source = functools.lru_cache(maxsize=4)(fold_whitespace)


def verbatim_in(raw: str, value: str) -> str | None:
    """Return ``value`` as it stands in ``raw`` (white space folded on both), or None when it is not there.

    ``value`` is read from clean views (markup removed). When its folded form
    occurs in the folded raw text it is returned unchanged; otherwise the raw
    slice that spells it with markup in between (``<u>Safer</u> Harrow`` for
    "Safer Harrow") is returned, so the result is always verbatim in ``raw``.
    """
    folded_raw = _fold_source(raw)
    folded = fold_whitespace(value)
    if not folded:
        return None
    if folded in folded_raw:
        return value
    pattern = "".join(_SPACE_GAP if char == " " else re.escape(char) + _GAP for char in folded)
    match = re.search(pattern.removesuffix(_GAP), folded_raw)
    if not match:
        return None
    return _balance(folded_raw, match.start(), match.end())


def _balance(raw: str, start: int, end: int) -> str:
    """Widen ``raw[start:end]`` over markup just outside it that pairs with markup left open inside it."""
    for token in ("**", "~~", "__"):
        if raw.count(token, start, end) % 2:
            if raw.endswith(token, 0, start):
                start -= len(token)
            elif raw.startswith(token, end):
                end += len(token)
    for _ in range(4):
        inside = raw[start:end]
        before = _OPEN_TAG_BEFORE.search(raw, 0, start)
        if before and f"</{before.group(1).lower()}>" in inside.lower() and f"<{before.group(1)}" not in inside:
            start = before.start()
            continue
        after = _CLOSE_TAG_AFTER.match(raw[end:])
        if after and re.search(rf"<{after.group(1)}\b", inside, re.I) and f"</{after.group(1)}" not in inside:
            end += after.end()
            continue
        break
    return raw[start:end]


def verbatim_value(text: NormalisedText, first: int, last: int, value: str) -> str | None:
    """Return ``value`` as it stands in the raw lines ``first``..``last`` (see :func:`verbatim_in`), or None."""
    return verbatim_in(text.raw_between(first, last), value)


def verbatim_join(text: NormalisedText, numbers: list[int]) -> str | None:
    """Join the clean views of ``numbers`` into one string that is verbatim in the source.

    The joined clean text is returned when it occurs in the white-space-folded raw
    text of those lines (without a leading "Label:" if need be); otherwise the raw
    slice that spells it across markup; failing that the longest single clean line
    that is verbatim, or a markup-free piece of the first line, or None.
    """
    if not numbers:
        return None
    raw = fold_whitespace(text.raw_between(numbers[0], numbers[-1]))
    joined = fold_whitespace(" ".join(text.lines[n - 1].clean for n in numbers))
    if joined and joined in raw:
        return joined
    unlabelled = re.sub(r"^[A-Za-z][A-Za-z ]{0,30}:\s*", "", joined)
    if unlabelled and unlabelled in raw:
        return unlabelled
    spelled = verbatim_in(raw, unlabelled or joined)
    if spelled:
        return spelled
    for n in sorted(numbers, key=lambda k: -len(text.lines[k - 1].clean)):
        clean = fold_whitespace(text.lines[n - 1].clean)
        if clean and clean in fold_whitespace(text.lines[n - 1].raw):
            return clean
    pieces = [fold_whitespace(p) for p in _MARKUP.split(text.lines[numbers[0] - 1].raw)]
    pieces = [p for p in pieces if p]
    for piece in pieces:
        if len(piece.split()) >= 3:
            return piece
    return max(pieces, key=len) if pieces else None


def content_folded(text: NormalisedText) -> str:
    """Return the source's content with white space folded: every line but page furniture.

    Page numbers, running headers and blank-page notices are not part of what a
    document says, so a value that runs across a page break (a recommendation
    continued on the next page) is read without them.
    """
    return fold_whitespace("\n".join(line.raw for line in text.lines if line.furniture is None))


def is_verbatim(value: str, text: NormalisedText, content: str | None = None) -> bool:
    """True when ``value`` stands in the source as printed, white space folded.

    It may stand in the raw text, or in its content with page furniture left out
    (:func:`content_folded`; pass it as ``content`` when checking many values).
    """
    folded = fold_whitespace(value)
    return text.folded_contains(folded) or folded in (content if content is not None else content_folded(text))
