"""What the window's first screen (Today) shows, read by the job that opens the file.

The window is built while the file opens; reading Today's cards, the overdue
invoices, the currency and locale settings and the locale's CLDR facts in the
same job means the page is filled as it is made, without a second connection
or a wait for the query thread. This runs on the job's thread, so it touches
nothing of Qt, not even a module that uses PySide6: PySide6 builds its Python
types and meta-objects on first use, and that is not thread-safe (a start crashed
about once in 150 while the job's thread entered its work through a signal as the
GUI thread built the window: see ``ui.jobs._WorkThread``).
"""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.services import invoices, settings
from crm_desktop.services.locale_facts import LocaleFacts, locale_facts
from crm_desktop.services.today import TodayData, load_today


@dataclass(frozen=True)
class FirstScreen:
    """Today's data read with the file's opening: the formats' settings, the cards, the
    overdue line."""

    currency: str
    locale: str
    facts: LocaleFacts  # the locale's patterns and number pieces, looked up already
    today: TodayData | None  # None: reading it failed, the page asks again as it would later
    overdue: invoices.Overdue | None


def read_first_screen() -> FirstScreen:
    """Read what Today shows first (the opening job calls it once the file is open).

    A failure reading the cards or the overdue line is not the opening's: the page
    then reads them the usual way, where a failure is shown as any other.
    """
    currency, locale = settings.get("currency"), settings.get("locale")
    facts = locale_facts(locale, currency)
    try:
        data: TodayData | None = load_today()
    except Exception:  # read again by the page itself, which reports it
        data = None
    try:
        overdue: invoices.Overdue | None = invoices.overdue()
    except Exception:  # the same
        overdue = None
    return FirstScreen(currency, locale, facts, data, overdue)
