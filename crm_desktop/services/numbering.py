"""Invoice and credit-note numbers: a format from the settings, one gapless series per year.

A format is text with two placeholders: ``{YYYY}`` (or ``{YY}``) for the
year and ``{NNNN}`` for the sequence, zero-padded to as many digits as it
has N (``INV-{YYYY}-{NNNN}`` → ``INV-2026-0001``). The sequence itself is
stored beside the number (``invoice.year``, ``invoice.sequence``), so the
next number is the year's highest sequence + 1 whatever the format was
then, and a number is never given twice (a unique index says so too).
"""

from __future__ import annotations

import re

_SEQUENCE = re.compile(r"\{(N+)\}")
_YEAR = re.compile(r"\{(YYYY|YY)\}")
_ANY = re.compile(r"\{[^{}]*\}")
MAX_FORMAT_LENGTH = 40


def check_format(text: str) -> str:
    """The format as stored, or ValueError saying what is wrong with it."""
    value = text.strip()
    if len(value) > MAX_FORMAT_LENGTH:
        raise ValueError(f"At most {MAX_FORMAT_LENGTH} characters.")
    sequences = _SEQUENCE.findall(value)
    if len(sequences) != 1:
        raise ValueError(
            "Put the number in once as {NNNN} (as many N as digits), e.g. INV-{YYYY}-{NNNN}."
        )
    if not _YEAR.search(value):
        raise ValueError("Put the year in as {YYYY} or {YY}: numbers start again each year.")
    unknown = [p for p in _ANY.findall(value) if not (_SEQUENCE.match(p) or _YEAR.match(p))]
    if unknown:
        raise ValueError(f"Unknown placeholder {unknown[0]}: use {{YYYY}}, {{YY}} and {{NNNN}}.")
    return value


def render(format_text: str, year: int, sequence: int) -> str:
    """The number of ``sequence`` in ``year``: ``render('INV-{YYYY}-{NNNN}', 2026, 1)``."""

    def number(match: re.Match[str]) -> str:
        return f"{sequence:0{len(match.group(1))}d}"

    def year_text(match: re.Match[str]) -> str:
        return f"{year:04d}" if match.group(1) == "YYYY" else f"{year % 100:02d}"

    return _YEAR.sub(year_text, _SEQUENCE.sub(number, format_text))
