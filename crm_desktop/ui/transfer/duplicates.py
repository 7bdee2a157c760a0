"""The "Find duplicates" view and its Merge dialog.

The view lists groups of likely duplicate customers (found off the GUI
thread by :func:`crm_desktop.services.duplicates.find_duplicate_groups`),
each with why they look alike. "Merge…" opens :class:`MergeDialog`: one
column per customer, one row per field; the user picks the customer that
stays (its values are chosen by default, empty ones filled from the others)
and, field by field, the value to keep. The merge itself runs in a job; the
merged-away customers go to the trash, and the import history can undo it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.i18n import gettext
from crm_desktop.services import duplicates, listing
from crm_desktop.services.customers import CUSTOMER
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.jobs import run_job
from crm_desktop.ui.words import count_text, english_plural, word

_LABELS = {f.name: f.label for f in CUSTOMER.fields}
_COUNT_ENTITIES = {"campaign_member": "campaign"}  # a membership counts as a campaign


def _count(table: str, number: int) -> str:
    return count_text(_COUNT_ENTITIES.get(table, table), number)


def _shown(name: str, value: Any) -> str:
    if value in (None, ""):
        return QCoreApplication.translate("MergeDialog", "(empty)")
    if name == "phone":
        return format_phone(value)
    if name in ("status", "kind"):
        return word(str(value))
    text = str(value).replace("\n", " ⏎ ")
    return text if len(text) <= 60 else text[:60] + "…"


class MergeDialog(QDialog):
    """Choose the surviving customer and, field by field, the values it keeps."""

    def __init__(self, rows: list[dict[str, Any]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge customers"))
        self.rows = rows
        self.survivor_group = QButtonGroup(self)
        self.field_groups: dict[str, QButtonGroup] = {}
        self.field_buttons: dict[str, list[QRadioButton]] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the customer that stays and, for each field, "
                "the value it keeps. The others' contacts, orders, "
                "deals, tasks, interactions, service cases, campaigns "
                "and tags move to it; they go to the trash. The import "
                "history can undo the merge."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.addWidget(QLabel(self.tr("<b>Keep</b>")), 0, 0)
        for column, row in enumerate(rows, start=1):
            button = QRadioButton(self.tr("this one (#{id})").format(id=row["id"]))
            button.setObjectName(f"survivor_{row['id']}")
            self.survivor_group.addButton(button, row["id"])
            grid.addWidget(button, 0, column)
        for line, name in enumerate(duplicates.MERGE_FIELDS, start=1):
            grid.addWidget(QLabel(gettext(_LABELS.get(name, name))), line, 0)
            group = QButtonGroup(self)
            self.field_groups[name] = group
            self.field_buttons[name] = []
            for column, row in enumerate(rows, start=1):
                button = QRadioButton(_shown(name, row.get(name)))
                value = row.get(name)
                button.setToolTip(word(value) if name in ("status", "kind") else str(value or ""))
                group.addButton(button, column - 1)
                self.field_buttons[name].append(button)
                grid.addWidget(button, line, column)
        last = len(duplicates.MERGE_FIELDS) + 1
        grid.addWidget(QLabel(self.tr("Has")), last, 0)
        for column, row in enumerate(rows, start=1):
            counts = ", ".join(_count(k, n) for k, n in row["counts"].items()) or "—"
            tags = ", ".join(row.get("tags") or [])
            label = QLabel(
                self.tr("{counts}; tags: {tags}").format(counts=counts, tags=tags)
                if tags
                else counts
            )
            label.setWordWrap(True)
            grid.addWidget(label, last, column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.survivor_group.idClicked.connect(self.choose_survivor)
        self.choose_survivor(rows[0]["id"])
        self.resize(min(260 + 230 * len(rows), 1200), 560)

    def choose_survivor(self, survivor_id: int) -> None:
        """Select ``survivor_id`` and its values; an empty one is taken from the others."""
        self.survivor_group.button(survivor_id).setChecked(True)
        order = sorted(range(len(self.rows)), key=lambda i: self.rows[i]["id"] != survivor_id)
        for name, buttons in self.field_buttons.items():
            column = next((i for i in order if self.rows[i].get(name) not in (None, "")), order[0])
            buttons[column].setChecked(True)

    def choose_value(self, name: str, customer_id: int) -> None:
        column = next(i for i, r in enumerate(self.rows) if r["id"] == customer_id)
        self.field_buttons[name][column].setChecked(True)

    def survivor(self) -> int:
        return self.survivor_group.checkedId()

    def values(self) -> dict[str, Any]:
        return {
            name: self.rows[group.checkedId()].get(name)
            for name, group in self.field_groups.items()
        }

    def merged(self) -> list[int]:
        return [r["id"] for r in self.rows if r["id"] != self.survivor()]


class DuplicatesView(QWidget):
    """Groups of likely duplicate customers, with Merge."""

    merged = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicates_view")
        self.groups: list[duplicates.DuplicateGroup] = []
        # Overridable for tests (the dialog is modal).
        self.run_merge_dialog: Callable[[MergeDialog], bool] = lambda d: d.exec() == 1
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(
            self.tr(
                "<b>Find duplicates</b> — customers entered twice: the "
                "same email or phone, or very similar names in the "
                "same city."
            )
        )
        title.setWordWrap(True)
        top.addWidget(title, 1)
        self.find_button = QPushButton(self.tr("Find duplicates"))
        self.find_button.clicked.connect(self.find_duplicates)
        top.addWidget(self.find_button)
        layout.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("Customer"),
                self.tr("Email"),
                self.tr("Phone"),
                self.tr("City"),
                self.tr("Why"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.merge_selected())
        layout.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        self.status = QLabel(self.tr("Press “Find duplicates” to look through the customers."))
        bottom.addWidget(self.status, 1)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge_selected)
        bottom.addWidget(self.merge_button)
        layout.addLayout(bottom)

    def find_duplicates(self) -> None:
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Looking for duplicates…"))

        def done(groups: list[duplicates.DuplicateGroup]) -> None:
            self.find_button.setEnabled(True)
            self.show_groups(groups)

        def stopped(*_: Any) -> None:
            self.find_button.setEnabled(True)
            self.status.setText(self.tr("Stopped."))

        run_job(
            self,
            self.tr("Finding duplicates"),
            lambda ctx: duplicates.find_duplicate_groups(
                progress=ctx.progress, cancelled=ctx.cancelled
            ),
            on_success=done,
            on_cancel=stopped,
        )

    def show_groups(self, groups: list[duplicates.DuplicateGroup]) -> None:
        self.groups = groups
        self.tree.clear()
        shown = groups[:2000]
        ids = [i for g in shown for i in g.ids]
        found = {
            r["id"]: r
            for r in listing.fetch_rows("customer", ids, ["name", "email", "phone", "city"])
        }
        for number, group in enumerate(shown):
            names = [found[i]["name"] for i in group.ids if i in found]
            parent = QTreeWidgetItem(
                [
                    f"{len(group.ids)} × {names[0] if names else '?'}",
                    "",
                    "",
                    "",
                    "; ".join(group.reasons),
                ]
            )
            parent.setData(0, Qt.ItemDataRole.UserRole, number)
            parent.setToolTip(4, "\n".join(group.reasons))
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            for customer_id in group.ids:
                row = found.get(customer_id)
                if row is None:
                    continue
                child = QTreeWidgetItem(
                    [
                        row["name"],
                        row["email"] or "",
                        format_phone(row["phone"]),
                        row["city"] or "",
                        "",
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, number)
                parent.addChild(child)
            self.tree.addTopLevelItem(parent)
            parent.setExpanded(True)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        if not groups:
            self.status.setText(self.tr("No duplicates found."))
        elif len(groups) > len(shown):
            self.status.setText(
                english_plural(
                    self.tr(
                        "%Ln group(s) of likely duplicates (showing the first {shown}).",
                        "",
                        len(groups),
                    ),
                    len(groups),
                ).format(shown=QLocale().toString(len(shown)))
            )
        else:
            self.status.setText(
                english_plural(
                    self.tr("%Ln group(s) of likely duplicates.", "", len(groups)), len(groups)
                )
            )
        self._selection_changed()

    def selected_group(self) -> duplicates.DuplicateGroup | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        number = items[0].data(0, Qt.ItemDataRole.UserRole)
        return self.groups[number] if number is not None else None

    def select_group(self, number: int) -> None:
        if (item := self.tree.topLevelItem(number)) is not None:
            self.tree.setCurrentItem(item)

    def _selection_changed(self) -> None:
        self.merge_button.setEnabled(self.selected_group() is not None)

    def merge_selected(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        rows = duplicates.describe_customers(group.ids)
        if len(rows) < 2:
            self.status.setText(
                self.tr("These customers changed meanwhile; find duplicates again.")
            )
            return
        dialog = MergeDialog(rows, self)
        if not self.run_merge_dialog(dialog):
            return
        survivor, merged, values = dialog.survivor(), dialog.merged(), dialog.values()

        def done(result: duplicates.MergeResult) -> None:
            index = self.groups.index(group)
            self.groups.pop(index)
            self.tree.takeTopLevelItem(index)
            for number in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(number)
                if item is None:
                    continue
                item.setData(0, Qt.ItemDataRole.UserRole, number)
                for child in range(item.childCount()):
                    if (kid := item.child(child)) is not None:
                        kid.setData(0, Qt.ItemDataRole.UserRole, number)
            moved = ", ".join(_count(k, n) for k, n in result.moved.items())
            if moved:
                text = self.tr(
                    "Merged %n into “{name}” ({moved} moved). Undo it from File → Import history.",
                    "",
                    len(merged),
                ).format(name=values.get("name"), moved=moved)
            else:
                text = self.tr(
                    "Merged %n into “{name}”. Undo it from File → Import history.", "", len(merged)
                ).format(name=values.get("name"))
            self.status.setText(text)
            self.merged.emit(result)

        run_job(
            self,
            self.tr("Merging customers"),
            lambda ctx: duplicates.merge_customers(survivor, merged, values),
            on_success=done,
            cancellable=False,
        )
