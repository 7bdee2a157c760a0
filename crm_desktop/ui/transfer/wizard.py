"""The import wizard: choose a file → map its columns (with a preview) → duplicates → import.

Pages, in order:

1. **File** — what to import (customers, contacts, products), the file, the
   preset (auto, Google, Outlook). Reading the file runs off the GUI thread.
2. **Columns** — how the file was read (its encoding, which the user can
   change: the file is read again) and the country of phone numbers written
   without a ``+code``; one row per column of the file: its header, an
   example value and what it is imported as (every mapping can be changed);
   which columns go to the notes and which are not imported; below, the
   first rows with each row's fate (new, duplicate, refused and why),
   values that would be kept as written in the notes marked ⚠ on their
   cell — all recomputed as soon as a choice changes.
3. **Duplicates** — what to do with a row that matches an existing record.
4. **Import** — the import runs with :func:`~crm_desktop.ui.jobs.run_job`
   (progress, cancel: a cancelled import leaves nothing), then the summary:
   the counts (and how many values were kept as written), where the other
   columns went, the refused rows with their reasons, "Save refused rows…"
   and "Undo this import".

Everything goes through :mod:`crm_desktop.services.importing`; no SQL here.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crm_desktop.errors import CrmError
from crm_desktop.i18n import gettext
from crm_desktop.services import importing, settings
from crm_desktop.services.importing import ImportResult, Table
from crm_desktop.services.importing.encoding import CHOICES as ENCODINGS
from crm_desktop.services.importing.mapping import ENTITY_LABELS, column_fates
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.jobs import JobContext, run_job
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.transfer.preview import PreviewModel
from crm_desktop.ui.translation import declared
from crm_desktop.ui.words import english_plural

FILE_FILTER = QT_TR_NOOP("Contacts and tables (*.csv *.txt *.tsv *.xlsx *.vcf);;All files (*)")
ENTITIES = (
    ("customer", QT_TR_NOOP("Customers (with their primary contact)")),
    ("contact", QT_TR_NOOP("Contacts")),
    ("product", QT_TR_NOOP("Products")),
)
PRESET_LABELS = {
    "auto": QT_TR_NOOP("Recognise automatically"),
    "google": QT_TR_NOOP("Google Contacts CSV"),
    "outlook": QT_TR_NOOP("Outlook CSV"),
    "thunderbird": QT_TR_NOOP("Thunderbird CSV"),
}
IGNORE = QT_TR_NOOP("— don't import —")
PREVIEW_ROWS = 100
AUTO = "auto"


class FilePage(QWizardPage):
    """What to import, and from which file."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(self.tr("Import: choose a file"))
        self.setSubTitle(
            self.tr("CSV (any encoding, comma, semicolon or tab), Excel .xlsx, or vCards (.vcf).")
        )
        self._wizard = wizard
        self._loaded_for: tuple[str, str, str] | None = None
        form = QFormLayout(self)
        self.entity_box = QComboBox()
        for key, label in ENTITIES:
            self.entity_box.addItem(declared(label), key)
        form.addRow(self.tr("Import:"), self.entity_box)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("The file to import"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File:"), row)
        self.preset_box = QComboBox()
        for key in importing.PRESETS:
            self.preset_box.addItem(declared(PRESET_LABELS[key]), key)
        form.addRow(self.tr("Columns named as in:"), self.preset_box)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        form.addRow(self.status)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import from"), self.path_edit.text(), declared(FILE_FILTER)
        )
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def key(self) -> tuple[str, str, str]:
        return (
            self.entity_box.currentData(),
            self.path_edit.text().strip(),
            self.preset_box.currentData(),
        )

    def validatePage(self) -> bool:
        # Reading a big file takes a while: read it off the GUI thread, then move on.
        if self._loaded_for == self.key() and self._wizard.table is not None:
            return True
        entity, path, _ = self.key()
        self.status.setText(self.tr("Reading the file…"))
        self._wizard.read(entity, Path(path), self._read_done)
        return False

    def _read_done(self, ok: bool) -> None:
        if ok:
            self._loaded_for = self.key()
            self.status.setText("")
            self._wizard.next()
        else:
            self.status.setText("")


class MappingPage(QWizardPage):
    """Every column's target, and the first rows as the import would see them."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(self.tr("Import: columns"))
        self._wizard = wizard
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        self.about = QLabel("")
        self.about.setWordWrap(True)
        layout.addWidget(self.about)
        reading = QHBoxLayout()
        reading.addWidget(QLabel(self.tr("Encoding:")))
        self.encoding_box = QComboBox()
        self.encoding_box.setToolTip(
            self.tr(
                "How the file's bytes are read as text. If names look "
                "garbled below, choose another encoding: the file is "
                "read again."
            )
        )
        reading.addWidget(self.encoding_box)
        reading.addSpacing(16)
        reading.addWidget(QLabel(self.tr("Phone numbers without +code are from:")))
        self.region_box = QComboBox()
        self.region_box.setToolTip(
            self.tr("The country whose numbers are written without a country code in this file.")
        )
        reading.addWidget(self.region_box)
        reading.addStretch(1)
        layout.addLayout(reading)
        self.encoding_box.activated.connect(self._encoding_chosen)
        self.region_box.activated.connect(lambda _index: self.refresh())
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Import as")]
        )
        self.columns.verticalHeader().setVisible(False)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.columns, 1)
        self.fates = QLabel("")
        self.fates.setObjectName("column_fates")
        self.fates.setWordWrap(True)
        self.fates.setTextFormat(Qt.TextFormat.RichText)
        upper_layout.addWidget(self.fates)
        splitter.addWidget(upper)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("")
        lower_layout.addWidget(self.summary)
        self.model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.model)
        self.preview.setAlternatingRowColors(False)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setDefaultSectionSize(140)
        lower_layout.addWidget(self.preview)
        splitter.addWidget(lower)
        splitter.setSizes([260, 300])
        layout.addWidget(splitter, 1)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)

    def initializePage(self) -> None:
        table = self._wizard.table
        entity = self._wizard.entity
        assert table is not None
        noun = gettext(ENTITY_LABELS[entity])
        refused = len(table.problems)
        total = len(table.rows) + refused
        about = english_plural(
            self.tr(
                "<b>{file}</b> — {format}, {details}; %Ln row(s) to import as {noun}", "", total
            ),
            total,
        ).format(
            file=escape(Path(self._wizard.path).name),
            format=table.format,
            details=gettext(table.details),
            noun=noun,
        )
        if not table.has_header:
            about += self.tr(" (no header row: columns named by position)")
        about += self.tr(
            ". Change what a column is imported as in the list; the preview below follows."
        )
        if table.preamble:
            about += self.tr(" Skipped above the header: “{lines}”.").format(
                lines=escape(" / ".join(table.preamble)[:120])
            )
        self.about.setText(about)
        self._fill_encodings(table)
        self._region_cache: dict[tuple[int, ...], Any] = {}
        mapping = importing.guess_mapping(table, entity, self._wizard.preset)
        targets = importing.TARGETS[entity]
        self.combos = []
        self.columns.setRowCount(table.width)
        for index, header in enumerate(table.headers):
            self.columns.setItem(index, 0, QTableWidgetItem(header))
            example = next(iter(table.column(index, limit=1)), "")
            example = example.replace("\n", " ⏎ ")
            self.columns.setItem(index, 1, QTableWidgetItem(example[:120]))
            combo = QComboBox()
            combo.addItem(declared(IGNORE), None)
            for target in targets:
                combo.addItem(gettext(target.label), target.key)
            combo.setCurrentIndex(max(0, combo.findData(mapping[index])))
            combo.currentIndexChanged.connect(self.refresh)
            self.columns.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.refresh()

    def _fill_encodings(self, table: Table) -> None:
        box = self.encoding_box
        box.clear()
        box.setEnabled(table.encoding is not None)
        if table.encoding is None:
            box.addItem(self.tr("— (a workbook)"), None)
            return
        chosen = self._wizard.text_encoding
        detected = table.encoding_label or table.encoding
        detected = gettext(detected)
        box.addItem(
            self.tr("{encoding} (detected)").format(encoding=detected)
            if chosen == AUTO
            else self.tr("{encoding} (chosen)").format(encoding=detected),
            AUTO,
        )
        for codec, label in ENCODINGS.items():
            box.addItem(gettext(label), codec)
        box.setCurrentIndex(0)

    def _encoding_chosen(self, index: int) -> None:
        codec = self.encoding_box.itemData(index)
        if codec == AUTO:
            return
        self._wizard.reread(codec, self.initializePage)

    def _fill_regions(self, auto_label: str) -> None:
        box = self.region_box
        current = box.currentData()
        if box.count() == 0:
            import phonenumbers

            box.addItem("", None)
            for code in sorted(phonenumbers.SUPPORTED_REGIONS):
                calling = phonenumbers.country_code_for_region(code)
                box.addItem(f"{code} (+{calling})", code)
        box.setItemText(0, auto_label)
        if current is None:
            box.setCurrentIndex(0)

    def region(self) -> str | None:
        """The region the user chose (None: automatic)."""
        return self.region_box.currentData()

    def _auto_region(self, table: Table, mapping: list[str | None]) -> Any:
        # Guessing reads up to thousands of rows: once per set of phone columns.
        key = tuple(i for i, k in enumerate(mapping) if k in ("phone", "contact_phone"))
        if key not in self._region_cache:
            self._region_cache[key] = importing.choose_region(table, mapping)
        return self._region_cache[key]

    def mapping(self) -> list[str | None]:
        return [combo.currentData() for combo in self.combos]

    def set_target(self, column: int, key: str | None) -> None:
        """Map one column (the wizard's API for the drop handler and tests)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(key)))

    def refresh(self) -> None:
        table = self._wizard.table
        if table is None:
            return
        entity = self._wizard.entity
        mapping = self.mapping()
        problem = importing.check_mapping(entity, mapping)
        self.problem.setText(problem or "")
        automatic = self._auto_region(table, mapping)
        self._fill_regions(f"{automatic.region} ({gettext(automatic.why)})")
        region = self.region() or automatic.region
        self._wizard.region = self.region()
        self._show_fates(table, entity, mapping)
        try:
            rows = importing.preview(table, entity, mapping, limit=PREVIEW_ROWS, region=region)
        except CrmError as exc:
            rows = []
            self.problem.setText(str(exc))
        self.model.set_rows(table.headers, rows)
        self.preview.setColumnWidth(0, 56)
        self.preview.resizeColumnToContents(1)
        self.preview.setColumnWidth(1, min(self.preview.columnWidth(1), 420))
        shown = len(rows)
        kept = sum(len(row.kept) for row in rows)
        number = QLocale().toString
        summary = english_plural(
            self.tr(
                "First %Ln row(s): {new} new, {duplicates} duplicates, {refused} refused", "", shown
            ),
            shown,
        ).format(
            new=number(self.model.count("new")),
            duplicates=number(self.model.count("duplicate")),
            refused=number(self.model.count("refused")),
        )
        if kept:
            summary += self.tr(
                "; {kept} values kept as written in the notes (⚠, orange cells)."
            ).format(kept=number(kept))
        else:
            summary += "."
        self.summary.setText(summary)
        self.completeChanged.emit()

    def _show_fates(self, table: Table, entity: str, mapping: list[str | None]) -> None:
        fates = column_fates(entity, table, mapping)
        notes = self.tr("the description") if entity == "product" else self.tr("the notes")
        parts = []
        if fates.to_notes:
            names = ", ".join(f"“{h}”" for h in fates.to_notes)
            parts.append(
                self.tr("<b>Kept in {notes}</b> as “Header: value”: {escape}.").format(
                    notes=notes, escape=escape(names)
                )
            )
        if fates.left_out:
            names = ", ".join(f"“{h}”" for h in fates.left_out)
            parts.append(self.tr("<b>Not imported:</b> {escape}.").format(escape=escape(names)))
        if table.left_out:
            found = ", ".join(f"{k} ×{n}" for k, n in sorted(table.left_out.items()))
            parts.append(
                self.tr("<b>Not kept from the cards:</b> {escape}.").format(escape=escape(found))
            )
        self.fates.setText(" ".join(parts) or self.tr("Every column goes into a field."))

    def isComplete(self) -> bool:
        return (
            bool(self.combos)
            and importing.check_mapping(self._wizard.entity, self.mapping()) is None
        )


class PolicyPage(QWizardPage):
    """What to do with a row that matches an existing record."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(self.tr("Import: duplicates"))
        self.setSubTitle(
            self.tr(
                "A row is a duplicate when it has the email or phone "
                "of an existing record, or the same name (customers: "
                "in the same city; contacts: at the same customer; "
                "products: the same SKU)."
            )
        )
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key in importing.POLICIES:
            button = QRadioButton(gettext(importing.POLICY_LABELS[key]))
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons["skip"].setChecked(True)
        note = QLabel(
            self.tr(
                "Empty cells never erase anything, and tags are only "
                "added. Importing the same file twice creates nothing "
                "the second time. Every import can be undone from the "
                "import history."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)

    def policy(self) -> str:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return "skip"


class SummaryPage(QWizardPage):
    """Runs the import, then shows what it did."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(self.tr("Import"))
        self._wizard = wizard
        self.result: ImportResult | None = None
        self._done = False
        layout = QVBoxLayout(self)
        self.headline = QLabel("")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.headline)
        self.counts = QLabel("")
        self.counts.setObjectName("import_counts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.refused = QTableWidget(0, 2)
        self.refused.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Why it was not imported")]
        )
        self.refused.verticalHeader().setVisible(False)
        self.refused.horizontalHeader().setStretchLastSection(True)
        self.refused.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.refused, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save refused rows…"))
        self.save_button.clicked.connect(self.save_refused)
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.clicked.connect(self.undo)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.save_button.hide()
        self.undo_button.hide()

    def initializePage(self) -> None:
        self._done = False
        self.result = None
        self.headline.setText(self.tr("Importing…"))
        self.counts.setText("")
        self.refused.setRowCount(0)
        self.save_button.hide()
        self.undo_button.hide()
        self._wizard.start_import(self.finished_import, self.failed_import)

    def isComplete(self) -> bool:
        return self._done

    def finished_import(self, result: ImportResult) -> None:
        self.result = result
        self._done = True
        self.headline.setText(self.tr("<b>Imported {source}.</b>").format(source=result.source))
        self.counts.setText(result.summary() + "".join(f"\n• {line}" for line in result.details()))
        self.refused.setRowCount(len(result.refused_rows))
        for index, row in enumerate(result.refused_rows[:5000]):
            self.refused.setItem(index, 0, QTableWidgetItem(str(row.line)))
            self.refused.setItem(index, 1, QTableWidgetItem(row.reason))
        self.refused.setVisible(bool(result.refused_rows))
        self.save_button.setVisible(bool(result.refused_rows))
        self.undo_button.setVisible(
            bool(result.created or result.updated or result.contacts_created)
        )
        # Done: going back would only import again (which would create nothing).
        self._wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.completeChanged.emit()

    def failed_import(self, message: str) -> None:
        self._done = True
        self.headline.setText(f"<b>{message}</b>")
        self.counts.setText(
            self.tr(
                "Nothing was imported: the database is as it was. Go "
                "back to change the file or the columns."
            )
        )
        self.refused.hide()
        self.completeChanged.emit()

    def save_refused(self) -> None:
        if self.result is None:
            return
        suggested = importing.refused_path_for(self._wizard.path, self.result)
        name = self._wizard.ask_save_path(self, str(suggested))
        if not name:
            return
        try:
            saved = importing.save_refused(self.result, name)
        except (OSError, CrmError) as exc:
            show_error(self, self.tr("Saving the refused rows"), exc)
            return
        self.headline.setText(
            self.tr("<b>Imported {source}.</b> Refused rows saved to {saved}.").format(
                source=self.result.source, saved=saved
            )
        )

    def undo(self) -> None:
        if self.result is None or self.result.batch_id is None:
            return
        if not self._wizard.confirm(
            self,
            self.tr("Undo this import?"),
            self.tr(
                "Records it created go to the trash and the fields it "
                "changed get their old values back."
            ),
        ):
            return
        batch = self.result.batch_id

        def done(outcome: Any) -> None:
            self.undo_button.setEnabled(False)
            self.undo_button.setText(QCoreApplication.translate("SummaryPage", "Import undone"))
            self.counts.setText(
                QCoreApplication.translate("SummaryPage", "Undone: {summary}").format(
                    summary=outcome.summary()
                )
            )

        run_job(
            self,
            self.tr("Undoing the import"),
            lambda ctx: importing.undo_batch(batch, progress=ctx.progress, cancelled=ctx.cancelled),
            on_success=done,
        )


class ImportWizard(QWizard):
    """The whole import, as pages; :attr:`imported` fires with the result."""

    imported = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        path: str | Path | None = None,
        entity: str = "customer",
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(920, 680)
        self.table: Table | None = None
        self.entity = entity
        self.path = ""
        self.preset = "auto"
        self.text_encoding = AUTO
        self.region: str | None = None
        # Overridable for tests: questions and file dialogs.
        self.confirm: Callable[[QWidget, str, str], bool] = _confirm
        self.ask_save_path: Callable[[QWidget, str], str] = _ask_save_path
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.policy_page = PolicyPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.mapping_page, self.policy_page, self.summary_page):
            self.addPage(page)
        self.file_page.entity_box.setCurrentIndex(
            max(0, self.file_page.entity_box.findData(entity))
        )
        if path:
            self.file_page.path_edit.setText(str(path))

    # -- steps ------------------------------------------------------------------------
    def read(self, entity: str, path: Path, done: Callable[[bool], None]) -> None:
        self.entity = entity
        self.path = str(path)
        self.preset = self.file_page.preset_box.currentData()
        self.text_encoding = AUTO
        self._read(entity, path, done)

    def reread(self, text_encoding: str, then: Callable[[], None]) -> None:
        """Read the file again in another encoding, then show it (the mapping page)."""
        self.text_encoding = text_encoding
        self._read(self.entity, Path(self.path), lambda ok: then() if ok else None)

    def _read(self, entity: str, path: Path, done: Callable[[bool], None]) -> None:
        text_encoding = self.text_encoding
        locale_name = settings.get("locale")

        def work(context: JobContext) -> Table:
            return importing.read_file(
                path, entity=entity, text_encoding=text_encoding, locale_name=locale_name
            )

        def succeeded(table: Table) -> None:
            self.table = table
            done(True)

        def failed(exc: BaseException) -> None:
            self.table = None
            show_error(self, QCoreApplication.translate("ImportWizard", "Reading the file"), exc)
            done(False)

        run_job(
            self,
            self.tr("Reading the file"),
            work,
            on_success=succeeded,
            on_error=failed,
            on_cancel=lambda: done(False),
        )

    def start_import(
        self, on_done: Callable[[ImportResult], None], on_failed: Callable[[str], None]
    ) -> None:
        table = self.table
        assert table is not None
        entity = self.entity
        mapping = self.mapping_page.mapping()
        policy = self.policy_page.policy()
        name = Path(self.path).name
        region = self.mapping_page.region()

        def work(context: JobContext) -> ImportResult:
            return importing.run_import(
                table,
                entity,
                policy=policy,
                mapping=mapping,
                region=region,
                source_name=name,
                progress=context.progress,
                cancelled=context.cancelled,
            )

        def succeeded(result: ImportResult) -> None:
            on_done(result)
            self.imported.emit(result)

        def failed(exc: BaseException) -> None:
            show_error(self, QCoreApplication.translate("ImportWizard", "The import"), exc)
            on_failed(QCoreApplication.translate("ImportWizard", "The import did not work."))

        run_job(
            self,
            self.tr("Importing {name}").format(name=name),
            work,
            on_success=succeeded,
            on_error=failed,
            on_cancel=lambda: on_failed(self.tr("The import was cancelled.")),
        )


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def _ask_save_path(parent: QWidget, suggested: str) -> str:
    kind = (
        QCoreApplication.translate("transfer.wizard", "vCards (*.vcf)")
        if suggested.endswith(".vcf")
        else QCoreApplication.translate("transfer.wizard", "CSV (*.csv)")
    )
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("transfer.wizard", "Save refused rows"), suggested, kind
    )
    return name
