"""What the user does to many rows at once, each as one undoable step.

Each function calls one service (which writes in one transaction) and
returns a :class:`BulkResult`: the sentence for the status bar and the
function that takes the step back. The window runs them — on the GUI
thread for a handful of rows, as a background job with progress for
hundreds (:func:`run_bulk`), so that cleaning up after an import of
thousands of rows never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crm_desktop.services import records, tags, trash
from crm_desktop.ui.formats import label
from crm_desktop.ui.jobs import run_job
from crm_desktop.ui.sections.base import Section

# Up to this many rows a bulk change runs at once; beyond, in a background job.
INLINE_LIMIT = 200


@dataclass
class BulkResult:
    """What a bulk action did: the message, and how to undo it (None: nothing to undo)."""

    message: str
    undo: Callable[[], object] | None = None
    undo_label: str = ""
    size: int = 0


def move_to_trash(section: Section, ids: Sequence[int]) -> BulkResult:
    batch = trash.move_to_trash(section.entity, ids)
    what = section.count_text(len(ids))
    return BulkResult(
        QCoreApplication.translate("tables.bulk", "Moved {what} to the trash.").format(what=what),
        lambda: trash.restore_batch(batch),
        QCoreApplication.translate("tables.bulk", "Move {what} to the trash").format(what=what),
        len(ids),
    )


def set_status(section: Section, ids: Sequence[int], value: str) -> BulkResult:
    status = section.status
    if status is None:
        raise ValueError(f"{section.title} have no status")
    changes = status.apply(list(ids), value)
    spec = records.entity(status.entity)
    what = section.count_text(len(changes))
    if not changes:
        return BulkResult(
            QCoreApplication.translate(
                "tables.bulk", "Nothing changed: the {plural} were already {label}."
            ).format(plural=section.plural, label=label(value))
        )
    return BulkResult(
        QCoreApplication.translate("tables.bulk", "{label} set to “{label2}” on {what}.").format(
            label=status.label, label2=label(value), what=what
        ),
        lambda: records.revert(spec, changes),
        QCoreApplication.translate("tables.bulk", "Set {lower} of {what}").format(
            lower=status.label.lower(), what=what
        ),
        len(changes),
    )


def add_tag(section: Section, ids: Sequence[int], name: str) -> BulkResult:
    changed = tags.add_tags(list(ids), [name])
    what = section.count_text(len(changed))
    if not changed:
        return BulkResult(
            QCoreApplication.translate(
                "tables.bulk", "Nothing changed: every selected {noun} has “{name}”."
            ).format(noun=section.noun, name=name)
        )
    return BulkResult(
        QCoreApplication.translate("tables.bulk", "Tag “{name}” added to {what}.").format(
            name=name, what=what
        ),
        lambda: tags.remove_tags(changed, [name]),
        QCoreApplication.translate("tables.bulk", "Add tag “{name}” to {what}").format(
            name=name, what=what
        ),
        len(changed),
    )


def remove_tag(section: Section, ids: Sequence[int], name: str) -> BulkResult:
    changed = tags.remove_tags(list(ids), [name])
    what = section.count_text(len(changed))
    if not changed:
        return BulkResult(
            QCoreApplication.translate(
                "tables.bulk", "Nothing changed: no selected {noun} has “{name}”."
            ).format(noun=section.noun, name=name)
        )
    return BulkResult(
        QCoreApplication.translate("tables.bulk", "Tag “{name}” removed from {what}.").format(
            name=name, what=what
        ),
        lambda: tags.add_tags(changed, [name]),
        QCoreApplication.translate("tables.bulk", "Remove tag “{name}” from {what}").format(
            name=name, what=what
        ),
        len(changed),
    )


def run_bulk(
    parent: QWidget | None,
    title: str,
    size: int,
    work: Callable[[], object],
    on_done: Callable[[object], None],
) -> None:
    """Run ``work`` now when it is small, else as a job with a progress dialog."""
    if size <= INLINE_LIMIT:
        on_done(work())
        return
    run_job(parent, title, lambda _context: work(), on_success=on_done, cancellable=False)
