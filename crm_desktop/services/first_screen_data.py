"""What the window's first screen (Today) shows, as plain data: what
:mod:`crm_desktop.services.first_screen` reads, and what its helper process
(:mod:`crm_desktop.services.first_screen_ahead`) hands over pickled. Importing it
imports no ``sqlite3``."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.services.invoice_dues import Overdue
from crm_desktop.services.locale_facts import LocaleFacts
from crm_desktop.services.today import TodayData


@dataclass(frozen=True)
class FirstScreen:
    """Today's data read with the file's opening: the formats' settings, the cards, the
    overdue line."""

    currency: str
    locale: str
    facts: LocaleFacts  # the locale's patterns and number pieces, looked up already
    today: TodayData | None  # None: reading it failed, the page asks again as it would later
    overdue: Overdue | None
