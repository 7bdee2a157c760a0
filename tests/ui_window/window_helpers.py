"""Driving the main window as a user: making it, typing any script, answering dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget


def make_window(qtbot, db_path: Path):
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    today = window.page("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=10_000)
    return window


def wait_loaded(qtbot, page) -> None:
    """Wait until a list page's rows have arrived from the background query."""
    qtbot.waitUntil(lambda: page.model.has_loaded() and not page.model.is_loading(), timeout=10_000)


def open_section(qtbot, window, key: str):
    window.show_section(key)
    page = window.current_list()
    wait_loaded(qtbot, page)
    return page


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, one key event a character (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QApplication.sendEvent(
            widget,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )
        QApplication.sendEvent(
            widget,
            QKeyEvent(
                QEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch
            ),
        )


def press(qtbot, widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifiers)


_ACTIVE: set[DialogAnswer] = set()


class DialogAnswer:
    """Clicks a button of the next modal dialog; gives up after ``timeout_ms``."""

    def __init__(self, button_text: str, seen: list[str] | None, timeout_ms: int):
        self.button_text = button_text
        self.seen = seen
        self.left = max(1, timeout_ms // 20)
        _ACTIVE.add(self)  # a timer does not keep a plain object alive between shots
        QTimer.singleShot(0, self._try)

    def cancel(self) -> None:
        self.left = 0
        _ACTIVE.discard(self)

    def _try(self) -> None:
        if self.left <= 0:
            _ACTIVE.discard(self)
            return
        self.left -= 1
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, self._try)
            return
        self.cancel()
        if self.seen is not None:
            self.seen.append(dialog.windowTitle() + "\n" + _text_of(dialog))
        for button in dialog.findChildren(QAbstractButton):
            if button.text().replace("&", "") == self.button_text:
                button.click()
                return
        dialog.close()
        raise AssertionError(f"no button {self.button_text!r} in {dialog.windowTitle()!r}")


def answer_next_dialog(
    button_text: str, seen: list[str] | None = None, timeout_ms: int = 5000
) -> DialogAnswer:
    """When the next modal dialog opens, click its button ``button_text`` (as a user would)."""
    return DialogAnswer(button_text, seen, timeout_ms)


def _text_of(dialog: QWidget) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def rows_on_screen(page, column_key: str, count: int = 10) -> list[str]:
    """The texts of one column for the first rows, as the view shows them."""
    keys = [c.key for c in page.section.columns]
    column = keys.index(column_key)
    model = page.table.model()
    return [
        model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        for row in range(min(count, model.rowCount()))
    ]


def click_row(qtbot, table, row: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Click a row of a table as a user would (Ctrl/Shift for more rows)."""
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, modifiers, table.visualRect(index).center()
    )
