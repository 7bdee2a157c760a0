"""No two widgets of one screen share an Alt-key, on every window and dialog; F1 names them all.

Each screen is built as a user sees it (every section of the window, the
board, a customer's page, every record form new and filled, every dialog)
and :func:`crm_desktop.ui.mnemonics.clashes` lists letters that two visible
widgets, or two items of one menu, underline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from window_helpers import open_section

from crm_desktop.ui.mnemonics import clashes, menu_keys, mnemonic


def _settle(qtbot, widget: QWidget) -> None:
    widget.show()
    qtbot.waitExposed(widget)


def test_mnemonic_reads_the_underlined_letter() -> None:
    assert mnemonic("&Edit") == "E"
    assert mnemonic("Log &call") == "C"
    assert mnemonic("Fish && chips") is None
    assert mnemonic("R&&D &team") == "T"
    assert mnemonic("no mnemonic") is None
    assert mnemonic("trailing &") is None


def test_a_clash_is_found(qtbot) -> None:
    """The detector itself: two buttons on Alt+C are reported, a hidden one is not."""
    root = QWidget()
    qtbot.addWidget(root)
    QPushButton("Log &call", root).move(0, 0)
    QPushButton("New service &case", root).move(0, 40)
    hidden = QPushButton("&Cancel", root)
    hidden.hide()
    _settle(qtbot, root)
    [found] = clashes(root)
    assert "Alt+C" in found and "Log &call" in found and "&Cancel" not in found


def test_every_screen_of_the_window_is_free_of_clashes(qtbot, window) -> None:
    found: dict[str, list[str]] = {}
    for key in list(window.sidebar.keys()):
        window.show_section(key)
        if window.current_list() is not None:
            open_section(qtbot, window, key)
        qtbot.wait(20)
        found[key] = clashes(window)
    page = open_section(qtbot, window, "deals")
    page.show_board(True)
    qtbot.waitUntil(lambda: not page.board.loading, timeout=10_000)
    found["board"] = clashes(window)
    page.show_board(False)
    customers = open_section(qtbot, window, "customers")
    window.show_customer(customers.model.id_at(0))
    qtbot.wait(50)
    found["customer page"] = clashes(window)
    assert {key: value for key, value in found.items() if value} == {}


@pytest.mark.parametrize(
    "entity",
    ["customer", "contact", "product", "deal", "sales_order", "task", "interaction",
     "campaign", "service_case"],
)  # fmt: skip
def test_every_record_form_is_free_of_clashes(qtbot, demo_db: Path, entity: str) -> None:
    from crm_desktop.services import listing
    from crm_desktop.ui.forms.registry import form_class

    for record_id in (None, (listing.list_ids(entity) or [None])[0]):
        form = form_class(entity)(None, record_id=record_id)
        qtbot.addWidget(form)
        _settle(qtbot, form)
        assert clashes(form) == [], (entity, record_id)
        form.close()


def test_every_dialog_is_free_of_clashes(qtbot, demo_db: Path) -> None:
    from crm_desktop.services import duplicates, listing
    from crm_desktop.services.backups import create_backup, prepare_restore
    from crm_desktop.ui.backup.confirm import ConfirmRestoreDialog
    from crm_desktop.ui.backup.dialog import BackupsDialog
    from crm_desktop.ui.deals.close_dialog import CloseDealDialog
    from crm_desktop.ui.first_run import FirstRunDialog
    from crm_desktop.ui.forms.display import Formats
    from crm_desktop.ui.forms.interaction import QuickLogDialog
    from crm_desktop.ui.preferences.dialog import PreferencesDialog
    from crm_desktop.ui.transfer.duplicates import MergeDialog
    from crm_desktop.ui.transfer.history import ImportHistoryDialog
    from crm_desktop.ui.transfer.wizard import ImportWizard

    dialogs: dict[str, QWidget] = {
        "first run": FirstRunDialog(demo_db),
        "won": CloseDealDialog(None, "won", "Deal", Formats()),
        "lost": CloseDealDialog(None, "lost", "Deal", Formats()),
        "preferences": PreferencesDialog(),
        "backups": BackupsDialog(demo_db),
        "import history": ImportHistoryDialog(),
        "merge": MergeDialog(duplicates.describe_customers(listing.list_ids("customer")[:2])),
        "import wizard": ImportWizard(),
        "quick log": QuickLogDialog(None, customer_id=listing.list_ids("customer")[0], kind="call"),
    }
    record = create_backup(demo_db)
    prepared = prepare_restore(record.path, demo_db)
    dialogs["restore"] = ConfirmRestoreDialog(prepared)
    found = {}
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        _settle(qtbot, dialog)
        found[name] = clashes(dialog)
        dialog.close()
    prepared.discard()
    assert {name: value for name, value in found.items() if value} == {}


def test_the_shortcut_list_names_every_commands_keys(qtbot, window, monkeypatch) -> None:
    """F1: every menu command, with its shortcut and its Alt path through the menus."""
    from crm_desktop.ui import help

    shown: list[str] = []
    monkeypatch.setattr(help, "_show_text", lambda _parent, _title, text: shown.append(text))
    window.show_shortcuts()
    [text] = shown
    keys = menu_keys(window)
    assert keys, "every menu command has an Alt path"
    for action, path in keys.items():
        name = action.text().replace("&", "")
        assert name.split("…")[0] in text, name
        assert path in text, (name, path)
    assert "Ctrl+Z" in text and "F1" in text
    assert "Print invoice" in text and "Ctrl+Shift+P" in text  # a feature's table command
    assert "Alt+V, " in text and "Ctrl+1" in text  # the sections, by menu and by number


def test_the_shortcut_list_names_the_buttons_of_the_screen(qtbot, window, monkeypatch) -> None:
    from crm_desktop.ui import help

    shown: list[str] = []
    monkeypatch.setattr(help, "_show_text", lambda _parent, _title, text: shown.append(text))
    customers = open_section(qtbot, window, "customers")
    window.show_customer(customers.model.id_at(0))
    window.show_shortcuts()
    assert "Log call</td><td>&nbsp;&nbsp;<b>Alt+C" in shown[-1]
    assert "New service case</td><td>&nbsp;&nbsp;<b>Alt+S" in shown[-1]


def test_f1_opens_a_list_that_scrolls_within_the_screen(qtbot, window) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QTextBrowser

    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        browser = dialog.findChild(QTextBrowser)
        seen["fits"] = dialog.height() <= dialog.screen().availableGeometry().height()
        seen["text"] = browser.toPlainText()
        dialog.reject()

    QTimer.singleShot(300, look)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: "text" in seen, timeout=5000)
    assert seen["fits"] and "Undo" in str(seen["text"]) and "Ctrl+Z" in str(seen["text"])
