"""What Today shows first, read by the job that opens the file, off the GUI thread.

The window is built while the file opens; reading Today's cards, the overdue
invoices and the locale's patterns in the same job means the page is filled as
it is made, without a second connection or a wait for the query thread. This
module touches no widget (it runs on the job's thread) and imports none, so
that it never waits on the GUI thread's imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.services import invoices
from crm_desktop.services.today import TodayData, load_today
from crm_desktop.ui.formats import Formats


@dataclass(frozen=True)
class FirstScreen:
    """Today's data read with the file's opening: the formats, the cards, the overdue line."""

    formatter: Formats
    today: TodayData | None  # None: reading it failed, the page asks again as it would later
    overdue: invoices.Overdue | None


def read_first_screen() -> FirstScreen:
    """Read what Today shows first, on the opening job's thread (no widget is touched).

    The formats' patterns are looked up here too (CLDR through Babel), so that the GUI
    thread finds them ready. A failure here is not the opening's: the page then reads
    its data the usual way, where a failure is shown as any other.
    """
    formatter = Formats.load()
    formatter.warm()
    try:
        data: TodayData | None = load_today()
    except Exception:  # read again by the page itself, which reports it
        data = None
    try:
        overdue: invoices.Overdue | None = invoices.overdue()
    except Exception:  # the same
        overdue = None
    return FirstScreen(formatter, data, overdue)
