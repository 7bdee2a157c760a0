"""Undo of one line of the import history, whatever its kind: an import or a merge.

The history holds both (``import_batch.kind``). Each kind's undo lives with
what made it (:func:`~crm_desktop.services.importing.batches.undo_import`,
:func:`~crm_desktop.services.duplicates.undo_merge`); this module only
chooses, so that neither of the two needs the other.
"""

from __future__ import annotations

from collections.abc import Callable

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.services.duplicates import undo_merge
from crm_desktop.services.importing.batches import UndoResult, get_batch, undo_import


def undo_batch(
    batch_id: int,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> UndoResult:
    """Revert one import (or merge) as a whole, in one transaction."""
    info = get_batch(batch_id)
    if info.undone_at:
        raise CrmError(
            _("This {kind} was already undone on {undone_at}.").format(
                kind=info.kind, undone_at=info.undone_at[:10]
            )
        )
    if info.kind == "merge":
        return undo_merge(batch_id)
    return undo_import(info, progress=progress, cancelled=cancelled)
