"""Fonts for PDFs: embedded TrueType faces and text split into runs that each font can draw.

reportlab draws a string in one font, and no single free font covers Latin,
Cyrillic and Chinese well. So text is cut into *runs*: DejaVu Sans (Latin,
Cyrillic, Greek, Arabic, Hebrew, symbols) draws what it can, Droid Sans
Fallback (CJK) the rest, NanumSquare the Korean Hangul. They ship in
``resources/fonts`` and are embedded (subset) in every PDF, so a report
reads the same on any machine.

Arabic and Hebrew are stored in logical order; a PDF wants visual order and,
for Arabic, the joined letter forms. :func:`visual` uses arabic-reshaper
(joining) and python-bidi (the Unicode bidi algorithm) on each line.

Droid Sans Fallback has no bold face, so bold CJK runs are drawn filled and
stroked with a hairline of the text's colour (PDF text render mode 2): Chinese
bold prints bold.

Nothing here reads markup: text is drawn exactly as given.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from crm_desktop.paths import resources_dir

REGULAR = "CRMSans"
BOLD = "CRMSans-Bold"
FALLBACK = "CRMFallback"  # CJK
HANGUL = "CRMHangul"
HANGUL_BOLD = "CRMHangul-Bold"
FAMILY = REGULAR

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
    HANGUL: "NanumSquareR.ttf",
    HANGUL_BOLD: "NanumSquareB.ttf",
}
# A bold stroke this fraction of the size thickens a face that has no bold of its own.
FAKE_BOLD_STROKE = 0.035

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}
_unsafe: dict[str, re.Pattern[str]] = {}

# Right-to-left scripts: Hebrew, Arabic (with supplements and presentation forms), Syriac, Thaana…
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Characters that may stay in the font of the run around them (spaces, punctuation, digits).
_NEUTRAL = re.compile(r"[\s\d!-/:-@\[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff01-\uff0f]")


def _ranges_class(codepoints: frozenset[int]) -> str:
    parts = []
    ordered = sorted(codepoints)
    start = prev = ordered[0]
    for cp in [*ordered[1:], None]:
        if cp is not None and cp == prev + 1:
            prev = cp
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        if cp is not None:
            start = prev = cp
    return "".join(parts)


def register_fonts() -> None:
    """Register the embedded fonts with reportlab once (safe from any thread)."""
    if _coverage:
        return
    with _lock:
        if _coverage:
            return
        folder = resources_dir() / "fonts"
        coverage = {}
        for name, file_name in _FILES.items():
            font = TTFont(name, str(folder / file_name))
            pdfmetrics.registerFont(font)
            coverage[name] = frozenset(font.face.charToGlyph)
        # <b> and the bold flag of table styles map to our bold face.
        for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
            addMapping(FAMILY, bold, italic, face)
        # Text made only of these characters needs no run splitting at all (the fast path).
        for name in (REGULAR, BOLD):
            _unsafe[name] = re.compile(f"[^{_ranges_class(coverage[name])}]")
        _coverage.update(coverage)


def _chain(bold: bool) -> tuple[str, ...]:
    return (BOLD, REGULAR, FALLBACK, HANGUL_BOLD) if bold else (REGULAR, FALLBACK, HANGUL)


def is_simple(text: str, bold: bool = False) -> bool:
    """True when the primary font draws every character and no reordering is needed."""
    register_fonts()
    return _unsafe[BOLD if bold else REGULAR].search(text) is None and not has_rtl(text)


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def visual(line: str) -> str:
    """One line of text in the order and letter forms a PDF draws (Arabic joined, RTL reversed)."""
    if not has_rtl(line):
        return line
    try:
        import arabic_reshaper
        from bidi.algorithm import get_display
    except ImportError:  # not installed: real glyphs still, in typed (logical) order
        return line
    return str(get_display(arabic_reshaper.reshape(line)))


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text drawn in one font."""

    font: str
    text: str


def runs(text: str, bold: bool = False) -> list[Run]:
    """``text`` cut into runs, each in the first font of the chain that has its characters.

    Spaces, digits and punctuation stay in the run around them when its font has them,
    so "北京 Trading" is two runs, not three.
    """
    register_fonts()
    primary = BOLD if bold else REGULAR
    if _unsafe[primary].search(text) is None:
        return [Run(primary, text)] if text else []
    chain = _chain(bold)
    result: list[Run] = []
    current_font: str | None = None
    buffer: list[str] = []
    for char in text:
        code = ord(char)
        if (
            current_font is not None
            and code in _coverage[current_font]
            and _NEUTRAL.match(char) is not None
        ):
            buffer.append(char)
            continue
        font = next((name for name in chain if code in _coverage[name]), primary)
        if font != current_font:
            if buffer:
                result.append(Run(current_font or primary, "".join(buffer)))
            buffer = []
            current_font = font
        buffer.append(char)
    if buffer:
        result.append(Run(current_font or primary, "".join(buffer)))
    return result


def width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of ``text`` in points."""
    return sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in runs(text, bold))


def draw(
    canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
) -> float:
    """Draw one line at baseline ``y``; ``align`` left/right/center around ``x``. Returns width."""
    line = visual(text)
    pieces = runs(line, bold)
    total = sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in pieces)
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    for run in pieces:
        if bold and run.font == FALLBACK:
            draw_fake_bold(canvas, x, y, run.text, size)
        else:
            canvas.setFont(run.font, size)
            canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font, size)
    return total


def draw_fake_bold(canvas, x: float, y: float, text: str, size: float) -> None:
    """CJK text in bold: the fallback face filled and stroked in the fill colour."""
    canvas.saveState()
    canvas.setStrokeColor(canvas._fillColorObj)
    canvas.setLineWidth(size * FAKE_BOLD_STROKE)
    text_object = canvas.beginText(x, y)
    text_object.setFont(FALLBACK, size)
    text_object.setTextRenderMode(2)
    text_object.textOut(text)
    canvas.drawText(text_object)
    canvas.restoreState()


# Break opportunities: after spaces, between two CJK characters, and after the "@", "/",
# "_", "-" or "." of an email or web address ("S.A." stays whole: a dot needs two letters after).
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_TOKENS = re.compile(
    f"[{_CJK}]\\s*"
    f"|[^\\s{_CJK}@/_.-]*(?:[@/_-]+|\\.(?=[^\\s.]{{2}}))(?=\\S)"  # "info@", "example."
    f"|[^\\s{_CJK}]+\\s*|\\s+"
)


def longest_word(text: str) -> str:
    """The longest piece of ``text`` that :func:`wrap` would not break (CJK breaks anywhere)."""
    return max((token.strip() for token in _TOKENS.findall(text)), key=len, default="")


def wrap(text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` as lines (logical order) no wider than ``max_width``; newlines are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.rstrip()
        if width(paragraph, size, bold) <= max_width:
            lines.append(paragraph)
            continue
        line = ""
        for token in _TOKENS.findall(paragraph):
            candidate = line + token
            if width(candidate.rstrip(), size, bold) <= max_width:
                line = candidate
                continue
            if line.strip():
                lines.append(line.rstrip())
                line = ""
                token = token.lstrip()
            # A token wider than a line on its own is cut where it no longer fits.
            while width(token.rstrip(), size, bold) > max_width and len(token) > 1:
                cut = _fitting_prefix(token, max_width, size, bold)
                lines.append(token[:cut])
                token = token[cut:]
            line = token
        lines.append(line.rstrip())
    return lines


def _fitting_prefix(token: str, max_width: float, size: float, bold: bool) -> int:
    low, high = 1, len(token)
    while low < high:
        middle = (low + high + 1) // 2
        if width(token[:middle], size, bold) <= max_width:
            low = middle
        else:
            high = middle - 1
    return low
