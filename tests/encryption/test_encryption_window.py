"""Encryption from the window: File › Encryption…, the recovery key first, and the key asked."""

from __future__ import annotations

import sys
from pathlib import Path

from encryption_helpers import forget_everything
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from crm_desktop.services import customers, encryption
from crm_desktop.ui.encryption.dialog import EncryptionDialog
from crm_desktop.ui.encryption.recovery_key import AskRecoveryKeyDialog, ShowRecoveryKeyDialog

sys.path.insert(0, str(Path(__file__).parents[1] / "ui_window"))
from window_helpers import make_window, open_section


def _menu_action(window, text: str) -> QAction:
    for action in window.findChildren(QAction):
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no action {text!r}")


def test_encrypt_from_the_window_shows_the_key_first_and_keeps_working(
    qtbot, demo_db: Path, memory_keyring, tmp_path: Path
):
    customers.create_customer({"name": "Ёлкина Дарья", "kind": "person"})
    window = make_window(qtbot, demo_db)
    _menu_action(window, "Encryption…").trigger()
    dialog = window.findChild(EncryptionDialog)
    assert dialog is not None and dialog.encrypt_button.isEnabled()
    assert not dialog.key_button.isEnabled()
    seen: dict[str, object] = {}

    def look_then_agree(page: ShowRecoveryKeyDialog) -> bool:
        seen["key"] = page.recovery_key
        assert not page.ok_button.isEnabled()  # not before the owner says the key is kept
        assert page.save_pdf(tmp_path / "key.pdf") is not None
        qtbot.mouseClick(page.kept, Qt.MouseButton.LeftButton)
        assert page.ok_button.isEnabled()
        return True

    flow = dialog.start_encrypting(ask=look_then_agree)
    assert flow is not None
    with qtbot.waitSignal(flow.finished, timeout=30_000) as done:
        pass
    assert done.args[0] is not None
    assert encryption.is_encrypted(demo_db)
    assert (tmp_path / "key.pdf").read_bytes().startswith(b"%PDF")
    assert "encrypted" in dialog.state.text() and dialog.key_button.isEnabled()
    assert not dialog.encrypt_button.isEnabled()
    # The window works on the encrypted file: the list shows, the search finds.
    page = open_section(qtbot, window, "customers")
    assert page.model.rowCount() > 0
    shown = dialog.show_recovery_key()
    assert shown.recovery_key == seen["key"]
    shown.close()


def test_cancelling_the_recovery_key_step_changes_nothing(qtbot, demo_db: Path):
    window = make_window(qtbot, demo_db)
    dialog = EncryptionDialog(demo_db, window, reload=window.reload_database)
    qtbot.addWidget(dialog)
    assert dialog.start_encrypting(ask=lambda page: False) is None
    assert not encryption.is_encrypted(demo_db)


def test_the_recovery_key_is_asked_checked_as_typed_and_tried(qtbot, demo_db: Path, memory_keyring):
    key = encryption.new_key()
    encryption.convert(demo_db, key)
    forget_everything(memory_keyring)
    dialog = AskRecoveryKeyDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    right = encryption.format_recovery_key(key)
    typo = right[:3] + ("Q" if right[3] != "Q" else "R") + right[4:]
    qtbot.keyClicks(dialog.edit, typo)
    assert not dialog.open_button.isEnabled() and "typo" in dialog.problem.text()
    other = encryption.format_recovery_key(encryption.new_key())
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, other)
    assert dialog.open_button.isEnabled() and dialog.problem.text() == ""
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "does not open" in dialog.problem.text()  # said by the field
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, right.replace("-", " ").lower())
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == AskRecoveryKeyDialog.DialogCode.Accepted
    assert list(memory_keyring.secrets.values()) == [key.hex()]


def test_a_slow_keyring_never_freezes_the_encryption_dialog(qtbot, demo_db: Path, memory_keyring):
    """A locked keyring can take seconds to answer: the dialog opens at once, asks it off the
    GUI thread, and says what it found when it answers."""
    import threading
    import time

    encryption.convert(demo_db, encryption.new_key())  # the key is kept in memory_keyring
    gate = threading.Event()
    asked_from: list[bool] = []
    plain_get = memory_keyring.get_password

    def slow_get(service: str, username: str) -> str | None:
        asked_from.append(threading.current_thread() is threading.main_thread())
        gate.wait(10)
        return plain_get(service, username)

    memory_keyring.get_password = slow_get  # type: ignore[method-assign]
    began = time.monotonic()
    dialog = EncryptionDialog(demo_db)
    qtbot.addWidget(dialog)
    assert time.monotonic() - began < 2  # not waiting for the keyring
    assert "Looking for its key" in dialog.state.text()
    assert dialog.decrypt_button.isEnabled() and dialog.key_button.isEnabled()
    qtbot.waitUntil(lambda: bool(asked_from))
    gate.set()
    qtbot.waitUntil(lambda: "kept in this computer's keyring" in dialog.state.text())
    assert asked_from == [False]  # never on the GUI thread
