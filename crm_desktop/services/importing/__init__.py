"""Import of customers (with their primary contact), contacts and products.

From CSV (any of the usual encodings and delimiters), xlsx and vCard 3.0/4.0:

* :func:`read_file` reads a file into a :class:`Table` (``reading``, with
  ``encoding``, ``csvfile``, ``xlsxfile``, ``vcard``);
* :func:`guess_mapping` maps its columns to fields (``mapping``), which the
  wizard lets the user change, and :func:`preview` shows the first rows'
  fate;
* :func:`run_import` validates every row with the forms' parsers, finds
  duplicates, and writes everything in one transaction (``runner``);
* :func:`save_refused` writes the refused rows (a CSV, or the refused cards
  of a vCard file) to fix and import again; :func:`list_batches` and
  :func:`undo_batch` are the import history and its "Undo this import"
  (``batches``).
"""

from typing import Any

from crm_desktop.services.importing.batches import (
    BatchInfo,
    UndoResult,
    get_batch,
    list_batches,
)
from crm_desktop.services.importing.mapping import (
    PRESETS,
    TARGETS,
    Target,
    guess_mapping,
)
from crm_desktop.services.importing.reading import read_file
from crm_desktop.services.importing.refused import refused_path_for, save_refused
from crm_desktop.services.importing.region import RegionChoice, choose_region
from crm_desktop.services.importing.rows import check_mapping
from crm_desktop.services.importing.runner import (
    POLICIES,
    POLICY_LABELS,
    ImportResult,
    PreviewRow,
    RefusedRow,
    preview,
    run_import,
)
from crm_desktop.services.importing.table import Table


def undo_batch(batch_id: int, **options: Any) -> UndoResult:
    """Undo one import or merge of the history (:func:`crm_desktop.services.batch_undo.undo_batch`).

    Imported on first use: the merge's undo needs the duplicates service, which needs
    this package's batches module.
    """
    from crm_desktop.services.batch_undo import undo_batch as undo

    return undo(batch_id, **options)


__all__ = [
    "POLICIES",
    "POLICY_LABELS",
    "PRESETS",
    "TARGETS",
    "BatchInfo",
    "ImportResult",
    "PreviewRow",
    "RefusedRow",
    "RegionChoice",
    "Table",
    "Target",
    "UndoResult",
    "check_mapping",
    "choose_region",
    "get_batch",
    "guess_mapping",
    "list_batches",
    "preview",
    "read_file",
    "refused_path_for",
    "run_import",
    "save_refused",
    "undo_batch",
]
