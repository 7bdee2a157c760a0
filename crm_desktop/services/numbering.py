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

from crm_desktop.i18n import _

_SEQUENCE = re.compile(r"\{(N+)\}")
_YEAR = re.compile(r"\{(YYYY|YY)\}")
_ANY = re.compile(r"\{[^{}]*\}")
MAX_FORMAT_LENGTH = 40


def check_format(text: str) -> str:
    """The format as stored, or ValueError saying what is wrong with it."""
    value = text.strip()
    if len(value) > MAX_FORMAT_LENGTH:
        raise ValueError(
            _("At most {MAX_FORMAT_LENGTH} characters.").format(MAX_FORMAT_LENGTH=MAX_FORMAT_LENGTH)
        )
    sequences = _SEQUENCE.findall(value)
    if len(sequences) != 1:
        raise ValueError(
            _("Put the number in once as {NNNN} (as many N as digits), e.g. INV-{YYYY}-{NNNN}.")
        )
    if not _YEAR.search(value):
        raise ValueError(_("Put the year in as {YYYY} or {YY}: numbers start again each year."))
    unknown = [p for p in _ANY.findall(value) if not (_SEQUENCE.match(p) or _YEAR.match(p))]
    if unknown:
        raise ValueError(
            _("Unknown placeholder {unknown}: use {{YYYY}}, {{YY}} and {{NNNN}}.").format(
                unknown=unknown[0]
            )
        )
    return value


def render(format_text: str, year: int, sequence: int) -> str:
    """The number of ``sequence`` in ``year``: ``render('INV-{YYYY}-{NNNN}', 2026, 1)``."""

    def number(match: re.Match[str]) -> str:
        return f"{sequence:0{len(match.group(1))}d}"

    def year_text(match: re.Match[str]) -> str:
        return f"{year:04d}" if match.group(1) == "YYYY" else f"{year % 100:02d}"

    return _YEAR.sub(year_text, _SEQUENCE.sub(number, format_text))


def next_prefixed_number(table: str, prefix: str) -> str:
    """The next free ``<prefix><sequence>`` of an order or a quote (``SO-2026-0042``).

    Orders and quotes may be renumbered by hand, so their numbers are only free, not
    gapless: the highest number with the prefix + 1.
    """
    from crm_desktop.models import database

    # The prefix's numbers are a range of the unique index; zero-padded numbers of the
    # greatest length sort like their values, so one index scan finds the highest.
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    row = database.execute_sql(
        f'SELECT number FROM "{table}" WHERE number >= ? AND number < ? '
        "ORDER BY length(number) DESC, number DESC LIMIT 1",
        (prefix, upper),
    ).fetchone()
    highest = row[0][len(prefix) :] if row else "0"
    if not highest.isdigit():  # someone typed their own numbers: look at all of them
        rows = database.execute_sql(
            f'SELECT number FROM "{table}" WHERE number >= ? AND number < ?', (prefix, upper)
        ).fetchall()
        used = [int(n[len(prefix) :]) for (n,) in rows if n[len(prefix) :].isdigit()]
        highest = str(max(used, default=0))
    return f"{prefix}{int(highest) + 1:04d}"
