"""Re-sorting the lists after the data's language changed: a job with progress and cancel.

The locale's language decides which script the lists put first
(:mod:`crm_desktop.services.sort_order`); when a save in Preferences changes
it, the stored keys are re-made off the GUI thread in one transaction. A
cancelled job leaves the old order, and it is offered again the next time the
file opens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crm_desktop.services import sort_order
from crm_desktop.ui.jobs import Job, JobContext, run_job


def rekey_when_needed(parent: QWidget) -> Job | None:
    """Start the re-keying job if the language wants another order; the job, or None."""
    if not sort_order.needs_rekey():
        return None

    def work(context: JobContext) -> int:
        return sort_order.rekey(context.progress, context.cancelled)

    title = QCoreApplication.translate("SortJob", "Sorting the lists in the new language's order")
    return run_job(parent, title, work)
