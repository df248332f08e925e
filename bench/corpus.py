"""A synthetic corpus of council packs, built by recombining pages of the bundled samples.

A "page" is a printed page of the sample packs: :data:`PAGE_LINES` consecutive
lines, the packs' own line count per printed page. The samples are PDF conversions
whose page markers were mostly lost, but each agenda front sheet says on which
printed pages its items run ("(Pages 181 - 188)"); the packs' lines divided by their
last printed page gives the lines of one page (:func:`printed_page_lines`, about 16.6;
unnumbered front-sheet pages are not counted, so the figure errs on the long side).
Packs are runs of whole pages drawn at random (seeded, so a corpus is
reproducible) from all five samples, sized like real packs. Every benchmark that
needs more text than the samples hold uses this module, so their figures are
comparable.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "harrow"
#: An agenda item's printed page range on a front sheet: "(Pages 181 - 188)", "(Page 7)".
PAGE_RANGE = re.compile(r"\(Pages?\s+(\d+)(?:\s*-\s*(\d+))?\)")
#: Lines per page in the benchmarks' old unit, still printed beside the printed-page figures.
OLD_PAGE_LINES = 50
#: Smallest and largest pack, in printed pages (the sample agendas run to 28, 42, 126 and 188 pages).
PACK_PAGES = (20, 200)


def printed_pages(text: str) -> int | None:
    """Return the last printed page a front sheet's agenda cites in ``text``, or None when it cites none."""
    ends = [int(match.group(2) or match.group(1)) for match in PAGE_RANGE.finditer(text)]
    return max(ends) if ends else None


def printed_page_lines(folder: Path | None = None) -> float:
    """Return the lines per printed page of the sample packs whose front sheets number their pages.

    Takes the samples folder (the bundled Harrow packs by default); returns total
    lines over total printed pages of the packs that cite page ranges.
    """
    lines = pages = 0
    for path in sample_files(folder or SAMPLES):
        text = path.read_text(encoding="utf-8")
        last = printed_pages(text)
        if last:
            lines += text.count("\n") + 1
            pages += last
    if not pages:
        raise ValueError(f"no sample in {folder or SAMPLES} cites printed pages")
    return lines / pages


@dataclass(slots=True, frozen=True)
class Pack:
    """One synthetic pack: its file name, text and number of pages."""

    name: str
    text: str
    pages: int


def sample_files(folder: Path = SAMPLES) -> list[Path]:
    """Return the sample text packs in ``folder``, in name order."""
    return sorted(folder.glob("*.txt"))


def sample_pages(folder: Path = SAMPLES) -> list[str]:
    """Return every page (about ``PAGE_LINES`` lines joined by newlines) of every sample pack in ``folder``.

    Page breaks fall where the running line count crosses a multiple of
    ``PAGE_LINES``, so pages hold 16 or 17 lines and average exactly ``PAGE_LINES``.
    """
    pages: list[str] = []
    for path in sample_files(folder):
        lines = path.read_text(encoding="utf-8").split("\n")
        count = round(len(lines) / PAGE_LINES) or 1
        cuts = [round(i * len(lines) / count) for i in range(count + 1)]
        pages.extend("\n".join(lines[start:end]) for start, end in itertools.pairwise(cuts))
    return pages


def pages_of(text: str) -> float:
    """Return the size of ``text`` in printed pages: its line count over ``PAGE_LINES``."""
    return (text.count("\n") + 1) / PAGE_LINES


#: Lines per printed page of a text pack, measured on the samples (see the module docstring).
PAGE_LINES = printed_page_lines()


def iter_packs(total_pages: int, seed: int = 0, folder: Path = SAMPLES) -> Iterator[Pack]:
    """Yield packs of recombined sample pages until ``total_pages`` pages have been made.

    Each pack starts at a random page of a random sample and runs on through
    consecutive pages (wrapping into the next sample), so documents inside stay
    in their natural order, as in a real pack, while packs differ from each other.
    """
    pages = sample_pages(folder)
    rng = random.Random(seed)
    made = 0
    number = 0
    while made < total_pages:
        size = min(rng.randint(*PACK_PAGES), total_pages - made)
        start = rng.randrange(len(pages))
        text = "\n".join(pages[(start + i) % len(pages)] for i in range(size))
        number += 1
        made += size
        yield Pack(name=f"pack-{number:06d}.txt", text=text, pages=size)


def write_corpus(folder: Path, total_pages: int, seed: int = 0) -> list[Path]:
    """Write a corpus of ``total_pages`` pages into ``folder`` (one file per pack); return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for pack in iter_packs(total_pages, seed):
        path = folder / pack.name
        path.write_text(pack.text, encoding="utf-8")
        files.append(path)
    return files
