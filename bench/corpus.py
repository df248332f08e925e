"""A synthetic corpus of council packs, built by recombining pages of the bundled samples.

A "page" is :data:`PAGE_LINES` consecutive lines of a sample pack (the samples
are PDF conversions without page markers; 50 lines is about one printed page of
them). Packs are runs of whole pages drawn at random (seeded, so a corpus is
reproducible) from all five samples, sized like real packs. Every benchmark that
needs more text than the samples hold uses this module, so their figures are
comparable.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "harrow"
#: Lines per page of a text pack.
PAGE_LINES = 50
#: Smallest and largest pack, in pages (the samples run from 13 to 49 pages).
PACK_PAGES = (10, 60)


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
    """Return every page (``PAGE_LINES`` lines joined by newlines) of every sample pack in ``folder``."""
    pages: list[str] = []
    for path in sample_files(folder):
        lines = path.read_text(encoding="utf-8").split("\n")
        pages.extend("\n".join(lines[i : i + PAGE_LINES]) for i in range(0, len(lines), PAGE_LINES))
    return pages


def pages_of(text: str) -> float:
    """Return the size of ``text`` in pages: its line count over ``PAGE_LINES``."""
    return (text.count("\n") + 1) / PAGE_LINES


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
