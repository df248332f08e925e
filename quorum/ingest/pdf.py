"""Read PDF packs with pypdfium2: text per page, one page number per line, OCR for scanned pages.

The text of a PDF source is built here, so it *is* the raw text every span and
verbatim value refers to: pdfium's text of each page, split into lines, with
one blank line inserted where the vertical gap between two lines is clearly
larger than the page's usual line pitch (a paragraph break, as text
conversions of council packs show them). A line-end hyphen that pdfium reports
as ``\\x02`` or U+FFFE is written back as ``-`` ending its line, as printed.

Pages without a text layer that carry images are scanned pages: when the
``tesseract`` command is on ``PATH`` they are rendered with pdfium and OCR'd;
otherwise (or when OCR fails) a warning names the page. Nothing is skipped
silently.
"""

from __future__ import annotations

import ctypes
import hashlib
import itertools
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from quorum.errors import InputError
from quorum.ingest.files import read_bytes
from quorum.model import Source

#: A page whose text layer has fewer non-space characters than this, and that
#: shows an image, is taken for a scanned page.
SCANNED_PAGE_MAX_CHARS = 10
#: Resolution pages are rendered at for OCR.
OCR_DPI = 300
#: Seconds tesseract may take for one page.
OCR_TIMEOUT = 120
#: A line gap larger than this many times the page's usual pitch is a paragraph break.
PARAGRAPH_GAP_FACTOR = 1.45
#: The largest baseline pitch, in glyph heights (ascent to descent), taken for single line spacing.
SINGLE_SPACING_MAX = 1.25

#: pdfium reports a hyphen at the end of a printed line as one of these and drops the line break after it.
_LINE_END_HYPHENS = ("\x02", "\ufffe")

_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_EMPTY_PAGE_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0\b|/Count\s+0\b[^>]*?/Type\s*/Pages\b")

_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "the PDF is encrypted (it needs a password)",
    pdfium_c.FPDF_ERR_SECURITY: "the PDF is protected by an unsupported security handler",
    pdfium_c.FPDF_ERR_FORMAT: "the PDF is damaged or not a PDF (pdfium cannot read its structure)",
    pdfium_c.FPDF_ERR_FILE: "the PDF cannot be opened",
}


@dataclass(slots=True)
class PdfText:
    """The text of a PDF: lines joined by newlines, the page of each line, and warnings."""

    text: str
    pages: list[int | None]
    page_count: int
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _PageLine:
    """One line of a page with the baseline and font size of its first visible character."""

    text: str
    baseline: float | None
    size: float | None


def _check_bytes(data: bytes, path: str) -> None:
    """Raise InputError when ``data`` is empty, not a PDF or cut short."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "the PDF is truncated (no %%EOF end marker)")


def _load_failure(data: bytes, code: int | None) -> str:
    """Say why pdfium could not load ``data``.

    pdfium's last-error code is not reset between documents (a failed load can
    report the previous document's error, or "success"), so the bytes are
    checked first for the two causes that can be seen in them.
    """
    if _ENCRYPT.search(data):
        return _LOAD_ERRORS[pdfium_c.FPDF_ERR_PASSWORD]
    if _EMPTY_PAGE_TREE.search(data):
        return "the PDF has no pages"
    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY, None, pdfium_c.FPDF_ERR_SUCCESS):
        code = pdfium_c.FPDF_ERR_FORMAT
    return _LOAD_ERRORS.get(code, _LOAD_ERRORS[pdfium_c.FPDF_ERR_FORMAT])


def open_pdf(data: bytes, path: str) -> pdfium.PdfDocument:
    """Open PDF bytes with pdfium; raise InputError with a one-line reason for bad input."""
    _check_bytes(data, path)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise InputError(path, _load_failure(data, getattr(error, "err_code", None))) from None
    if len(document) == 0:
        document.close()
        raise InputError(path, "the PDF has no pages")
    return document


def _glyph_height(textpage: pdfium.PdfTextPage, index: int) -> float:
    """The loose (ascent to descent) height of a glyph: its font size as drawn, whatever the text matrix."""
    _, bottom, _, top = textpage.get_charbox(index, loose=True)
    return max(top - bottom, 0.0)


def _page_lines(textpage: pdfium.PdfTextPage) -> list[_PageLine]:
    """Split a page's text into lines, each with the baseline and font size of its first glyph.

    pdfium's own line breaks are kept; a break is added where the next glyph
    drops below the line and moves back left (pdfium joins short text objects
    such as single digits printed on successive lines).
    """
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    exact = len(text) == count  # false when the page has characters outside the BMP
    lines: list[_PageLine] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    start = 0
    first: tuple[float, float] | None = None  # baseline and font size of the line's first glyph
    last: tuple[float, float] | None = None  # origin of the line's last glyph

    def close(end: int, suffix: str = "") -> None:
        chunk = (text[start:end] + suffix).rstrip()
        lines.append(_PageLine(chunk, *(first or (None, None))))

    index = 0
    while index < len(text):
        char = text[index]
        if char in _LINE_END_HYPHENS:  # a hyphen that ends a line; pdfium drops the break after it
            close(index, "-")
            index += 1
            start, first, last = index, None, None
            continue
        if char == "\r" or char == "\n":
            close(index)
            index += 2 if text[index : index + 2] == "\r\n" else 1
            start, first, last = index, None, None
            continue
        if (
            exact
            and not char.isspace()
            and pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
        ):
            if first is None:
                first = (y.value, _glyph_height(textpage, index))
            elif last is not None and last[1] - y.value > 0.6 * (first[1] or 10.0) and x.value <= last[0]:
                close(index)
                start, first = index, (y.value, _glyph_height(textpage, index))
            last = (x.value, y.value)
        index += 1
    close(len(text))
    return [line for line in lines if line.text.strip()]


def _with_paragraph_gaps(lines: list[_PageLine]) -> list[str]:
    """Return the line texts with a blank line where the gap above a line is unusually large."""
    if not lines:
        return []
    ratios: list[float | None] = [None]
    for before, after in itertools.pairwise(lines):
        if None in (before.baseline, after.baseline, before.size, after.size):
            ratios.append(None)
            continue
        gap = before.baseline - after.baseline  # type: ignore[operator]
        size = max(before.size, after.size)  # type: ignore[type-var]
        ratios.append(gap / size if gap > 0 and size else None)
    usual = [r for r in ratios if r is not None]
    # The usual single-line pitch: a low quantile, not the median, capped at a generous single
    # spacing, so that a page whose lines are mostly separated by gaps (a spaced-out front sheet)
    # still shows them.
    pitch = min(sorted(usual)[len(usual) // 5], SINGLE_SPACING_MAX) if len(usual) >= 3 else None
    out: list[str] = []
    for line, ratio in zip(lines, ratios, strict=True):
        if pitch is not None and ratio is not None and out and ratio > pitch * PARAGRAPH_GAP_FACTOR:
            out.append("")
        out.append(line.text)
    return out


def _has_images(page: pdfium.PdfPage) -> bool:
    """True when the page draws at least one image (a scanned page does)."""
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        return True
    return False


def tesseract_command() -> str | None:
    """Return the path of the ``tesseract`` command when it is installed, else None."""
    return shutil.which("tesseract")


def ocr_page(page: pdfium.PdfPage, command: str, dpi: int = OCR_DPI) -> str:
    """Render ``page`` to a greyscale image and return the text tesseract reads from it.

    Raises OSError or subprocess errors when tesseract fails.
    """
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    buffer = bytes(bitmap.buffer)
    rows = b"".join(buffer[row * stride : row * stride + width] for row in range(height))
    with tempfile.TemporaryDirectory(prefix="quorum-ocr-") as folder:
        image = Path(folder) / "page.pgm"
        image.write_bytes(b"P5 %d %d 255\n" % (width, height) + rows)
        done = subprocess.run(
            [command, str(image), "stdout", "--dpi", str(dpi)],
            capture_output=True,
            timeout=OCR_TIMEOUT,
            check=True,
        )
    return done.stdout.decode("utf-8", errors="replace").replace("\f", "")


def extract_pdf_text(document: pdfium.PdfDocument, ocr: bool = True) -> PdfText:
    """Extract the text of every page of an open PDF, with the page number of each line.

    Scanned pages (images and no text layer) are OCR'd with tesseract when
    ``ocr`` is true and tesseract is installed; otherwise a warning names them.
    Returns a :class:`PdfText`.
    """
    command = tesseract_command() if ocr else None
    out_lines: list[str] = []
    out_pages: list[int | None] = []
    warnings: list[str] = []
    ocr_pages: list[int] = []
    empty_pages: list[int] = []
    for index in range(len(document)):
        number = index + 1
        page = document[index]
        textpage = page.get_textpage()
        lines = _with_paragraph_gaps(_page_lines(textpage))
        visible = sum(len("".join(line.split())) for line in lines)
        if visible < SCANNED_PAGE_MAX_CHARS and _has_images(page):
            if command is None:
                warnings.append(f"page {number}: no text layer (scanned image?) and tesseract is not installed")
            else:
                try:
                    read = ocr_page(page, command)
                except (OSError, subprocess.SubprocessError) as error:
                    warnings.append(f"page {number}: no text layer and OCR failed ({type(error).__name__})")
                else:
                    lines = [line.rstrip() for line in read.split("\n")]
                    while lines and not lines[-1]:
                        lines.pop()
                    ocr_pages.append(number)
                    warnings.append(f"page {number}: no text layer; text read by OCR (tesseract)")
        elif not lines:
            empty_pages.append(number)
        textpage.close()
        page.close()
        out_lines.extend(lines)
        out_pages.extend([number] * len(lines))
    if empty_pages and len(empty_pages) == len(document):
        warnings.append("the PDF has no text on any page")
    return PdfText("\n".join(out_lines), out_pages or [None], len(document), warnings, ocr_pages)


def read_pdf_source(path: str | Path, ocr: bool = True) -> tuple[Source, PdfText]:
    """Read the PDF at ``path`` and return its Source record (kind "pdf") and extracted text.

    Raises :class:`InputError` for a missing, empty, truncated, encrypted or
    damaged file, or one that is not a PDF or has no pages.
    """
    path = Path(path)
    data = read_bytes(path)
    document = open_pdf(data, str(path))
    try:
        extracted = extract_pdf_text(document, ocr=ocr)
    finally:
        document.close()
    source = Source(
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        line_count=extracted.text.count("\n") + 1,
        kind="pdf",
        page_count=extracted.page_count,
    )
    return source, extracted
