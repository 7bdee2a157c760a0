"""At start Today is shown before the file is opened for the window; what the user does in
that moment (a command's keys, typing after Ctrl+F, a tick, opening a line) is done once
the window is whole, in order, and nothing is lost."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _today_first(qtbot, db: Path):
    """The window as the start makes it: Today from the file, the rest not built yet."""
    from crm_desktop.services.first_screen import read_from_file
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(db, attach=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # where keys go
    first = read_from_file(db)
    assert first is not None
    window.attach(first=first, session_later=True, features_later=True)
    today = window.page("today")
    assert today.is_ready and window.current_page() is today and not window.attached
    return window, today


def _type(text: str) -> None:
    from window_helpers import type_text

    type_text(QApplication.focusWidget(), text)


def test_ctrl_f_and_a_name_typed_before_the_file_is_open_search_once_it_is(qtbot, demo_db):
    window, _today = _today_first(qtbot, demo_db)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    _type("Ив张😀")  # Cyrillic, Chinese and an emoji, one key event each
    assert window.current_list() is None  # nothing to search in yet, and nothing lost
    window.finish_attach()
    page = window.current_list()
    assert page is not None and page.section.key == "customers"
    assert page.filter_bar.search_box.text() == "Ив张😀"
    assert QApplication.focusWidget() is page.filter_bar.search_box


def test_a_task_ticked_before_the_file_is_open_is_done_once_it_is(qtbot, demo_db):
    from crm_desktop.models import Task

    window, today = _today_first(qtbot, demo_db)
    item = today.tasks_card.tree.topLevelItem(0)
    if item.data(0, Qt.ItemDataRole.UserRole) is None:  # a group's heading
        item = today.tasks_card.tree.topLevelItem(1)
    _entity, task_id = item.data(0, Qt.ItemDataRole.UserRole)
    item.setCheckState(0, Qt.CheckState.Checked)
    assert Task.get_by_id(task_id).status == "open"  # waits for the file
    window.finish_attach()
    assert Task.get_by_id(task_id).status == "done"
    assert window.undo_stack.top() is not None  # offered for Undo, as any tick


def test_commands_chosen_before_the_file_is_open_run_in_order_once_it_is(
    qtbot, demo_db, monkeypatch
):
    from crm_desktop.ui import forms

    opened: list[tuple[str, object]] = []
    monkeypatch.setattr(
        forms, "open_record", lambda _w, entity, record_id, *_a: opened.append((entity, record_id))
    )
    window, today = _today_first(qtbot, demo_db)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new task
    item = today.deals_card.tree.topLevelItem(0)
    if item.data(0, Qt.ItemDataRole.UserRole) is None:
        item = today.deals_card.tree.topLevelItem(1)
    _entity, deal_id = item.data(0, Qt.ItemDataRole.UserRole)
    today.deals_card.tree.itemActivated.emit(item, 0)  # Enter on a deal's line
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Deals
    assert opened == []
    assert window.sidebar.currentItem().text() == "Deals"  # the choice is seen at once
    window.finish_attach()
    assert opened == [("task", None), ("deal", deal_id)]
    assert window.current_list() is not None and window.current_list().section.key == "deals"
