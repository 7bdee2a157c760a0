"""The window offers every WindowApi method the feature packages (reports, backups, transfer) use."""

from __future__ import annotations

import inspect
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel
from window_helpers import click_row, open_section, type_text, wait_loaded

from crm_desktop.ui.features import WindowApi
from crm_desktop.ui.main_window import MainWindow


def test_the_window_implements_every_method_of_window_api():
    for name, member in inspect.getmembers(WindowApi):
        if name.startswith("_"):
            continue
        assert hasattr(MainWindow, name), name
        if inspect.isfunction(member):
            wanted = list(inspect.signature(member).parameters)
            have = list(inspect.signature(getattr(MainWindow, name)).parameters)
            assert have == wanted, name
    assert isinstance(MainWindow.db_path, property)


def test_actions_sections_and_record_actions_plug_in(qtbot, window):
    fired: list[str] = []
    tool = QAction("Frobnicate", window)
    tool.setShortcut("Ctrl+Shift+F")
    tool.triggered.connect(lambda: fired.append("tool"))
    window.add_action("Tools", tool)
    assert tool in window.menus["Tools"].actions()
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert fired == ["tool"]

    only_customers = QAction("Customers only", window)
    window.add_action("Records", only_customers, section="customers")
    assert not only_customers.isEnabled()
    open_section(qtbot, window, "customers")
    assert only_customers.isEnabled()

    file_action = QAction("Import something…", window)
    window.add_action("File", file_action)
    file_actions = window.menus["File"].actions()
    assert file_actions.index(file_action) < file_actions.index(window.actions["quit"])

    widget = QLabel("A feature page")
    window.add_section("feature", "Feature", widget)
    keys = window.sidebar.keys()
    assert keys.index("feature") == len(keys) - 2 and keys[-1] == "trash"
    window.show_section("feature")
    assert window.stack.currentWidget() is widget
    assert window.current_entity() is None and window.current_query() is None

    seen: list[list[int]] = []
    invoice = QAction("Print it", window)
    invoice.triggered.connect(lambda: seen.append(window.selected_ids()))
    window.add_record_action("sales_order", invoice)
    page = open_section(qtbot, window, "orders")
    assert invoice in page.record_actions()
    click_row(qtbot, page.table, 1)
    invoice.trigger()
    assert seen == [[page.model.id_at(1)]]
    assert window.current_entity() == "sales_order"


def test_current_query_follows_the_search_and_sort(qtbot, window):
    page = open_section(qtbot, window, "customers")
    type_text(page.filter_bar.search_box, "ab")
    page.filter_bar.flush_search()
    wait_loaded(qtbot, page)
    query = window.current_query()
    assert query.search == "ab" and query.sort == "name"
    query.filters["status"] = "lead"  # a copy: changing it changes nothing on screen
    assert "status" not in page.model.query.filters


def test_show_status_with_undo(qtbot, window):
    undone: list[int] = []
    window.show_status("Imported 3 customers.", lambda: undone.append(1))
    assert window.message.text() == "Imported 3 customers."
    assert window.undo_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == [1]
    window.show_status("Just news.")
    assert not window.undo_button.isVisible()


def test_files_dropped_on_a_table_go_to_the_handler(qtbot, window, tmp_path):
    got: list[list[Path]] = []
    window.add_drop_handler("product", lambda files: got.append(files) or True)
    page = open_section(qtbot, window, "products")
    csv = tmp_path / "prices.csv"
    csv.write_text("sku,name\n", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(csv))])
    viewport = page.table.viewport()
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)  # Qt delivers a drop where the drag entered
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, drop)
    assert got == [[csv]]


def test_reload_database_refreshes_every_view(qtbot, window):
    from crm_desktop.services import customers

    page = open_section(qtbot, window, "customers")
    count = page.count()
    window.show_status("Something", lambda: None)
    window.bridge.blockSignals(True)
    customers.create_customer({"name": "Came with the restore"})
    window.bridge.blockSignals(False)
    window.reload_database()
    qtbot.waitUntil(lambda: page.count() == count + 1)
    assert not window.undo_stack.can_undo()
    from crm_desktop.ui.jobs import running_jobs

    qtbot.waitUntil(lambda: not running_jobs(), timeout=10_000)
