"""The customer's page: header, quick actions, related records in tabs, and the timeline.

The page reads everything through the services (``customers.get_customer``,
``listing`` filtered by ``customer_id``, ``audit.history``) and refreshes
itself from :class:`~crm_desktop.ui.bridge.ChangeBridge` when something of
this customer changes — a call logged here or a deal moved on the board shows
up without a reload button. It never opens other screens itself: it emits
``record_requested(entity, id)`` and the main window opens the record.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import NotFoundError
from crm_desktop.services import customers
from crm_desktop.services.changes import Change
from crm_desktop.ui.bridge import ChangeBridge
from crm_desktop.ui.customers.header import CustomerHeader
from crm_desktop.ui.customers.related import RELATED_LISTS, RelatedModel, RelatedTable
from crm_desktop.ui.customers.timeline import (
    TimelineView,
    history_entries,
    interaction_entries,
    merge,
)
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.forms.display import Formats

# Changes to these entities can concern the customer on screen.
_WATCHED = {
    "customer",
    "contact",
    "deal",
    "sales_order",
    "task",
    "interaction",
    "service_case",
    "tag",
    "setting",
    "trash_item",
    "*",
}
# Which field names a related list's rows by, for the timeline's titles.
_NAME_KEYS = {
    "contact": "name",
    "deal": "title",
    "sales_order": "number",
    "task": "title",
    "service_case": "subject",
}


class CustomerDetailPage(QWidget):
    """One customer's page; asks the window to open records through ``record_requested``."""

    record_requested = Signal(str, int)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customer_detail")
        self.customer_id: int | None = None
        self.customer: dict | None = None
        # Read from the database when a customer is shown (the page may be built before).
        self.formats = Formats()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self.bridge = ChangeBridge(self)
        self.bridge.changed.connect(self._on_change)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.back_button = QToolButton(self)
        self.back_button.setText("← Back")
        self.back_button.setToolTip("Back (Alt+Left)")
        self.back_button.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left))
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back_requested.emit)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        self.header = CustomerHeader(self.formats, self)
        top.addWidget(self.header, 1)
        self.edit_button = QPushButton("Ed&it customer", self)
        self.edit_button.setObjectName("edit_customer")
        self.edit_button.clicked.connect(self.edit_customer)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        # A person's data, on request: export it, or erase it for good (docs/privacy.md).
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("customer_more")
        self.more_button.setText(self.tr("&Personal data"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.export_person_action = more.addAction(self.tr("&Export personal data…"))
        self.export_person_action.triggered.connect(self.export_person)
        self.erase_person_action = more.addAction(self.tr("E&rase this person…"))
        self.erase_person_action.triggered.connect(self.erase_person)
        self.more_button.setMenu(more)
        top.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        from crm_desktop.ui.invoices.overdue import OverdueNotice  # selling: what they owe

        self.overdue_invoices = OverdueNotice(self, customer_id=-1)
        outer.addWidget(self.overdue_invoices)

        # Two groups of buttons: what was said (log) and what to add. Side by side when
        # they fit, else the second group on a line of its own (a 900-pixel window).
        self.action_groups = (QWidget(self), QWidget(self))
        rows = [QHBoxLayout(group) for group in self.action_groups]
        for row in rows:
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
        self.action_buttons: dict[str, QPushButton] = {}
        group = 0
        for key, text, slot in (
            ("log_call", "Log &call", lambda: self.log("call")),
            ("log_meeting", "Log &meeting", lambda: self.log("meeting")),
            ("add_note", "Add &note", lambda: self.log("note")),
            (None, None, None),
            ("add_task", "Add tas&k", lambda: self.new_record("task")),
            ("new_deal", "New &deal", lambda: self.new_record("deal")),
            ("new_order", "New &order", lambda: self.new_record("sales_order")),
            ("add_contact", "Add cont&act", lambda: self.new_record("contact")),
            ("new_case", "New &service case", lambda: self.new_record("service_case")),
        ):
            if key is None:
                self.action_line = QFrame(self)
                self.action_line.setFrameShape(QFrame.Shape.VLine)
                self.action_line.setFrameShadow(QFrame.Shadow.Sunken)
                rows[0].addWidget(self.action_line)
                group = 1
                continue
            button = QPushButton(text, self)
            button.setObjectName(key)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            rows[group].addWidget(button)
            self.action_buttons[key] = button
        self.actions_grid = QGridLayout()
        self.actions_grid.setContentsMargins(0, 0, 0, 0)
        self.actions_grid.setHorizontalSpacing(6)
        self.actions_grid.setVerticalSpacing(4)
        self.actions_grid.setColumnStretch(2, 1)
        self._actions_wrapped: bool | None = None
        self._place_actions()
        outer.addLayout(self.actions_grid)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("customer_splitter")
        splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("customer_tabs")
        self.related: dict[str, RelatedModel] = {}
        self.tables: dict[str, RelatedTable] = {}
        for related in RELATED_LISTS:
            model = RelatedModel(related, self.formats, self)
            table = RelatedTable(model, self.tabs)
            table.open_requested.connect(self.record_requested.emit)
            self.related[related.entity] = model
            self.tables[related.entity] = table
            self.tabs.addTab(table, related.title)
        timeline_box = QWidget(splitter)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_title = QLabel("Timeline", timeline_box)
        title_font = timeline_title.font()
        title_font.setBold(True)
        timeline_title.setFont(title_font)
        timeline_layout.addWidget(timeline_title)
        self.timeline = TimelineView(self.formats, timeline_box)
        self.timeline.open_requested.connect(self._open_from_timeline)
        timeline_layout.addWidget(self.timeline, 1)
        splitter.addWidget(self.tabs)
        splitter.addWidget(timeline_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer.addWidget(splitter, 1)
        self.splitter = splitter
        self._set_enabled(False)

    # --- showing ----------------------------------------------------------------------

    def _place_actions(self) -> None:
        first, second = self.action_groups
        room = self.width() - 24
        wrap = first.sizeHint().width() + 6 + second.sizeHint().width() > room
        if wrap == self._actions_wrapped:
            return
        self._actions_wrapped = wrap
        self.actions_grid.removeWidget(second)
        if wrap:
            self.actions_grid.addWidget(second, 1, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
        else:
            self.actions_grid.addWidget(second, 0, 1)
        self.actions_grid.addWidget(first, 0, 0)
        self.action_line.setVisible(not wrap)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_actions()

    def show_customer(self, customer_id: int) -> None:
        """Show this customer (the window calls it when a customer is opened)."""
        self.customer_id = customer_id
        self.tabs.setCurrentIndex(0)
        self._apply_formats(Formats.load())
        self.overdue_invoices.set_customer(customer_id)
        self.reload()

    def reload(self) -> None:
        """Read the customer, its related records and its timeline again."""
        self._reload_timer.stop()
        if self.customer_id is None:
            return
        try:
            self.customer = customers.get_customer(self.customer_id)
        except NotFoundError:
            self.customer = None
            self.header.show_customer({"name": "This customer does not exist any more."})
            for model in self.related.values():
                model.load(None)
            self.timeline.timeline.set_entries([])
            self._set_enabled(False)
            return
        self.header.show_customer(self.customer)
        names: dict[tuple[str, int], str] = {}
        related_ids: dict[str, list[int]] = {}
        for entity, model in self.related.items():
            model.load(self.customer_id)
            index = self.tabs.indexOf(self.tables[entity])
            title = model.related.title
            self.tabs.setTabText(index, f"{title} ({model.total})" if model.total else title)
            related_ids[entity] = model.ids()
            key = _NAME_KEYS.get(entity)
            if key:
                for row in model.rows:
                    names[(entity, row["id"])] = str(row.get(key) or "")
        entries = merge(
            interaction_entries(self.formats, self.customer_id),
            history_entries(self.formats, self.customer_id, related_ids, names),
        )
        self.timeline.timeline.set_entries(entries)
        self._set_enabled(not self.customer.get("deleted_at"))

    def _set_enabled(self, enabled: bool) -> None:
        self.edit_button.setEnabled(enabled)
        for button in self.action_buttons.values():
            button.setEnabled(enabled)

    def _on_change(self, change: Change) -> None:
        if self.customer_id is None or change.entity not in _WATCHED:
            return
        if change.entity in ("setting", "*"):
            self._apply_formats(Formats.load())
        self._reload_timer.start()

    def _apply_formats(self, formats: Formats) -> None:
        if formats == self.formats:
            return
        self.formats = formats
        self.header.formats = formats
        for model in self.related.values():
            model.formats = formats
        self.timeline.set_formats(formats)

    def _open_from_timeline(self, entity: str, record_id: int) -> None:
        if entity == "customer":
            self.edit_customer()
        else:
            self.record_requested.emit(entity, record_id)

    # --- quick actions ------------------------------------------------------------------

    def log(self, kind: str) -> int | None:
        """Log a call, meeting or note (subject and notes) and show it on the timeline."""
        if self.customer_id is None:
            return None
        from crm_desktop.ui.forms.interaction import log_interaction_dialog

        saved = log_interaction_dialog(self, self.customer_id, kind)
        if saved is not None:
            self.reload()
        return saved

    def new_record(self, entity: str) -> int | None:
        """A new task, deal, order, contact or case for this customer."""
        if self.customer_id is None:
            return None
        from crm_desktop.ui.forms import open_record

        try:
            saved = open_record(self, entity, None, {"customer_id": self.customer_id})
        except Exception as exc:  # a form that cannot open is reported, the page stays
            show_error(self, f"Opening a new {entity.replace('_', ' ')}", exc)
            return None
        if saved is not None:
            self.reload()
        return saved

    def export_person(self) -> object | None:
        """Write everything about this customer to a JSON file the user chooses."""
        if self.customer_id is None or self.customer is None:
            return None
        from crm_desktop.ui.customers import person_actions

        return person_actions.export_person(
            self, "customer", self.customer_id, self.customer["name"]
        )

    def erase_person(self) -> object | None:
        """Erase this customer for good (asked first); the page goes back when done."""
        if self.customer_id is None:
            return None
        from crm_desktop.ui.customers import person_actions

        report = person_actions.erase_person(self, "customer", self.customer_id)
        if report is not None:
            self.customer_id = None
            self.customer = None
            self.back_requested.emit()
        return report

    def edit_customer(self) -> int | None:
        if self.customer_id is None:
            return None
        from crm_desktop.ui.forms import open_record

        saved = open_record(self, "customer", self.customer_id)
        if saved is not None:
            self.reload()
        return saved
