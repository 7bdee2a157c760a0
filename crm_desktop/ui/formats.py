"""How values look on screen — tables, forms, the customer page, the board, Today: one formatter.

Money and dates follow the database's ``currency`` and ``locale`` settings
(they travel with the data). :meth:`Formats.load` reads them once; a view
keeps one and gets a new one when the settings change, so painting a
thousand cards does not query the settings a thousand times. Money is the
services' exact formatting (:class:`~crm_desktop.services.locale_facts.NumberStyle`,
the same text as in the reports); dates and times go through :class:`QLocale` with a
four-digit year, in the pattern :mod:`crm_desktop.services.locale_format`
gives (CLDR, the same as the PDFs and exports print). Those CLDR facts come
through :mod:`crm_desktop.services.locale_facts`, which remembers them, so
that the first screen is written without importing Babel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QColor

from crm_desktop.services import money, settings
from crm_desktop.services.locale_facts import LocaleFacts, locale_facts
from crm_desktop.ui.words import word, yes_no

# Column kinds whose cells are numbers: right-aligned in the tables.
RIGHT_ALIGNED = frozenset({"money", "int", "decimal", "percent"})
# The colours of a cell's style (a late task, a lost deal…), in the tables and on Today.
STYLE_COLORS = {"alert": QColor("#c53030"), "muted": QColor("#8a8f98"), "good": QColor("#2f855a")}


def format_phone(stored: str | None) -> str:
    """A stored phone number as people read it (the validation module is loaded on the
    first phone shown, not with the first screen)."""
    from crm_desktop.services.validation import format_phone as formatted

    return formatted(stored)


def label(value: str | None) -> str:
    """An enumeration value or entity name as a word: ``in_progress`` → ``In progress``."""
    if not value:
        return ""
    return word(value)  # in the window's language (ui/words.py)


@dataclass(frozen=True)
class Formats:
    """The currency and locale of the open database, and how they write values."""

    currency: str = "USD"
    locale_name: str = "en_US"

    @classmethod
    def load(cls) -> Formats:
        """The formats of the open database's settings."""
        return cls(settings.get("currency"), settings.get("locale"))

    @cached_property
    def exponent(self) -> int:
        return money.currency_exponent(self.currency)

    @cached_property
    def qlocale(self) -> QLocale:
        return QLocale(self.locale_name)

    @cached_property
    def words_qlocale(self) -> QLocale:
        """For dates written with words (a weekday, a month): the window's language with the
        data's region, as the PDFs do. A Russian window on a file set to the US says
        «суббота, 5 декабря 2026 г.», never "Сегодня, Saturday, December 5"."""
        from crm_desktop import i18n

        data = self.qlocale
        language = QLocale(i18n.language()).language()
        return data if language == data.language() else QLocale(language, data.territory())

    @cached_property
    def facts(self) -> LocaleFacts:
        """The locale's CLDR patterns and number pieces (remembered: no Babel at start)."""
        return locale_facts(self.locale_name, self.currency)

    @cached_property
    def date_pattern(self) -> str:
        """The locale's short date pattern with the year in full (``M/d/yyyy``), as the PDFs."""
        return self.facts.date_pattern

    @cached_property
    def time_pattern(self) -> str:
        return self.facts.time_pattern.replace("a", "AP")  # QLocale's letter for AM/PM

    @cached_property
    def decimal_point(self) -> str:
        return self.facts.numbers.decimal

    @classmethod
    def known(cls, currency: str, locale_name: str, facts: LocaleFacts) -> Formats:
        """The formats of these settings, their CLDR facts looked up already (at start, by
        the job that opens the file)."""
        formats = cls(currency, locale_name)
        formats.__dict__["facts"] = facts  # the cached property's value
        return formats

    # --- one value ----------------------------------------------------------------------

    def money(self, cents: int | None) -> str:
        """``$1,234.50`` / ``1 234,50 ₽``; empty for None."""
        if cents is None:
            return ""
        return self.facts.money.money(int(cents), self.exponent)  # as money.format_money

    def amount(self, cents: int | None) -> str:
        """The number alone, as a money field shows it for editing: ``1,234.50``."""
        if cents is None:
            return ""
        return self.facts.numbers.amount(int(cents), self.exponent)  # as money.format_amount

    def number(self, value: Decimal | int | float | str | None) -> str:
        """A quantity or percentage as typed back into a field: ``1.5`` / ``1,5``."""
        if value is None or value == "":
            return ""
        text = format(Decimal(str(value)).normalize() + 0, "f")
        return text.replace(".", self.decimal_point)

    def grouped_number(self, value: Any) -> str:
        """A number as a table cell shows it, with the locale's grouping: ``12,345.5``."""
        if value is None:
            return ""
        if isinstance(value, float):
            value = Decimal(repr(value))
        if isinstance(value, Decimal):
            value = value.normalize()
            exponent = value.as_tuple().exponent
            places = max(0, -exponent) if isinstance(exponent, int) else 0
            return self.qlocale.toString(float(value), "f", places)
        return self.qlocale.toString(int(value))

    def date(self, value: str | date | None) -> str:
        """A stored ``YYYY-MM-DD`` as the locale writes dates (``6/15/2026``, ``15.06.2026``)."""
        if not value:
            return ""
        if isinstance(value, date):
            value = value.isoformat()
        parsed = _iso_date(str(value))
        return self.qlocale.toString(parsed, self.date_pattern) if parsed.isValid() else str(value)

    def datetime(self, value: str | None) -> str:
        """A stored UTC timestamp in the user's local time: its date and time of day."""
        if not value:
            return ""
        try:
            # Fixed-width ISO text: slicing is ten times faster than strptime.
            moment = datetime(
                int(value[0:4]), int(value[5:7]), int(value[8:10]),
                int(value[11:13]), int(value[14:16]), int(value[17:19]), tzinfo=UTC,
            ).astimezone()  # fmt: skip
        except (ValueError, TypeError):
            return str(value)
        day = QDate(moment.year, moment.month, moment.day)
        clock = QTime(moment.hour, moment.minute, moment.second)
        if self._time_names_zone:
            local = QDateTime(day, clock)  # the pattern names the time zone: only this has it
            return self.qlocale.toString(local, f"{self.date_pattern} {self.time_pattern}")
        # The date and the time of day apart: a local QDateTime asks the C library for the
        # zone's offset as it is made (~80 µs each, 4 ms of the first screen's 50 lines).
        locale = self.qlocale
        return (
            f"{locale.toString(day, self.date_pattern)} {locale.toString(clock, self.time_pattern)}"
        )

    @cached_property
    def _time_names_zone(self) -> bool:
        """Whether the time pattern writes the time zone (``t``: only a QDateTime has one)."""
        return "t" in self.time_pattern

    def phone(self, stored: str | None) -> str:
        return format_phone(stored)

    def display(self, kind: str, value: Any) -> str:
        """The text of one table cell of this column kind."""
        if value is None:
            return ""
        if kind == "money":
            return self.money(value)
        if kind == "date":
            return self.date(value)
        if kind == "datetime":
            return self.datetime(value)
        if kind == "phone":
            return format_phone(value)
        if kind == "enum":
            return label(value)
        if kind == "bool":
            return yes_no(value)
        if kind == "percent":
            return f"{self.grouped_number(value)}%"
        if kind in ("int", "decimal"):
            return self.grouped_number(value)
        text = str(value)
        # One line in a cell: notes and addresses keep only their first line.
        return text.split("\n", 1)[0] if "\n" in text else text


def _iso_date(text: str) -> QDate:
    """``YYYY-MM-DD…`` as a date (invalid when it is not one), as Qt's ISO date parser
    reads its first ten characters: by hand, because ``Qt.DateFormat`` lives in the
    ``Qt`` namespace, whose first use costs the first screen ~20 ms."""
    year, month, day = text[0:4], text[5:7], text[8:10]
    if (
        len(text) < 10
        or not _is_punctuation(text[4])  # Qt takes any punctuation: 2026/12/06, 2026.12.06
        or not _is_punctuation(text[7])
        or not all(part.isascii() and part.isdigit() for part in (year, month, day))
    ):
        return QDate()
    return QDate(int(year), int(month), int(day))


def _is_punctuation(character: str) -> bool:
    """Whether ``character`` is punctuation, as QChar.isPunct() says (categories P*)."""
    if character == "-":  # what every stored date has
        return True
    import unicodedata

    return unicodedata.category(character).startswith("P")
