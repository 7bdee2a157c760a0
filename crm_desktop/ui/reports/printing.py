"""Print means print: a PDF we wrote, shown in Qt's print preview, sent through the print dialog.

Invoices and reports are made once, as PDF, by ``crm_desktop.reports``
(fonts embedded, every script). Printing draws that same PDF, page by
page, onto a ``QPrinter``: pypdfium2 (PDFium, the engine of Chrome's PDF
viewer) turns each page into an image at the printer's resolution (capped
at :data:`MAX_DPI`), so what prints is what "Save as PDF" saves.

:func:`print_pdf` writes the document off the GUI thread into a private
temporary folder, then opens :class:`QPrintPreviewDialog`; its Print button
opens the system's print dialog (printer, copies, pages). The temporary
file goes when the preview closes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from crm_desktop.ui.errors import show_error
from crm_desktop.ui.jobs import Job, JobContext, run_job

MAX_DPI = 300  # sharper than any office laser needs; keeps a page image under ~30 MB
# Writes the document(s) into the given folder; returns the file(s) written.
MakePdf = Callable[[Path, JobContext], "Path | list[Path]"]


def page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def paint_pdf(printer: QPrinter, pdfs: Path | Sequence[Path]) -> int:
    """Draw every page of ``pdfs`` (or the range chosen in the print dialog) on ``printer``.

    Several files print one after the other (the invoices of several orders).
    Each page is scaled to fit the printable area, keeping its proportions.
    Returns the number of pages drawn.
    """
    import pypdfium2

    files = [pdfs] if isinstance(pdfs, Path) else list(pdfs)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    first, last = printer.fromPage(), printer.toPage()
    dpi = min(printer.resolution(), MAX_DPI)
    number = drawn = 0
    try:
        for pdf in files:
            document = pypdfium2.PdfDocument(str(pdf))
            try:
                for page in document:
                    number += 1
                    if first > 0 and not first <= number <= (last or number):
                        page.close()
                        continue  # the user chose pages (1-based, inclusive)
                    try:
                        image = _page_image(page, dpi / 72)
                    finally:
                        page.close()
                    if drawn:
                        printer.newPage()
                    area = painter.viewport()
                    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    painter.drawImage(QRect(area.topLeft(), size), image)
                    drawn += 1
            finally:
                document.close()
    finally:
        painter.end()
    return drawn


def _page_image(page, scale: float) -> QImage:
    bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, as QImage reads it
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    channels = stride // width if width else 3
    fmt = QImage.Format.Format_RGB888 if channels == 3 else QImage.Format.Format_RGBX8888
    # copy(): the QImage must own its pixels, the bitmap's buffer goes with it.
    return QImage(bitmap.buffer, width, height, stride, fmt).copy()


def preview(parent: QWidget | None, pdfs: Path | Sequence[Path], title: str) -> QPrintPreviewDialog:
    """Open the print preview of ``pdfs`` (window-modal, not blocking); Print asks the system.

    The files' folder is removed when the dialog closes (they are :func:`print_pdf`'s).
    """
    files = [pdfs] if isinstance(pdfs, Path) else list(pdfs)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFromTo(0, 0)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print preview — %1").replace("%1", title)
    )
    dialog.paintRequested.connect(lambda target: paint_pdf(target, files))
    dialog.printer = printer  # type: ignore[attr-defined]  # lives as long as the dialog
    dialog.resize(900, 760)
    folders = {path.parent for path in files}
    dialog.setProperty("pdf_folders", [str(folder) for folder in folders])
    dialog.finished.connect(lambda _r: [shutil.rmtree(f, ignore_errors=True) for f in folders])
    dialog.open()
    return dialog


def print_pdf(
    parent: QWidget | None,
    title: str,
    make_pdf: MakePdf,
    on_preview: Callable[[QPrintPreviewDialog], None] | None = None,
) -> Job:
    """Write the document(s) (``make_pdf(folder, context)``) off the GUI thread, then preview."""
    folder = Path(tempfile.mkdtemp(prefix="crm-print-"))  # private to the user (0700)

    def done(written: object) -> None:
        dialog = preview(parent, written if isinstance(written, Path) else list(written), title)  # type: ignore[call-overload]
        if on_preview is not None:
            on_preview(dialog)

    job_title = QCoreApplication.translate("Printing", "Preparing %1 for printing")
    job_title = job_title.replace("%1", title)

    def failed(exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        show_error(parent, job_title, exc)

    return run_job(
        parent,
        job_title,
        lambda context: make_pdf(folder, context),
        on_success=done,
        on_error=failed,
        on_cancel=lambda: shutil.rmtree(folder, ignore_errors=True),
    )
