"""The Today screen: tick tasks done, see the deals about to close and the latest conversations.

Three cards of short lists read in the background
(:mod:`crm_desktop.services.today`); every line opens its record (Enter or
double-click) and a task's check box completes it (Space ticks it from the
keyboard). The screen reloads when tasks, deals or interactions change while
it is shown, and when it is shown again after they changed. ``ready`` says,
once, that the screen holds all its data (the cards and the overdue invoices):
the window starts its background work after that, not before.

At start the page gets its first data ready-made
(:mod:`crm_desktop.services.first_screen`, read by the job that opens the file,
off the GUI thread while the window is built), so it is filled as it is made
instead of asking the query thread once it exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Only what the first screen needs at start: the services that write (tasks) and the
# query thread are imported on first use, after Today is painted.
from crm_desktop.services.today import CLOSING_DAYS, RECENT_DAYS, TodayData, load_today
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.formats import STYLE_COLORS, Formats, label
from crm_desktop.ui.words import english_plural

if TYPE_CHECKING:
    from crm_desktop.services.changes import Change
    from crm_desktop.services.first_screen import FirstScreen

# Qt's values written out, so that the first screen never touches PySide6's ``Qt``
# namespace: its first use builds all of its ~90 enums (~20 ms of a ~200 ms start).
# The item roles are plain ints in Qt's API; a test holds each equal to Qt's own.
RECORD_ROLE = 256  # Qt.ItemDataRole.UserRole
TEXT_ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
CHECK_STATE_ROLE = 10  # Qt.ItemDataRole.CheckStateRole
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole (a colour; setForeground's brush needs Qt)
RIGHT_ALIGNED = 0x82  # Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
UNCHECKED = 0  # Qt.CheckState.Unchecked
CENTRED = 0x84  # Qt.AlignmentFlag.AlignCenter
SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_WATCHED = frozenset({"task", "deal", "interaction", "customer", "contact", "*"})


class _PaddedLines(QStyledItemDelegate):
    """Each line three pixels taller above and below its text: the cards' lines breathe."""

    PADDING = 3

    def sizeHint(  # Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 2 * self.PADDING)


class ShareTree(QTreeWidget):
    """A flat list whose columns share its width by parts, so none shrinks to "…".

    A share of 0 marks a compact column (a date, a stage, an amount): it gets
    the width of its widest value, and the other columns share what is left.
    """

    def __init__(self, shares: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.shares = shares
        self._natural: dict[int, int] | None = None  # the compact columns' widths
        self._width = 0  # the viewport's, from its resize events
        # Measures the compact columns: Qt's own delegate gives the padded one's widths (it
        # adds height only) without a call into Python per line (~370 calls at start).
        self._measuring = QStyledItemDelegate(self)
        self._in_measure = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # A scroll area's resize events are its viewport's. Keeping the width spares a
        # call of viewport(), whose first call makes PySide6 create the Python types of
        # every widget class it has not met yet (~50 ms before the first screen).
        self._width = event.size().width()
        self.fit_columns()

    def content_changed(self) -> None:
        """The lines changed: measure the compact columns again (a resize does not)."""
        self._natural = None
        self.fit_columns()

    def fit_columns(self) -> None:
        width = self._width
        if self._natural is None:  # measuring every line is the costly part: once a fill
            if self._in_measure:
                return  # a resize while measuring (Qt lays the lines out): fitted after it
            self._in_measure = True
            try:
                header, natural = self.header(), {}
                for column, share in enumerate(self.shares):
                    if share == 0:
                        self.setItemDelegateForColumn(column, self._measuring)
                        measured = self.sizeHintForColumn(column)
                        # None: the lines' own delegate again (Qt takes a null pointer)
                        self.setItemDelegateForColumn(column, None)  # type: ignore[arg-type]
                        natural[column] = max(measured, header.sectionSizeHint(column)) + 10
            finally:
                self._in_measure = False
            self._natural = natural
        natural = self._natural
        left = max(0, width - sum(natural.values()))
        total = sum(self.shares) or 1
        for column, share in enumerate(self.shares[:-1]):
            wanted = natural[column] if share == 0 else left * share // total
            self.setColumnWidth(column, max(40, wanted))


class Card(QFrame):
    """A titled box holding one short list, with a link to the whole list.

    It draws its rounded box itself rather than through a style sheet: a style
    sheet on the page made Qt style every line, header and scroll bar of the
    three lists through CSS rules, ~40 ms before the first screen.
    """

    def __init__(
        self, title: str, columns: list[str], shares: list[int], more_text: str, parent=None
    ):
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        title_font = QFont(self.title.font())
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(title_font)
        self.count = QLabel()
        self.count.setObjectName("cardCount")
        self.more = QPushButton(more_text)
        self.more.setFlat(True)
        self.tree = ShareTree(shares)
        self.tree.setFrameShape(QFrame.Shape.NoFrame)  # the card is the frame
        self.tree.setItemDelegate(_PaddedLines(self.tree))
        self.tree.setColumnCount(len(columns))
        self.tree.setHeaderLabels(columns)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(title)
        self.tree.header().setStretchLastSection(True)
        # (Long texts end in "…": the tree's default elide mode, Qt.TextElideMode.ElideRight.)
        self.empty = QLabel()
        self.empty.setObjectName("cardEmpty")
        self.empty.setWordWrap(True)
        # Qt's properties take an enum's value as an int (no ``Qt`` namespace: RECORD_ROLE).
        self.tree.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self.empty.setProperty("alignment", CENTRED)
        self._finished = False
        self.empty.hide()
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.count)
        head.addStretch(1)
        head.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)

    def finish(self) -> None:
        """What needs PySide6's ``Qt`` namespace and changes nothing on screen: the link's
        hand cursor. At start it comes after the first paint (see :data:`RECORD_ROLE`)."""
        if self._finished:
            return
        self._finished = True
        from PySide6.QtCore import Qt

        self.more.setCursor(Qt.CursorShape.PointingHandCursor)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        # A path filled then stroked, rather than setPen/setBrush + drawRoundedRect: those
        # two have overloads taking a ``Qt`` enum, whose mere lookup builds the whole
        # namespace in the first frame (see RECORD_ROLE). A default pen is solid, 1 px wide.
        box = QPainterPath()
        box.addRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.fillPath(box, palette.brush(QPalette.ColorRole.Base))
        pen = QPen()
        pen.setColor(palette.color(QPalette.ColorRole.Mid))
        painter.strokePath(box, pen)

    def set_count(self, shown: int, total: int) -> None:
        number = QLocale().toString
        self.count.setText(
            number(total)
            if shown >= total
            else self.tr("{shown} of {total}").format(shown=number(shown), total=number(total))
        )

    def set_empty(self, text: str | None) -> None:
        self.empty.setText(text or "")
        self.empty.setVisible(text is not None)
        self.tree.setVisible(text is None)

    def fill(self, items: list[QTreeWidgetItem], total: int, empty_text: str) -> None:
        """Show ``items`` (``total`` exist), keeping the current record current."""
        tree = self.tree
        current = tree.currentItem()
        record = current.data(0, RECORD_ROLE) if current is not None else None
        tree.clear()
        tree.addTopLevelItems(items)
        records = 0
        for item in items:
            if item.data(0, RECORD_ROLE) is None:
                item.setFirstColumnSpanned(True)  # a group's heading: one line across
            else:
                records += 1
        tree.content_changed()
        self.set_count(records, total)
        self.set_empty(None if records else empty_text)
        if record is None:
            return
        for item in items:
            if item.data(0, RECORD_ROLE) == record:
                tree.setCurrentItem(item)
                return


def _heading(text: str) -> QTreeWidgetItem:
    """A group's heading line in a card: bold, not a record (not selectable, not checkable:
    :func:`_make_heading`, which needs the ``Qt`` namespace)."""
    item = QTreeWidgetItem([text])
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    return item


def _make_heading(item: QTreeWidgetItem) -> None:
    """A heading line can be neither selected nor ticked."""
    from PySide6.QtCore import Qt

    item.setFlags(Qt.ItemFlag.ItemIsEnabled)


class TodayPage(QWidget):
    """Overdue and today's tasks, deals closing within 30 days, recent interactions."""

    is_today_page = True  # what the window asks instead of isinstance (it imports pages late)

    open_requested = Signal(str, int)  # entity, id
    section_requested = Signal(str)  # a sidebar key
    task_completed = Signal(int, str)  # id, title (the window offers Undo)
    loaded = Signal()
    ready = Signal()  # once: the cards and the overdue invoices are all shown

    def __init__(
        self,
        formatter: Formats | None = None,
        parent: QWidget | None = None,
        *,
        first: FirstScreen | None = None,
    ):
        """The page with its data (:meth:`open`) when ``formatter`` is given; without it,
        its cards only, built while the start reads the data (the window opens it then)."""
        super().__init__(parent)
        self.formatter: Formats = formatter  # type: ignore[assignment]  # set by open()
        self.data: TodayData | None = None
        self._stale = False
        self._filling = False
        self._channel: int | None = None  # the query thread's, made on the first reload
        # Runs a write now, or once the file is open (the window's; at start Today is shown
        # before the file is opened for writing, and a tick then waits a moment for it).
        self.when_open: Callable[[Callable[[], None]], None] = lambda work: work()

        self.heading = QLabel(self.tr("Today"))
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.6)
        heading_font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(heading_font)
        self.summary = QLabel(" ")
        self.summary.setObjectName("summary")

        self.tasks_card = Card(
            self.tr("Tasks due"),
            [self.tr("Task"), self.tr("Due"), self.tr("Customer"), self.tr("Priority")],
            [9, 0, 7, 0],
            self.tr("All tasks →"),
        )
        self.deals_card = Card(
            self.tr("Deals closing within {CLOSING_DAYS} days").format(CLOSING_DAYS=CLOSING_DAYS),
            [
                self.tr("Deal"),
                self.tr("Customer"),
                self.tr("Stage"),
                self.tr("Amount"),
                self.tr("Expected"),
            ],
            [11, 10, 0, 0, 0],
            self.tr("All deals →"),
        )
        self.interactions_card = Card(
            self.tr("Recent interactions (last {RECENT_DAYS} days)").format(
                RECENT_DAYS=RECENT_DAYS
            ),
            [self.tr("Subject"), self.tr("Kind"), self.tr("Customer"), self.tr("When")],
            [10, 0, 7, 0],
            self.tr("All interactions →"),
        )
        self.deals_card.tree.headerItem().setData(3, TEXT_ALIGNMENT_ROLE, RIGHT_ALIGNED)
        self.tasks_card.more.clicked.connect(lambda: self.section_requested.emit("tasks"))
        self.deals_card.more.clicked.connect(lambda: self.section_requested.emit("deals"))
        self.interactions_card.more.clicked.connect(
            lambda: self.section_requested.emit("interactions")
        )
        for card in (self.tasks_card, self.deals_card, self.interactions_card):
            card.tree.itemActivated.connect(self._activated)
        self.tasks_card.tree.itemChanged.connect(self._task_ticked)

        grid = QGridLayout()
        grid.setSpacing(12)
        self.grid = grid
        self._narrow: bool | None = None
        self._arrange(narrow=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 14)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        self._layout = layout  # the overdue line goes under the summary once opened
        self.is_ready = False
        layout.addSpacing(8)
        layout.addLayout(grid, 1)
        self.setFocusProxy(self.tasks_card.tree)
        # At start (``first`` given) what needs the ``Qt`` namespace and shows nothing waits
        # for :meth:`finish`, which the window calls once Today is painted.
        self._finished = False
        self._headings: list[QTreeWidgetItem] = []  # made before finish(): flags to set
        if formatter is not None:
            self.open(formatter, first=first)

    def open(self, formatter: Formats, *, first: FirstScreen | None = None) -> None:
        """Show the data: ``first`` as read at start, else read now (in the background)."""
        self.formatter = formatter
        from crm_desktop.ui.invoices.overdue import OverdueNotice  # selling: overdue invoices

        self.overdue_invoices = OverdueNotice(
            self, overdue=first.overdue if first else None, formats=formatter
        )
        self.overdue_invoices.loaded.connect(self._check_ready)
        self._layout.insertWidget(2, self.overdue_invoices)
        if first is not None and first.today is not None:
            self._fill(first.today)  # read with the file's opening: shown as it is made
        else:
            self.reload()
        if first is None:
            self.finish()

    def finish(self) -> None:
        """Set what needs PySide6's ``Qt`` namespace and does not change the first frame:
        the cards' cursors and scroll bars, the headings' flags. Once; later fills set
        them as they make their lines."""
        if self._finished:
            return
        self._finished = True
        for card in (self.tasks_card, self.deals_card, self.interactions_card):
            card.finish()
        headings, self._headings = self._headings, []
        for item in headings:
            _make_heading(item)

    def _heading(self, text: str) -> QTreeWidgetItem:
        item = _heading(text)
        if self._finished:
            _make_heading(item)
        else:
            self._headings.append(item)
        return item

    # --- loading -------------------------------------------------------------------

    # Below this page width the two top cards no longer fit side by side (a 900-pixel
    # window): they go one above the other, each as wide as the page.
    NARROW_WIDTH = 900

    def _arrange(self, *, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        grid = self.grid
        for card in (self.tasks_card, self.deals_card, self.interactions_card):
            grid.removeWidget(card)
        grid.addWidget(self.tasks_card, 0, 0)
        grid.addWidget(self.deals_card, *((1, 0) if narrow else (0, 1)))
        grid.addWidget(self.interactions_card, *((2, 0, 1, 1) if narrow else (1, 0, 1, 2)))
        grid.setColumnStretch(1, 0 if narrow else 1)
        grid.setColumnStretch(0, 1)
        for row, stretch in enumerate((3, 3, 2) if narrow else (3, 2, 0)):
            grid.setRowStretch(row, stretch)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange(narrow=self.width() < self.NARROW_WIDTH)

    def reload(self) -> None:
        from crm_desktop.ui.tables.runner import runner

        if self._channel is None:
            self._channel = runner().channel(self)
        runner().submit(self._channel, load_today, self._fill)

    def on_change(self, change: Change) -> None:
        if change.entity == "setting":
            self.formatter = Formats.load()
        if change.entity in _WATCHED or change.entity == "setting":
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def set_formatter(self, formatter: Formats) -> None:
        self.formatter = formatter
        if self.data is not None:
            self._fill(self.data)

    def _fill(self, data: TodayData) -> None:
        self.data = data
        fmt = self.formatter
        day = QDate(data.day.year, data.day.month, data.day.day)
        words = fmt.words_qlocale
        self.heading.setText(
            self.tr("Today, {toString}").format(toString=words.toString(day, words.dateFormat()))
        )
        due_today = data.task_total - data.overdue
        self.summary.setText(
            " · ".join(
                (
                    self.tr("%Ln overdue", "", data.overdue),
                    self.tr("%Ln due today", "", due_today),
                    english_plural(
                        self.tr("%Ln deal(s) closing within {days} days", "", data.deal_total),
                        data.deal_total,
                    ).format(days=CLOSING_DAYS),
                )
            )
        )
        self._filling = True
        try:
            self._fill_tasks(data)
            self._fill_deals(data)
            self._fill_interactions(data)
        finally:
            self._filling = False
        self.loaded.emit()
        self._check_ready()

    def _check_ready(self) -> None:
        if not self.is_ready and self.data is not None and self.overdue_invoices.has_loaded:
            self.is_ready = True
            self.ready.emit()

    def _fill_tasks(self, data: TodayData) -> None:
        fmt, day = self.formatter, data.day.isoformat()
        items = []
        due_today = data.task_total - data.overdue
        headed_overdue = False
        if data.tasks and data.overdue and (data.tasks[0].get("due_date") or "") >= day:
            items.append(self._heading(self.tr("Due today (%Ln)", "", due_today)))
        for row in data.tasks:
            due = row.get("due_date") or ""
            if due and due < day and data.overdue and not headed_overdue:
                headed_overdue = True
                items.append(
                    self._heading(self.tr("Overdue (%Ln), newest first", "", data.overdue))
                )
            item = self._item(
                "task",
                row["id"],
                [
                    row["title"],
                    fmt.date(due),
                    row.get("customer_name") or "",
                    label(row["priority"]),
                ],
            )
            # A line can be ticked by default (Qt.ItemFlag.ItemIsUserCheckable); the check
            # box shows once the line has a check state.
            item.setData(0, CHECK_STATE_ROLE, UNCHECKED)
            item.setToolTip(0, self.tr("Tick to mark “{title}” done").format(title=row["title"]))
            if due and due < day:
                item.setData(1, FOREGROUND_ROLE, STYLE_COLORS["alert"])
                item.setToolTip(1, self.tr("Overdue"))
            if row["priority"] in ("high", "urgent"):
                item.setData(3, FOREGROUND_ROLE, STYLE_COLORS["alert"])
            items.append(item)
        self.tasks_card.fill(items, data.task_total, self.tr("Nothing due today. Well done."))

    def _fill_deals(self, data: TodayData) -> None:
        fmt, day = self.formatter, data.day.isoformat()
        items = []
        past = [row for row in data.deals if (row.get("expected_close") or "") < day]
        if past and len(past) < len(data.deals):
            items.append(self._heading(self.tr("Closing soon")))
        headed_past = False
        for row in data.deals:
            expected = row.get("expected_close") or ""
            if past and expected < day and not headed_past:
                headed_past = True
                items.append(self._heading(self.tr("Past their expected close date")))
            item = self._item(
                "deal",
                row["id"],
                [
                    row["title"],
                    row.get("customer_name") or "",
                    label(row["stage"]),
                    fmt.money(row["amount_cents"]),
                    fmt.date(expected),
                ],
            )
            item.setData(3, TEXT_ALIGNMENT_ROLE, RIGHT_ALIGNED)
            if expected and expected < day:
                item.setData(4, FOREGROUND_ROLE, STYLE_COLORS["alert"])
                item.setToolTip(4, self.tr("Past its expected close date"))
            items.append(item)
        self.deals_card.fill(
            items,
            data.deal_total,
            self.tr("No open deal closes within {CLOSING_DAYS} days.").format(
                CLOSING_DAYS=CLOSING_DAYS
            ),
        )

    def _fill_interactions(self, data: TodayData) -> None:
        fmt = self.formatter
        items = [
            self._item(
                "interaction",
                row["id"],
                [
                    row["subject"],
                    label(row["kind"]),
                    row.get("customer_name") or "",
                    fmt.datetime(row["occurred_at"]),
                ],
            )
            for row in data.interactions
        ]
        self.interactions_card.fill(
            items,
            data.interaction_total,
            self.tr("No calls, meetings or notes in {RECENT_DAYS} days.").format(
                RECENT_DAYS=RECENT_DAYS
            ),
        )

    @staticmethod
    def _item(entity: str, record_id: int, texts: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(texts)
        item.setData(0, RECORD_ROLE, (entity, record_id))
        return item

    # --- acting ----------------------------------------------------------------------

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, RECORD_ROLE) is None:
            return  # a group's heading
        entity, record_id = item.data(0, RECORD_ROLE)
        self.open_requested.emit(entity, record_id)

    def _task_ticked(self, item: QTreeWidgetItem, column: int) -> None:
        from PySide6.QtCore import Qt

        if self._filling or column != 0 or item.checkState(0) != Qt.CheckState.Checked:
            return
        if item.data(0, RECORD_ROLE) is None:
            return
        _entity, task_id = item.data(0, RECORD_ROLE)
        self.when_open(lambda: self._complete(item, task_id))

    def _complete(self, item: QTreeWidgetItem, task_id: int) -> None:
        from PySide6.QtCore import Qt

        from crm_desktop.services import tasks

        title = item.text(0)
        try:
            tasks.complete_task(task_id)
        except Exception as exc:
            self._filling = True
            item.setCheckState(0, Qt.CheckState.Unchecked)
            self._filling = False
            # Retry ticks it again (a file another program held locked may be free now).
            show_error(
                self,
                self.tr("Completing the task"),
                exc,
                retry=lambda: item.setCheckState(0, Qt.CheckState.Checked),
            )
            self.reload()
            return
        font = item.font(0)
        font.setStrikeOut(True)
        item.setFont(0, font)
        self.task_completed.emit(task_id, title)

    def item_for(self, entity: str, record_id: int) -> QTreeWidgetItem | None:
        """The line of one record (tests and the window's "show" use it)."""
        for card in (self.tasks_card, self.deals_card, self.interactions_card):
            for row in range(card.tree.topLevelItemCount()):
                item = card.tree.topLevelItem(row)
                if item is not None and item.data(0, RECORD_ROLE) == (entity, record_id):
                    return item
        return None
