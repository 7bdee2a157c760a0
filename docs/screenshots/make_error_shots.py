"""Screenshots of the environment's messages: a full disk, a locked file, a tampered backup.

Run under Xvfb from the checkout::

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python docs/screenshots/make_error_shots.py

It builds a sample database in a temporary home folder and provokes each
failure for real: SQLite refuses to grow the file (``max_page_count``, the
same ``SQLITE_FULL`` a full disk gives) while a customer is saved; another
connection holds the write lock while a task is ticked on Today; a backup is
edited with another tool after it was made, then chosen for a restore.
Saves ``error-disk-full.png``, ``error-locked-file.png`` and
``error-tampered-backup.png`` (the window with the message over it).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HOME = Path(tempfile.mkdtemp(prefix="crm-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(HOME)
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    from crm_desktop.models import database
    from crm_desktop.services import demo, open_session, settings, tasks
    from crm_desktop.services.backups import create_backup, prepare_restore
    from crm_desktop.services.clock import today
    from crm_desktop.ui.backup.confirm import ConfirmRestoreDialog
    from crm_desktop.ui.errors import install_excepthook
    from crm_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("CRM Desktop")
    install_excepthook()
    db = HOME / "crm.sqlite3"
    open_session(db)
    settings.set_many({"currency": "USD", "locale": "en_US", "phone_region": "US"})
    demo.generate(customers=400, seed=11, on=date.today())
    task = tasks.create_task({"title": "Send the quote to Müller GmbH", "due_date": str(today())})
    window = MainWindow(db)
    window.resize(1280, 800)
    window.move(60, 40)
    window.show()

    def settle(ms: int = 400) -> None:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.start(ms)
        while timer.isActive():
            app.processEvents()

    def shoot(name: str) -> None:
        frame = window.frameGeometry()
        shot = window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        shot.save(str(OUT / name))
        print(OUT / name)

    def answer(name: str, button: str) -> None:
        """Once the message is up: photograph the window with it, then press ``button``."""

        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QMessageBox):
                QTimer.singleShot(50, look)
                return
            settle(300)
            shoot(name)
            for candidate in dialog.findChildren(QPushButton):
                if candidate.text().replace("&", "") == button:
                    candidate.click()
                    return
            dialog.close()

        QTimer.singleShot(50, look)

    settle(1500)

    # 1. Another program holds the write lock while a task is ticked on Today.
    page = window.page("today")
    database.execute_sql("PRAGMA busy_timeout = 300")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    answer("error-locked-file.png", "Cancel")
    from PySide6.QtCore import Qt

    page.item_for("task", task).setCheckState(0, Qt.CheckState.Checked)
    other.close()
    settle()

    # 2. The disk is full while a customer is saved (SQLite's own SQLITE_FULL).
    from crm_desktop.ui.forms.registry import form_class

    form = form_class("customer")(window, record_id=1)
    form.show()
    settle()
    form.slots["notes"].editor.set_value("Met at the trade fair in Hannover. " * 2000)
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    answer("error-disk-full.png", "Cancel")
    form.save()
    database.execute_sql("PRAGMA max_page_count = 4294967294")
    form.hide()  # without the question about unsaved changes
    form.deleteLater()
    settle()

    # 3. A backup edited with another tool after it was made, chosen for a restore.
    record = create_backup(db)
    edit = sqlite3.connect(record.path)
    edit.execute("UPDATE customer SET name = 'Someone else' WHERE id = 1")
    edit.commit()
    edit.close()
    prepared = prepare_restore(record.path, db)
    confirm = ConfirmRestoreDialog(prepared, window)
    confirm.show()
    confirm.move(
        window.x() + (window.width() - confirm.width()) // 2,
        window.y() + (window.height() - confirm.height()) // 2,
    )
    settle(600)
    shoot("error-tampered-backup.png")
    confirm.reject()
    prepared.discard()
    window.close()


if __name__ == "__main__":
    main()
