"""How values look in the tables: money, dates, phones and enumerations, by the user's locale.

One :class:`Formatter` is built from the settings that travel with the data
(``currency``, ``locale``) and shared by every view; when the settings
change the window builds a new one and the views repaint. Money is the
services' exact :func:`~crm_desktop.services.money.format_money` (the same
text as in the reports); dates and times go through :class:`QLocale` with a
four-digit year, in the pattern :mod:`crm_desktop.services.locale_format`
gives (CLDR, the same as the PDFs and exports print).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime

from crm_desktop.services import locale_format, settings
from crm_desktop.services.money import format_money
from crm_desktop.services.validation import format_phone

# Words people read instead of the stored enumeration values.
_WORDS = {
    "sales_order": "Order",
    "service_case": "Service case",
    "campaign_member": "Campaign member",
    "in_progress": "In progress",
    "trash_item": "Trash",
}

RIGHT_ALIGNED = frozenset({"money", "int", "decimal", "percent"})


def label(value: str | None) -> str:
    """An enumeration value or entity name as a word: ``in_progress`` → ``In progress``."""
    if not value:
        return ""
    return _WORDS.get(value) or value.replace("_", " ").capitalize()


class Formatter:
    """Turns stored values into the text a table cell shows."""

    def __init__(self, currency: str = "USD", locale_name: str = "en_US"):
        self.currency = currency
        self.locale_name = locale_name
        self.locale = QLocale(locale_name)
        # The pattern the PDFs and exports use (CLDR via Babel), drawn by QLocale.
        self.date_format = locale_format.date_pattern(locale_name)
        self.time_format = locale_format.qt_time_pattern(locale_name)

    @classmethod
    def from_settings(cls) -> Formatter:
        return cls(settings.get("currency"), settings.get("locale"))

    def money(self, cents: int | None) -> str:
        return "" if cents is None else format_money(int(cents), self.currency, self.locale_name)

    def date(self, value: str | date | None) -> str:
        if not value:
            return ""
        if isinstance(value, date):
            value = value.isoformat()
        parsed = QDate.fromString(str(value)[:10], Qt.DateFormat.ISODate)
        return self.locale.toString(parsed, self.date_format) if parsed.isValid() else str(value)

    def datetime(self, value: str | None) -> str:
        """A stored UTC timestamp in the user's local time."""
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
        local = QDateTime(
            QDate(moment.year, moment.month, moment.day),
            QTime(moment.hour, moment.minute, moment.second),
        )
        return self.locale.toString(local, f"{self.date_format} {self.time_format}")

    def number(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            value = Decimal(repr(value))
        if isinstance(value, Decimal):
            value = value.normalize()
            places = max(0, -int(value.as_tuple().exponent))
            return self.locale.toString(float(value), "f", places)
        return self.locale.toString(int(value))

    def display(self, kind: str, value: Any) -> str:
        """The text of one cell of this column kind."""
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
            return "Yes" if value else "No"
        if kind == "percent":
            return f"{self.number(value)}%"
        if kind in ("int", "decimal"):
            return self.number(value)
        text = str(value)
        # One line in a cell: notes and addresses keep only their first line.
        return text.split("\n", 1)[0] if "\n" in text else text
