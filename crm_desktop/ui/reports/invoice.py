"""On orders: "Print invoice" (preview, then the system's print dialog) and "Save invoice as PDF".

Printing writes the selected orders' invoices into a private temporary
folder and shows them in the print preview (:mod:`crm_desktop.ui.reports.printing`);
its Print button asks the system which printer. Saving as PDF is its own
command: one selected order asks for a file name; several ask for a folder
and get one file each, named after the order number. The PDFs are written
off the GUI thread; the status bar says where the files went, and one
invoice opens in the system's PDF viewer if asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from crm_desktop.reports.generate import generate_invoice
from crm_desktop.services import orders
from crm_desktop.ui.jobs import Job, JobContext, run_job
from crm_desktop.ui.reports.choices import load_choices, save_choices
from crm_desktop.ui.reports.printing import print_pdf

_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
PathChooser = Callable[[Path, int], Path | None]


def invoice_file_name(number: str) -> str:
    """``Invoice SO-2026-0042.pdf`` (characters no file system takes are replaced)."""
    return f"Invoice {_UNSAFE_NAME.sub('-', number).strip(' .') or 'order'}.pdf"


class InvoicePrinter(QObject):
    """The "Print invoice" action and what it does."""

    def __init__(
        self,
        window: Any,
        *,
        choose_path: PathChooser | None = None,
        confirm_open: Callable[[Path], bool] | None = None,
    ):
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.choose_path = choose_path or self._ask_path
        self.confirm_open = confirm_open or self._ask_open
        self.job: Job | None = None
        self.preview: QWidget | None = None  # the last print preview opened

    def _parent(self) -> QWidget | None:
        return self.window if isinstance(self.window, QWidget) else None

    def _ask_path(self, suggested: Path, count: int) -> Path | None:
        if count == 1:
            name, _ = QFileDialog.getSaveFileName(
                self._parent(), "Save the invoice as", str(suggested), "PDF document (*.pdf)"
            )
            if not name:
                return None
            path = Path(name)
            return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
        folder = QFileDialog.getExistingDirectory(
            self._parent(), f"Save {count} invoices in", str(suggested.parent)
        )
        return Path(folder) if folder else None

    def _ask_open(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self._parent(),
            "Invoice saved",
            f"The invoice was saved as {path.name}.\n\nOpen it now?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        )
        return answer == QMessageBox.StandardButton.Open

    def _selected(self) -> list[int]:
        ids = self.window.selected_ids() if self.window.current_entity() == "sales_order" else []
        if not ids:
            self.window.show_status(
                QCoreApplication.translate(
                    "InvoicePrinter", "Select one or more orders to print their invoices."
                )
            )
        return ids

    def print_selected(self) -> Job | None:
        """Print the selected orders' invoices: a preview, then the system's print dialog."""
        ids = self._selected()
        if not ids:
            return None
        numbers = [orders.get_order(order_id)["number"] for order_id in ids]

        def make(folder: Path, context: JobContext) -> list[Path]:
            written = []
            for done, (order_id, number) in enumerate(zip(ids, numbers, strict=True)):
                context.progress(done, len(ids))
                target = folder / f"{done:05d} {invoice_file_name(number)}"
                written.append(
                    generate_invoice(target, order_id=order_id, cancelled=context.cancelled)
                )
            return written

        title = numbers[0] if len(numbers) == 1 else f"{len(numbers)} invoices"
        self.job = print_pdf(self._parent(), title, make, on_preview=self._previewed)
        return self.job

    def _previewed(self, dialog: QWidget) -> None:
        self.preview = dialog

    def save_selected(self) -> Job | None:
        """Save the selected orders' invoices as PDF files where the user says."""
        ids = self._selected()
        if not ids:
            return None
        numbers = {order_id: orders.get_order(order_id)["number"] for order_id in ids}
        choices = load_choices()
        folder = (
            Path(choices.folder)
            if choices.folder and Path(choices.folder).is_dir()
            else Path.home()
        )
        first_name = invoice_file_name(numbers[ids[0]])
        chosen = self.choose_path(folder / first_name, len(ids))
        if chosen is None:
            return None
        if len(ids) == 1:
            targets = {ids[0]: chosen}
            choices.folder = str(chosen.parent)
        else:
            targets = {order_id: chosen / invoice_file_name(numbers[order_id]) for order_id in ids}
            choices.folder = str(chosen)
        save_choices(choices)

        def work(context: JobContext) -> list[Path]:
            written = []
            for done, (order_id, target) in enumerate(targets.items()):
                context.progress(done, len(targets))
                context.message(f"Writing {target.name}…")
                written.append(
                    generate_invoice(target, order_id=order_id, cancelled=context.cancelled)
                )
            return written

        self.job = run_job(self._parent(), "Save invoice", work, on_success=self._finished)
        return self.job

    def _finished(self, written: object) -> None:
        paths = list(written)  # type: ignore[call-overload]
        if len(paths) == 1:
            self.window.show_status(f"Invoice saved as {paths[0]}.")
            if self.confirm_open(paths[0]):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0])))
        else:
            self.window.show_status(f"{len(paths)} invoices saved in {paths[0].parent}.")
