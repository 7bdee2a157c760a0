"""A second start on a file whose window does not answer says so in a message box (the
box's class is imported only then: its enums are no part of a start)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox


def test_a_second_start_whose_first_window_does_not_answer_says_why(qapp, tmp_path, monkeypatch):
    from crm_desktop.services.instance_lock import acquire_instance_lock
    from crm_desktop.ui import single_instance

    db = Path(tmp_path) / "Кафе «Ёлка» 咖啡.sqlite3"
    db.write_bytes(b"")
    held = acquire_instance_lock(db.absolute())  # as another window's process holds it
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(single_instance, "ask_first_window_to_show", lambda *_a, **_k: False)
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, title, text: shown.append((title, text))
    )
    try:
        assert single_instance.claim_database(str(db)) == 1
    finally:
        held.release()
    [(title, text)] = shown
    assert title == "CRM Desktop" and "Кафе «Ёлка» 咖啡.sqlite3" in text
