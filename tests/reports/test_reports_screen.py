"""The Reports screen, "Print invoice" and "Save invoice as PDF", used the way a person uses them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence

from crm_desktop.services.listing import ListQuery
from crm_desktop.services.reporting import Period
from crm_desktop.ui.reports import install
from crm_desktop.ui.reports.invoice import InvoicePrinter, invoice_file_name
from crm_desktop.ui.reports.screen import ReportsScreen, to_date_period


def choose(box, data) -> None:
    box.setCurrentIndex(box.findData(data))


def test_generating_a_report_from_the_screen(known, qtbot, tmp_path):
    asked: list[Path] = []

    def choose_path(suggested: Path) -> Path:
        asked.append(suggested)
        return tmp_path / suggested.name

    screen = ReportsScreen(choose_path=choose_path)
    qtbot.addWidget(screen)
    screen.show()
    choose(screen.report_box, "customers")
    choose(screen.period_box, "custom")
    assert screen.from_edit.isEnabled() and not screen.grouping_box.isEnabled()
    screen.from_edit.setDate(QDate(2026, 3, 1))
    screen.to_edit.setDate(QDate(2026, 3, 31))
    choose(screen.format_box, "pdf")
    assert "2026-03-01 – 2026-03-31 (31 days)" in screen.hint.text()
    with qtbot.waitSignal(screen.generated, timeout=20000) as signal:
        qtbot.mouseClick(screen.generate_button, Qt.MouseButton.LeftButton)
    written = Path(signal.args[0])
    assert written == tmp_path / "sales-by-customer 2026-03-01 to 2026-03-31.pdf"
    assert asked[0].name == written.name
    text = " ".join(PdfReader(str(written)).pages[0].extract_text().split())
    assert "ООО «Ромашка»" in text and "Sales by customer" in text
    qtbot.waitUntil(lambda: screen.result.isVisible() and screen.generate_button.isEnabled())
    assert written.name in screen.result_label.text()
    assert screen.open_button.isVisible() and screen.folder_button.isVisible()

    # The choices are remembered by the next screen.
    again = ReportsScreen(choose_path=choose_path)
    qtbot.addWidget(again)
    assert again.report_box.currentData() == "customers"
    assert again.period_box.currentData() == "custom"
    assert again.from_edit.date() == QDate(2026, 3, 1)
    assert again.current().folder == str(tmp_path)


def test_dates_the_wrong_way_round_disable_generate(known, qtbot):
    screen = ReportsScreen(choose_path=lambda p: None)
    qtbot.addWidget(screen)
    choose(screen.report_box, "sales")
    choose(screen.period_box, "custom")
    screen.from_edit.setDate(QDate(2026, 5, 1))
    screen.to_edit.setDate(QDate(2026, 4, 1))
    assert not screen.generate_button.isEnabled()
    assert "starts after it ends" in screen.hint.text()


def test_a_cancelled_save_dialog_writes_nothing(known, qtbot, tmp_path):
    screen = ReportsScreen(choose_path=lambda p: None)
    qtbot.addWidget(screen)
    assert screen.generate() is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_customer_list_of_the_current_view_as_xlsx(known, qtbot, tmp_path):
    from openpyxl import load_workbook

    screen = ReportsScreen(
        query_source=lambda: ListQuery(search="Smith"), choose_path=lambda p: tmp_path / p.name
    )
    qtbot.addWidget(screen)
    choose(screen.report_box, "customer_list")
    assert not screen.period_box.isEnabled()
    choose(screen.format_box, "xlsx")
    with qtbot.waitSignal(screen.generated, timeout=20000) as signal:
        screen.generate_button.click()
    sheet = load_workbook(signal.args[0])["Customers"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "<b>Smith & Sons</b>",
        "Total: 1",
    ]


def test_presets_of_this_period_end_today():
    on = date(2026, 11, 22)
    assert to_date_period("this_month", on, on, on) == Period(date(2026, 11, 1), on)
    assert to_date_period("last_month", on, on, on) == Period(date(2026, 10, 1), date(2026, 10, 31))
    assert to_date_period("this_quarter", on, on, on) == Period(date(2026, 10, 1), on)
    assert to_date_period("last_year", on, on, on) == Period(date(2025, 1, 1), date(2025, 12, 31))


class FakeWindow:
    """The bits of WindowApi the reports feature uses."""

    def __init__(self, entity: str, ids: list[int]):
        self.entity = entity
        self.ids = ids
        self.sections: dict[str, object] = {}
        self.record_actions: dict[str, list[QAction]] = {}
        self.statuses: list[str] = []

    def add_section(self, key, title, widget, icon=None):
        # A factory builds the page when it is first shown (install stays cheap).
        self.sections[key] = widget() if callable(widget) else widget

    def add_record_action(self, entity, action):
        self.record_actions.setdefault(entity, []).append(action)

    def current_entity(self):
        return self.entity

    def selected_ids(self):
        return self.ids

    def current_query(self):
        return ListQuery(search="Smith") if self.entity == "customer" else None

    def show_status(self, text, undo=None):
        self.statuses.append(text)


def test_install_adds_the_screen_and_the_order_action(known, qtbot):
    window = FakeWindow("sales_order", [known.orders["mar01"]])
    install(window)
    print_action, save_action = window.record_actions["sales_order"]
    assert print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert save_action.shortcut().toString() == "Ctrl+Shift+P"
    assert isinstance(window.sections["reports"], ReportsScreen)
    qtbot.addWidget(window.sections["reports"])
    assert [a.text() for a in window.record_actions["sales_order"]] == [
        "Print &invoice…",
        "Save invoice as P&DF…",
    ]
    assert [a.text() for a in window.record_actions["customer"]] == ["Customer list report…"]


def test_save_invoice_as_pdf_for_one_and_for_several_orders(known, qtbot, tmp_path):
    window = FakeWindow("sales_order", [known.orders["mar15"]])
    opened: list[Path] = []
    printer = InvoicePrinter(
        window,
        choose_path=lambda suggested, count: tmp_path / suggested.name if count == 1 else tmp_path,
        confirm_open=lambda path: opened.append(path) or False,
    )
    job = printer.save_selected()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    job.wait()
    assert opened == [tmp_path / "Invoice T-mar15.pdf"]
    assert "北京贸易有限公司" in PdfReader(str(opened[0])).pages[0].extract_text()

    window.ids = [known.orders["mar01"], known.orders["apr01"]]
    printer.save_selected()
    qtbot.waitUntil(lambda: any("2 invoices saved" in s for s in window.statuses), timeout=20000)
    assert (tmp_path / "Invoice T-mar01.pdf").exists() and (
        tmp_path / "Invoice T-apr01.pdf"
    ).exists()

    window.ids = []
    assert printer.save_selected() is None
    assert "Select one or more orders" in window.statuses[-1]


def test_invoice_file_names_are_safe():
    assert invoice_file_name("SO/2026:7") == "Invoice SO-2026-7.pdf"
    assert invoice_file_name("..") == "Invoice order.pdf"


def test_cancelling_a_report_says_so_and_leaves_no_file(known, qtbot, tmp_path, monkeypatch):
    import threading

    from crm_desktop.errors import CancelledError
    from crm_desktop.ui.reports import screen as screen_module

    started = threading.Event()

    def slow_report(report, target, *, cancelled, **kwargs):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise CancelledError()

    monkeypatch.setattr(screen_module, "generate_report", slow_report)
    screen = ReportsScreen(choose_path=lambda p: tmp_path / p.name)
    qtbot.addWidget(screen)
    screen.show()
    job = screen.generate()
    assert started.wait(10)
    assert not screen.generate_button.isEnabled()
    job.cancel()
    qtbot.waitUntil(lambda: screen.result.isVisible(), timeout=10000)
    assert screen.result_label.text() == "Cancelled: no file was written."
    assert not screen.open_button.isVisible()
    qtbot.waitUntil(screen.generate_button.isEnabled, timeout=10000)
    assert list(tmp_path.glob("*.pdf")) == []


def test_print_invoice_opens_the_preview_and_prints_the_invoice(known, qtbot, tmp_path):
    """Print: the invoice shows in Qt's print preview; printed to a PDF printer (no real
    printer needed), the page carries the invoice, Chinese included."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from crm_desktop.ui.reports.printing import paint_pdf

    window = FakeWindow("sales_order", [known.orders["mar15"]])
    printer = InvoicePrinter(window, choose_path=lambda *_: pytest.fail("print asked for a file"))
    printer.print_selected()
    qtbot.waitUntil(lambda: printer.preview is not None, timeout=20000)
    dialog = printer.preview
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    assert "T-mar15" in dialog.windowTitle()
    [pdf] = [p for folder in _print_folders(dialog) for p in folder.glob("*.pdf")]

    paper = QPrinter(QPrinter.PrinterMode.HighResolution)
    paper.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    paper.setOutputFileName(str(tmp_path / "printed.pdf"))
    paper.setResolution(150)
    assert paint_pdf(paper, pdf) == 1
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(printed.pages) == 1
    assert (tmp_path / "printed.pdf").stat().st_size > 20_000  # the page image, not a blank
    dialog.reject()
    assert not pdf.exists()  # the temporary invoice goes with the preview


def _print_folders(dialog) -> list[Path]:
    return [Path(p) for p in dialog.property("pdf_folders") or []]


def test_print_on_the_reports_screen_previews_a_pdf(known, qtbot):
    screen = ReportsScreen(choose_path=lambda _s: pytest.fail("print asked for a file"))
    qtbot.addWidget(screen)
    screen.show()
    choose(screen.report_box, "customers")
    choose(screen.format_box, "xlsx")  # printing is PDF whatever the file format chosen
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.preview is not None, timeout=20000)
    qtbot.addWidget(screen.preview)
    assert screen.preview.isVisible()
    [pdf] = [p for folder in _print_folders(screen.preview) for p in folder.glob("*.pdf")]
    assert pdf.name.startswith("sales-by-customer")
    screen.preview.reject()
