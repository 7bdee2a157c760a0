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
        f"Moved {what} to the trash.",
        lambda: trash.restore_batch(batch),
        f"Move {what} to the trash",
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
        return BulkResult(f"Nothing changed: the {section.plural} were already {label(value)}.")
    return BulkResult(
        f"{status.label} set to “{label(value)}” on {what}.",
        lambda: records.revert(spec, changes),
        f"Set {status.label.lower()} of {what}",
        len(changes),
    )


def add_tag(section: Section, ids: Sequence[int], name: str) -> BulkResult:
    changed = tags.add_tags(list(ids), [name])
    what = section.count_text(len(changed))
    if not changed:
        return BulkResult(f"Nothing changed: every selected {section.noun} has “{name}”.")
    return BulkResult(
        f"Tag “{name}” added to {what}.",
        lambda: tags.remove_tags(changed, [name]),
        f"Add tag “{name}” to {what}",
        len(changed),
    )


def remove_tag(section: Section, ids: Sequence[int], name: str) -> BulkResult:
    changed = tags.remove_tags(list(ids), [name])
    what = section.count_text(len(changed))
    if not changed:
        return BulkResult(f"Nothing changed: no selected {section.noun} has “{name}”.")
    return BulkResult(
        f"Tag “{name}” removed from {what}.",
        lambda: tags.add_tags(changed, [name]),
        f"Remove tag “{name}” from {what}",
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
