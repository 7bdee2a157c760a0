"""The first start on an empty database: load sample data to look around, or start empty.

The sample data (:func:`crm_desktop.services.demo.generate`) is written by
a background job with progress and Cancel; a cancel leaves the database
empty. "Start empty" is remembered for that file, so the question is not
asked again each time the window opens an empty database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import demo, figures
from crm_desktop.ui.jobs import Job, run_job
from crm_desktop.ui.state import UiState

DEFAULT_CUSTOMERS = 200
_DECLINED_KEY = "first_run/declined"
# Tables whose rows mean the user has started: settings and the audit log do not count.
_CONTENT_TABLES = ("customer", "product", "sales_order", "deal", "task", "tag", "campaign")


def is_empty() -> bool:
    """Whether the database holds no records of the user yet."""
    counts = figures.record_counts()
    return not any(counts.get(table, 0) for table in _CONTENT_TABLES)


class FirstRunDialog(QDialog):
    """Asks what to do with a new, empty database."""

    SAMPLE = "sample"
    EMPTY = "empty"

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Welcome to CRM Desktop")
        self.choice = self.EMPTY
        intro = QLabel(
            f"<b>{db_path.name}</b> is a new, empty database.<br><br>"
            "You can fill it with sample data — a small business with customers in several "
            "languages, orders, deals, tasks and interactions — to look around first, "
            "or start with an empty database and add your own customers."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.customers = QSpinBox()
        self.customers.setRange(10, 100_000)
        self.customers.setSingleStep(100)
        self.customers.setValue(DEFAULT_CUSTOMERS)
        self.customers.setSuffix(" customers")
        self.customers.setAccessibleName("Number of sample customers")
        size_row = QHBoxLayout()
        size_row.addWidget(QLabel("Sample size:"))
        size_row.addWidget(self.customers)
        size_row.addStretch(1)
        note = QLabel("Sample data is meant for trying the app; use a separate file for real work.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")

        self.buttons = QDialogButtonBox()
        self.sample_button = QPushButton("Load sample data")
        self.empty_button = QPushButton("Start empty")
        self.buttons.addButton(self.sample_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sample_button.setDefault(True)
        self.sample_button.clicked.connect(self._sample)
        self.empty_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(size_row)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _sample(self) -> None:
        self.choice = self.SAMPLE
        self.accept()


def load_sample_data(
    parent: QWidget | None,
    customers: int,
    on_done: Callable[[int], None] | None = None,
) -> Job:
    """Write the sample data in a background job with progress and Cancel."""

    def work(context) -> int:
        demo.generate(customers=customers, progress=context.progress, cancelled=context.cancelled)
        return customers

    return run_job(
        parent,
        "Loading sample data",
        work,
        on_success=on_done,
    )


def offer_sample_data(
    parent: QWidget | None,
    db_path: Path,
    state: UiState,
    on_done: Callable[[int], None] | None = None,
) -> str:
    """Ask, then load sample data if wanted; returns the choice (``sample`` or ``empty``)."""
    dialog = FirstRunDialog(db_path, parent)
    dialog.exec()
    if dialog.choice == FirstRunDialog.SAMPLE:
        load_sample_data(parent, dialog.customers.value(), on_done)
    else:
        declined = state.strings(_DECLINED_KEY)
        if str(db_path) not in declined:
            state.set_strings(_DECLINED_KEY, [*declined, str(db_path)])
    return dialog.choice


def was_declined(state: UiState, db_path: Path) -> bool:
    return str(db_path) in state.strings(_DECLINED_KEY)
