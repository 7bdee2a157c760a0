"""How values look on screen in forms, the customer page and the board: money, dates, enums.

Money and dates follow the database's ``currency`` and ``locale`` settings
(they travel with the data). :class:`Formats` reads them once; a view keeps
one and reloads it when the settings change, so painting a thousand cards
does not query the settings a thousand times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from PySide6.QtCore import QDate, QLocale, Qt, QTime

from crm_desktop.services import money, settings
from crm_desktop.services.clock import from_timestamp
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.words import word


def enum_label(value: str | None) -> str:
    """``in_progress`` → ``In progress``; empty for None."""
    if not value:
        return ""
    return word(value)


def _year_in_full(pattern: str) -> str:
    # Short formats write two-digit years (6/15/26); a CRM's dates span decades.
    if "yyyy" in pattern:
        return pattern
    return pattern.replace("yy", "yyyy")


@dataclass(frozen=True)
class Formats:
    """The currency and locale of the open database, and how they write values."""

    currency: str = "USD"
    locale_name: str = "en_US"

    @classmethod
    def load(cls) -> Formats:
        return cls(settings.get("currency"), settings.get("locale"))

    @cached_property
    def exponent(self) -> int:
        return money.currency_exponent(self.currency)

    @cached_property
    def qlocale(self) -> QLocale:
        return QLocale(self.locale_name)

    @cached_property
    def date_pattern(self) -> str:
        """The locale's short date pattern with the year in full (``M/d/yyyy``)."""
        return _year_in_full(self.qlocale.dateFormat(QLocale.FormatType.ShortFormat))

    @cached_property
    def time_pattern(self) -> str:
        return self.qlocale.timeFormat(QLocale.FormatType.ShortFormat)

    @cached_property
    def decimal_point(self) -> str:
        return money.format_amount(1, exponent=1, locale=self.locale_name)[1]

    def money(self, cents: int | None) -> str:
        """``$1,234.50`` / ``1 234,50 ₽``; empty for None."""
        if cents is None:
            return ""
        return money.format_money(int(cents), self.currency, self.locale_name)

    def amount(self, cents: int | None) -> str:
        """The number alone, as a money field shows it for editing: ``1,234.50``."""
        if cents is None:
            return ""
        return money.format_amount(int(cents), exponent=self.exponent, locale=self.locale_name)

    def number(self, value: Decimal | int | float | str | None) -> str:
        """A quantity or percentage as typed back into a field: ``1.5`` / ``1,5``."""
        if value is None or value == "":
            return ""
        text = format(Decimal(str(value)).normalize() + 0, "f")
        return text.replace(".", self.decimal_point)

    def date(self, value: str | date | None) -> str:
        """A stored ``YYYY-MM-DD`` as the locale writes dates (``6/15/2026``, ``15.06.2026``)."""
        if not value:
            return ""
        parsed = value if isinstance(value, date) else _parse_date(value)
        if parsed is None:
            return str(value)
        return self.qlocale.toString(
            QDate(parsed.year, parsed.month, parsed.day), self.date_pattern
        )

    def datetime(self, value: str | None) -> str:
        """A stored UTC timestamp in the user's local time: date and ``HH:MM``."""
        if not value:
            return ""
        try:
            moment = from_timestamp(value).astimezone()
        except ValueError:
            return str(value)
        time_text = self.qlocale.toString(QTime(moment.hour, moment.minute), self.time_pattern)
        return f"{self.date(moment.date())} {time_text}"

    def phone(self, stored: str | None) -> str:
        return format_phone(stored)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def plain_label_flags() -> Qt.TextFormat:
    """Labels that show user text never interpret it as HTML."""
    return Qt.TextFormat.PlainText
