"""No style sheet in Today's first frame, and the same pixels as the style sheets had: the
sidebar draws its rows itself, the status tip and the overdue line take their colours from
their palettes (Qt's style-sheet style, its parsing and polishing, cost the start ~15 ms)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QListWidget, QListWidgetItem

from crm_desktop.ui.icons import icon
from crm_desktop.ui.navigation import KEY_ROLE, SIDEBAR_SECTIONS, Sidebar

# What the sidebar's style sheet said before it drew its rows itself (wave 8).
OLD_STYLE = """
QListWidget#sidebar {
    border: none;
    background: palette(window);
    padding-top: 6px;
    outline: 0;
}
QListWidget#sidebar::item {
    padding: 5px 8px;
    margin: 1px 6px;
    border-radius: 5px;
    color: palette(window-text);
}
QListWidget#sidebar::item:hover:!selected {
    background: palette(midlight);
}
QListWidget#sidebar::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
"""

TITLES = [
    "Today",
    "Клиенты и их очень длинное название, которое не помещается",  # cut with "…"
    "客户",
    "😀 Emoji",
    "العملاء",  # right to left
    "<b>&amp;</b>",
    "=SUM(A1)",
    "",
]


def _rows(widget: QListWidget) -> None:
    for number, title in enumerate(TITLES):
        key = SIDEBAR_SECTIONS[number % len(SIDEBAR_SECTIONS)][2]
        item = QListWidgetItem(icon(key), title)
        item.setData(KEY_ROLE, f"k{number}")
        widget.addItem(item)
    view = QListWidgetItem("    Berlin VIPs")  # a saved view's row: indented, no icon
    view.setData(KEY_ROLE, "view:1")
    widget.addItem(view)


def _old_sidebar() -> QListWidget:
    widget = QListWidget()
    widget.setObjectName("sidebar")
    widget.setStyleSheet(OLD_STYLE)
    widget.setFrameShape(QFrame.Shape.NoFrame)
    widget.setIconSize(Sidebar().iconSize())
    widget.setMinimumWidth(150)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def _shown(qtbot, widget: QListWidget, chosen: int) -> QImage:
    qtbot.addWidget(widget)
    widget.setGeometry(300, 200, 190, 420)  # away from the pointer: no row under it
    widget.show()
    qtbot.waitExposed(widget)
    widget.setCurrentRow(chosen)
    qtbot.wait(20)
    return widget.grab().toImage()


@pytest.mark.parametrize("chosen", [0, 1, 4, 8])
def test_the_rows_look_as_the_style_sheet_drew_them(qtbot, chosen: int):
    ours = Sidebar()
    _rows(ours)
    ours.finish()
    old = _old_sidebar()
    _rows(old)

    mine, theirs = _shown(qtbot, ours, chosen), _shown(qtbot, old, chosen)

    assert ours.styleSheet() == ""
    assert mine.size() == theirs.size()
    differing = sum(
        mine.pixel(x, y) != theirs.pixel(x, y)
        for y in range(mine.height())
        for x in range(mine.width())
    )
    assert differing == 0


def _colour_at(widget: Sidebar, row: int) -> int:
    """The colour just inside the row's box, left of its icon (the padding)."""
    box = widget.visualItemRect(widget.item(row))
    spot = QPoint(box.left() + 6 + 3, box.center().y())
    return widget.rows_area.grab().toImage().pixel(spot)


def _point_at(sidebar: Sidebar, where: QPoint) -> None:
    """The pointer moves over the rows to ``where`` (as the window system says it)."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(where),
        QPointF(sidebar.rows_area.mapToGlobal(where)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(sidebar.rows_area, event)


def test_the_row_under_the_pointer_is_lit_until_the_pointer_leaves(qtbot):
    sidebar = Sidebar()
    _rows(sidebar)
    _shown(qtbot, sidebar, 0)
    palette = sidebar.palette()
    window = palette.color(QPalette.ColorRole.Window).rgb()
    lit = palette.color(QPalette.ColorRole.Midlight).rgb()
    chosen = palette.color(QPalette.ColorRole.Highlight).rgb()
    assert (_colour_at(sidebar, 0), _colour_at(sidebar, 2)) == (chosen, window)

    _point_at(sidebar, sidebar.visualItemRect(sidebar.item(2)).center())
    assert _colour_at(sidebar, 2) == lit
    assert _colour_at(sidebar, 3) == window

    _point_at(sidebar, sidebar.visualItemRect(sidebar.item(0)).center())
    assert _colour_at(sidebar, 0) == chosen  # the chosen row keeps its highlight
    assert _colour_at(sidebar, 2) == window

    _point_at(sidebar, sidebar.visualItemRect(sidebar.item(3)).center())
    assert (_colour_at(sidebar, 3), _colour_at(sidebar, 2)) == (lit, window)

    _point_at(sidebar, QPoint(40, sidebar.rows_area.height() - 2))  # below the last row
    assert _colour_at(sidebar, 3) == window

    _point_at(sidebar, sidebar.visualItemRect(sidebar.item(1)).center())
    assert _colour_at(sidebar, 1) == lit
    QApplication.sendEvent(sidebar.rows_area, QEvent(QEvent.Type.Leave))  # off the sidebar
    assert _colour_at(sidebar, 1) == window


def test_a_status_tip_is_written_in_the_quiet_colour(qtbot, tmp_path):
    from crm_desktop.ui.status_bar import WindowStatusBar

    bar = WindowStatusBar(tmp_path / "crm.sqlite3")
    qtbot.addWidget(bar)
    bar.show_tip("Create a record in the current section")
    label = bar.tip_label
    assert label.styleSheet() == ""
    assert label.foregroundRole() == QPalette.ColorRole.PlaceholderText


def test_the_overdue_line_is_red_as_its_style_sheet_had_it(qtbot, db):
    from crm_desktop.services.invoice_dues import Overdue
    from crm_desktop.ui.invoices.overdue import OverdueNotice

    notice = OverdueNotice(overdue=Overdue(count=2, balance_cents=123456, oldest_due="2026-01-19"))
    qtbot.addWidget(notice)
    notice.resize(notice.sizeHint())
    shot = notice.grab().toImage()
    colours = {
        shot.pixelColor(x, y).name() for y in range(shot.height()) for x in range(shot.width())
    }
    assert notice.styleSheet() == ""
    assert "#c53030" in colours  # the text's own pixels (antialiased edges around them)


def test_today_is_the_chosen_section_when_the_sidebar_had_the_focus_at_start(qtbot, demo_db):
    """The window shows before the file is open and the sidebar may get the focus then (an
    active window): Today is still shown chosen once it is there, unframed."""
    from crm_desktop.services.first_screen import read_first_screen
    from crm_desktop.ui.main_window import MainWindow

    first = read_first_screen()
    window = MainWindow(demo_db, attach=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus, timeout=2000)
    window.attach(first=first, session_later=True)  # Today only, as at start
    sidebar = window.sidebar
    today = sidebar.item(0)
    assert sidebar.currentRow() == 0 and today.isSelected()
    assert _colour_at(sidebar, 0) == sidebar.palette().color(QPalette.ColorRole.Highlight).rgb()
