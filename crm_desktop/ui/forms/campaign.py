"""The campaign form: what, when, where, the budget, and the customers taking part.

Members are edited in a table under the fields (add a customer with the
picker, change a member's status in place, remove the selected ones); they
are saved with the campaign as one step. A removed member goes to the trash
like every other deletion, so it can be brought back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import campaigns, trash
from crm_desktop.services.changes import transaction
from crm_desktop.services.enums import CAMPAIGN_MEMBER_STATUSES
from crm_desktop.ui.formats import label
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    CustomerPicker,
)

_MEMBER_ID = Qt.ItemDataRole.UserRole + 1
_CUSTOMER_ID = Qt.ItemDataRole.UserRole + 2
_STATUS = Qt.ItemDataRole.UserRole + 3


class StatusDelegate(QStyledItemDelegate):
    """Edits a member's status with a combo box of the allowed statuses."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for status in CAMPAIGN_MEMBER_STATUSES:
            combo.addItem(label(status), status)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        combo: QComboBox = editor  # type: ignore[assignment]
        combo.setCurrentIndex(max(combo.findData(index.data(_STATUS)), 0))

    def setModelData(
        self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        combo: QComboBox = editor  # type: ignore[assignment]
        status = combo.currentData()
        model.setData(index, status, _STATUS)
        model.setData(index, label(status), Qt.ItemDataRole.DisplayRole)


class CampaignForm(RecordForm):
    """Create or edit a campaign and its members."""

    entity = "campaign"
    title_new = "New campaign"
    title_edit = "Campaign"

    def build(self) -> None:
        self.add_catalogue_fields()  # the catalogue's fields in its order (services/campaigns.py)
        self.body.addWidget(self._build_members())

    def _build_members(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        self.members_title = QLabel(self.tr("Members"), box)
        font = self.members_title.font()
        font.setBold(True)
        self.members_title.setFont(font)
        layout.addWidget(self.members_title)
        adder = QHBoxLayout()
        self.member_picker = CustomerPicker(box)
        self.member_picker.setObjectName("member_picker")
        self.member_picker.setAccessibleName(self.tr("Customer to add"))
        self.member_picker.chosen.connect(self._picked)
        adder.addWidget(self.member_picker, 1)
        self.add_member_button = QPushButton(self.tr("Add"), box)
        self.add_member_button.setAutoDefault(False)
        self.add_member_button.clicked.connect(self._add_picked)
        adder.addWidget(self.add_member_button)
        layout.addLayout(adder)
        self.members_model = QStandardItemModel(0, 2, box)
        self.members_model.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Status")])
        self.members_view = QTableView(box)
        self.members_view.setObjectName("members")
        self.members_view.setAccessibleName(self.tr("Members"))
        self.members_view.setModel(self.members_model)
        self.members_view.setItemDelegateForColumn(1, StatusDelegate(self.members_view))
        self.members_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_view.verticalHeader().setVisible(False)
        self.members_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.members_view.setMinimumHeight(160)
        self.members_view.setTabKeyNavigation(False)
        layout.addWidget(self.members_view, 1)
        self.remove_member_button = QPushButton(self.tr("Remove selected"), box)
        self.remove_member_button.setAutoDefault(False)
        self.remove_member_button.clicked.connect(self.remove_selected_members)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_member_button)
        layout.addLayout(row)
        self.delete_shortcut = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), self.members_view
        )
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_shortcut.activated.connect(self.remove_selected_members)
        for widget in (self.member_picker, self.add_member_button, self.members_view):
            self.add_to_tab_order(widget)
        self.add_to_tab_order(self.remove_member_button)
        return box

    # members --------------------------------------------------------------------------

    def fill(self, record, defaults) -> None:
        super().fill(record, defaults)
        if self.record_id is not None:
            for member in campaigns.members_of(self.record_id):
                self._append(
                    member["id"], member["customer_id"], member["customer_name"], member["status"]
                )
        for customer_id in defaults.get("member_ids", []):
            self._add_customer(customer_id)
        self._count_members()

    def _append(self, member_id: int | None, customer_id: int, name: str, status: str) -> None:
        name_item = QStandardItem(name)
        name_item.setEditable(False)
        name_item.setData(member_id, _MEMBER_ID)
        name_item.setData(customer_id, _CUSTOMER_ID)
        status_item = QStandardItem(label(status))
        status_item.setData(status, _STATUS)
        self.members_model.appendRow([name_item, status_item])

    def member_rows(self) -> list[tuple[int | None, int, str]]:
        model = self.members_model
        return [
            (
                model.item(row, 0).data(_MEMBER_ID),
                model.item(row, 0).data(_CUSTOMER_ID),
                model.item(row, 1).data(_STATUS),
            )
            for row in range(model.rowCount())
        ]

    def _picked(self, customer_id: Any) -> None:
        if customer_id is not None:
            self._add_customer(int(customer_id))
            self.member_picker.set_value(None)

    def _add_picked(self) -> None:
        customer_id = self.member_picker.record_id()
        if customer_id is None:
            self.member_picker.refresh_choices()
            return
        self._picked(customer_id)

    def _add_customer(self, customer_id: int) -> None:
        if any(row[1] == customer_id for row in self.member_rows()):
            return
        self._append(None, customer_id, self.member_picker.describe(customer_id), "planned")
        self._count_members()
        self.update_state()

    def remove_selected_members(self) -> None:
        rows = sorted({index.row() for index in self.members_view.selectedIndexes()}, reverse=True)
        for row in rows:
            self.members_model.removeRow(row)
        self._count_members()
        self.update_state()

    def _count_members(self) -> None:
        count = self.members_model.rowCount()
        self.members_title.setText(
            self.tr("Members (%Ln)", "", count) if count else self.tr("Members")
        )

    def extra_snapshot(self) -> Any:
        return tuple(self.member_rows()) if hasattr(self, "members_model") else ()

    def write(self, data: dict[str, Any]) -> int:
        rows = self.member_rows()
        with transaction():
            if self.record_id is None:
                campaign_id = campaigns.create_campaign(data)
            else:
                campaign_id = self.record_id
                campaigns.update_campaign(campaign_id, data)
            before = {row[0]: row for row in self._initial[1] if row[0] is not None}
            kept = {row[0] for row in rows if row[0] is not None}
            removed = [member_id for member_id in before if member_id not in kept]
            if removed:
                trash.move_to_trash("campaign_member", removed)
            for member_id, _customer_id, status in rows:
                if member_id is not None and before[member_id][2] != status:
                    campaigns.set_member_status(member_id, status)
            for status in CAMPAIGN_MEMBER_STATUSES:
                new_ids = [c for m, c, s in rows if m is None and s == status]
                if new_ids:
                    campaigns.add_members(campaign_id, new_ids, status)
        return campaign_id
