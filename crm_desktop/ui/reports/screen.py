"""The Reports screen: pick a report, a period, a grouping and a format; Generate; Open.

Generating runs off the GUI thread (:func:`crm_desktop.ui.jobs.run_job`)
with progress and Cancel; a cancelled or failed report leaves no file. The
last choices (report, period, grouping, format, folder) are remembered in
the window's state file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.reports.generate import REPORTS, generate_report
from crm_desktop.services.clock import today
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.reporting import GROUPINGS, PRESET_LABELS, Period, preset
from crm_desktop.ui.jobs import Job, JobContext, run_job
from crm_desktop.ui.reports.choices import ReportChoices, load_choices, save_choices

FORMATS = (
    ("pdf", "PDF document (.pdf)"),
    ("xlsx", "Excel workbook (.xlsx)"),
    ("csv", "CSV, UTF-8 (.csv)"),
)
CUSTOM = "custom"
QuerySource = Callable[[], ListQuery | None]
PathChooser = Callable[[Path], Path | None]


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_date_period(preset_key: str, start: date, end: date, on: date) -> Period:
    """The period of a preset ("this_month"…), or of the custom dates.

    "This month", "this quarter" and "this year" end today: a report of the
    year so far compares with the same number of days before it.
    """
    if preset_key == CUSTOM:
        return Period(start, end)
    period = preset(preset_key, on)
    if preset_key.startswith("this_") and period.end > on:
        period = Period(period.start, on)
    return period


def suggested_name(report: str, period: Period | None, extension: str) -> str:
    stem = {
        "sales": "sales-by-period",
        "customers": "sales-by-customer",
        "products": "sales-by-product",
        "pipeline": "pipeline",
        "tasks": "tasks-and-activity",
        "customer_list": "customers",
    }[report]
    if period is not None:
        stem += f" {period.start.isoformat()} to {period.end.isoformat()}"
    return f"{stem}.{extension}"


class ReportsScreen(QWidget):
    """The Reports page of the window (works alone too, for tests)."""

    generated = Signal(str)  # the path of a report that was written

    def __init__(
        self,
        *,
        query_source: QuerySource | None = None,
        choose_path: PathChooser | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("reportsScreen")
        self.query_source = query_source
        self.choose_path = choose_path or self._ask_path
        self.job: Job | None = None
        self.last_path: Path | None = None
        self.choices = load_choices()

        title = QLabel("<h2>Reports</h2>")
        intro = QLabel(
            "Sales reports for a period, as a PDF to print or send, or as a spreadsheet for "
            "your accountant. Every figure is computed from the orders, deals and tasks as "
            "they are now."
        )
        intro.setWordWrap(True)

        self.report_box = QComboBox()
        self.report_box.setObjectName("reportBox")
        for key, kind in REPORTS.items():
            self.report_box.addItem(kind.label, key)
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        for key, label in PRESET_LABELS.items():
            self.period_box.addItem(label, key)
        self.period_box.addItem("Custom dates", CUSTOM)
        self.from_edit = self._date_edit("fromEdit")
        self.to_edit = self._date_edit("toEdit")
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        self.grouping_box = QComboBox()
        self.grouping_box.setObjectName("groupingBox")
        for key in GROUPINGS:
            self.grouping_box.addItem(f"By {key}", key)
        self.format_box = QComboBox()
        self.format_box.setObjectName("formatBox")
        for key, label in FORMATS:
            self.format_box.addItem(label, key)

        form = QFormLayout()
        form.addRow("Re&port:", self.report_box)
        form.addRow("Per&iod:", self.period_box)
        form.addRow("", dates)
        form.addRow("Gro&uping:", self.grouping_box)
        form.addRow("For&mat:", self.format_box)
        self.hint = QLabel()
        self.hint.setObjectName("reportHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        form.addRow("", self.hint)

        self.generate_button = QPushButton("&Generate…")
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)

        self.result = QFrame()
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("&Open")
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.open_report)
        self.folder_button = QPushButton("Show in &folder")
        self.folder_button.setObjectName("folderButton")
        self.folder_button.clicked.connect(self.show_folder)
        result_layout = QHBoxLayout(self.result)
        result_layout.addWidget(self.result_label, 1)
        result_layout.addWidget(self.open_button)
        result_layout.addWidget(self.folder_button)
        self.result.hide()

        self.print_button = QPushButton(self.tr("Pri&nt…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("Print this report: a preview, then the print dialog"))
        self.print_button.clicked.connect(self.print_report)
        self.preview: QWidget | None = None  # the last print preview opened

        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)

        content = QWidget()
        content.setMaximumWidth(680)  # a form as wide as a big window is hard to read
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.result)
        outer = QVBoxLayout(self)
        outer.addWidget(content)
        outer.addStretch(1)

        self._apply(self.choices)
        for box in (self.report_box, self.period_box, self.grouping_box, self.format_box):
            box.currentIndexChanged.connect(self._changed)
        self.from_edit.dateChanged.connect(self._changed)
        self.to_edit.dateChanged.connect(self._changed)
        self._changed()

    # -- the choices ----------------------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _apply(self, choices: ReportChoices) -> None:
        for box, value in (
            (self.report_box, choices.report),
            (self.period_box, choices.period),
            (self.grouping_box, choices.grouping),
            (self.format_box, choices.format),
        ):
            index = box.findData(value)
            if index >= 0:
                box.setCurrentIndex(index)
        on = today()
        self.from_edit.setDate(to_qdate(choices.custom_from or date(on.year, 1, 1)))
        self.to_edit.setDate(to_qdate(choices.custom_to or on))

    def select_report(self, report: str) -> None:
        index = self.report_box.findData(report)
        if index >= 0:
            self.report_box.setCurrentIndex(index)

    def current(self) -> ReportChoices:
        return ReportChoices(
            report=self.report_box.currentData(),
            period=self.period_box.currentData(),
            grouping=self.grouping_box.currentData(),
            format=self.format_box.currentData(),
            custom_from=from_qdate(self.from_edit.date()),
            custom_to=from_qdate(self.to_edit.date()),
            folder=self.choices.folder,
        )

    def period(self) -> Period | None:
        """The chosen period, or None with the reason shown when the dates are wrong."""
        choices = self.current()
        if choices.period == CUSTOM and choices.custom_from > choices.custom_to:
            return None
        return to_date_period(choices.period, choices.custom_from, choices.custom_to, today())

    def _changed(self, *_: object) -> None:
        choices = self.current()
        kind = REPORTS[choices.report]
        custom = choices.period == CUSTOM
        self.period_box.setEnabled(kind.uses_period)
        self.from_edit.setEnabled(kind.uses_period and custom)
        self.to_edit.setEnabled(kind.uses_period and custom)
        self.grouping_box.setEnabled(kind.uses_grouping)
        period = self.period() if kind.uses_period else None
        if kind.uses_period and not custom and period is not None:
            for edit, day in ((self.from_edit, period.start), (self.to_edit, period.end)):
                edit.blockSignals(True)
                edit.setDate(to_qdate(day))
                edit.blockSignals(False)
        if kind.uses_period and period is None:
            self.hint.setText("The period starts after it ends: change the dates.")
        elif not kind.uses_period:
            self.hint.setText(
                "The customers of the customer table's current search, filters and sort "
                "(all customers when the table was not opened)."
            )
        else:
            self.hint.setText(f"{period.label()} ({period.days} days)")
        self.generate_button.setEnabled(not (kind.uses_period and period is None))
        self.print_button.setEnabled(self.generate_button.isEnabled())

    # -- generating --------------------------------------------------------------------------

    def _ask_path(self, suggested: Path) -> Path | None:
        extension = suggested.suffix.lstrip(".")
        label = dict(FORMATS)[extension]
        name, _ = QFileDialog.getSaveFileName(self, "Save the report as", str(suggested), label)
        if not name:
            return None
        path = Path(name)
        return (
            path
            if path.suffix.lower() == f".{extension}"
            else path.with_name(f"{path.name}.{extension}")
        )

    def generate(self) -> Job | None:
        """Ask where to save, then write the report in the background."""
        choices = self.current()
        kind = REPORTS[choices.report]
        period = self.period() if kind.uses_period else None
        if kind.uses_period and period is None:
            return None
        folder = (
            Path(choices.folder)
            if choices.folder and Path(choices.folder).is_dir()
            else Path.home()
        )
        target = self.choose_path(folder / suggested_name(choices.report, period, choices.format))
        if target is None:
            return None
        choices.folder = str(target.parent)
        self.choices = choices
        save_choices(choices)
        query = self.query_source() if self.query_source is not None else None
        grouping = choices.grouping

        def work(context: JobContext) -> Path:
            context.message(f"Writing {target.name}…")
            return generate_report(
                choices.report,
                target,
                period=period,
                grouping=grouping,
                query=query,
                progress=context.progress,
                cancelled=context.cancelled,
            )

        self.generate_button.setEnabled(False)
        self.result.hide()
        self.job = run_job(
            self,
            f"{kind.label} report",
            work,
            on_success=self._finished,
            on_cancel=self._cancelled,
        )
        self.job.done.connect(lambda: self.generate_button.setEnabled(True))
        return self.job

    def print_report(self) -> Job | None:
        """Print the chosen report: written as PDF off the GUI thread, then the print preview."""
        choices = self.current()
        kind = REPORTS[choices.report]
        period = self.period() if kind.uses_period else None
        if kind.uses_period and period is None:
            return None
        query = self.query_source() if self.query_source is not None else None
        name = suggested_name(choices.report, period, "pdf")

        def make(folder: Path, context: JobContext) -> Path:
            return generate_report(
                choices.report,
                folder / name,
                period=period,
                grouping=choices.grouping,
                query=query,
                progress=context.progress,
                cancelled=context.cancelled,
            )

        from crm_desktop.ui.reports.printing import print_pdf

        def previewed(dialog: QWidget) -> None:
            self.preview = dialog

        self.job = print_pdf(self, f"{kind.label} report", make, on_preview=previewed)
        return self.job

    def _finished(self, path: object) -> None:
        self.last_path = Path(str(path))
        self.open_button.show()
        self.folder_button.show()
        self.result_label.setText(
            f"Saved <b>{_html(self.last_path.name)}</b> in {_html(str(self.last_path.parent))}"
        )
        self.result.show()
        self.open_button.setFocus()
        self.generated.emit(str(self.last_path))

    def _cancelled(self) -> None:
        self.result_label.setText("Cancelled: no file was written.")
        self.open_button.hide()
        self.folder_button.hide()
        self.result.show()

    def open_report(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))

    def show_folder(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path.parent)))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
