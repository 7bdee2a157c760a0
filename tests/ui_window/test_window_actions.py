"""The window's commands are bound when it is built: those that need no database work
while the file is still opening (or fails to open), and a misspelt name fails at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from crm_desktop import paths
from crm_desktop.ui import actions as registry


def _unattached_window(qtbot, tmp_path: Path):
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "opening.sqlite3", attach=False)  # the file is not open
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _menu_action(window, menu: str, text: str):
    found = [a for a in window.menus[menu].actions() if a.text().replace("&", "") == text]
    assert found, [a.text() for a in window.menus[menu].actions()]
    return found[0]


def test_show_log_folder_works_while_the_file_is_not_open(qtbot, tmp_path, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = _unattached_window(qtbot, tmp_path)

    action = _menu_action(window, "Help", "Show log folder")
    assert action.isEnabled()
    action.trigger()
    assert [Path(url.toLocalFile()) for url in opened] == [paths.log_dir()]


def test_before_the_file_opens_only_the_commands_that_need_no_database_are_on(qtbot, tmp_path):
    window = _unattached_window(qtbot, tmp_path)
    enabled = {key for key, action in window.actions.items() if action.isEnabled()}
    sections = {key for key in window.actions if key.startswith("go_")}
    assert sections and enabled == {"quit", "shortcuts", "log_file", "about", *sections}
    assert enabled - sections == {spec.key for spec in registry.ACTIONS if spec.before_open}
    window.actions["trash"].trigger()  # disabled: nothing happens, nothing fails


def _click_section(qtbot, window, key: str) -> None:
    from PySide6.QtCore import Qt

    sidebar = window.sidebar
    row = sidebar.keys().index(key)
    rect = sidebar.visualItemRect(sidebar.item(row))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("how", ["click", "keys"])
def test_a_section_chosen_while_the_file_opens_is_shown_once_it_is_open(qtbot, demo_db, how):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_db, attach=False)  # the file opens in the background
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # where keys go
    if how == "click":
        _click_section(qtbot, window, "deals")
    else:
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Deals
    assert window.current_page() is window.opening  # nothing to show yet, nothing lost
    assert window.sidebar.currentItem().text() == "Deals"  # the choice is seen at once
    window.attach()
    assert window.current_list() is not None
    assert window.current_list().section.key == "deals"
    assert window.sidebar.currentItem().text() == "Deals"
    assert window.page("today").is_today_page  # made as ever: the start waits for it


def test_every_command_of_the_registry_names_a_real_function(qtbot, window):
    """After attach, each action is connected to a real function."""
    from crm_desktop.ui.tables.commands import ListCommands

    for spec in registry.ACTIONS:
        name = spec.handler
        if name.startswith(registry.COMMANDS):
            assert callable(getattr(ListCommands, name.removeprefix(registry.COMMANDS))), name
        else:
            assert callable(getattr(window, name)), name
        assert window.actions[spec.key].receivers("2triggered(bool)") >= 1, spec.key


def test_a_misspelt_command_fails_as_the_window_is_built(qtbot, tmp_path, monkeypatch):
    from crm_desktop.ui.main_window import MainWindow

    spelt_wrong = registry.ActionSpec("log_file", "Show &log folder", "Help", "show_log_foldr")
    monkeypatch.setattr(registry, "ACTIONS", (*registry.ACTIONS[:-2], spelt_wrong))
    with pytest.raises(AttributeError, match="show_log_foldr"):
        MainWindow(tmp_path / "opening.sqlite3", attach=False)
