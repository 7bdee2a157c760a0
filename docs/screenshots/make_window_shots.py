"""Screenshots of the main window for docs/ui.md: Today, a search, overdue tasks, the trash…

Run under Xvfb from the checkout::

    xvfb-run -a -s "-screen 0 1400x900x24" \
        /work/venv/bin/python docs/screenshots/make_window_shots.py

It builds a 2,000-customer sample database in a temporary folder (never
touching the user's data) and writes the PNGs beside this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
WORK = Path(tempfile.mkdtemp(prefix="crm-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(WORK / "home")
os.environ["CRM_DESKTOP_AUTO_BACKUP"] = "0"

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def pump(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def type_text(widget, text: str) -> None:
    for ch in text:
        QApplication.sendEvent(
            widget,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )


def main() -> None:
    app = QApplication(sys.argv)
    from crm_desktop.services import demo, listing, open_session, settings, trash
    from crm_desktop.ui.first_run import FirstRunDialog
    from crm_desktop.ui.jobs import running_jobs
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    opened = open_session(WORK / "sample.sqlite3")
    demo.generate(customers=2000, seed=7)
    settings.set_many({"company_name": "Northwind Supplies", "currency": "USD", "locale": "en_US"})

    window = MainWindow(opened.path)
    window.resize(1280, 800)
    window.show()
    window.start_background_work(offer_first_run=False)
    pump(app, 1.5)
    while running_jobs():
        pump(app, 0.1)
    window.grab().save(str(HERE / "today.png"))

    window.show_section("customers")
    page = window.current_list()
    pump(app, 0.5)
    page.focus_search()
    type_text(page.filter_bar.search_box, "иван")
    pump(app, 1.0)
    page.table.select_first_row()
    pump(app, 0.3)
    window.grab().save(str(HERE / "customers-search.png"))
    page.filter_bar.search_box.clear()
    pump(app, 0.6)

    window.show_section("tasks")
    window.current_list().filter_bar.flags["overdue"].setChecked(True)
    pump(app, 0.8)
    window.grab().save(str(HERE / "tasks-overdue.png"))

    trash.move_to_trash("customer", listing.list_ids("customer")[:3])
    window.show_section("trash")
    pump(app, 0.8)
    window.grab().save(str(HERE / "trash.png"))

    dialog = PreferencesDialog(window)
    dialog.show()
    pump(app, 0.5)
    dialog.grab().save(str(HERE / "preferences.png"))
    dialog.close()
    welcome = FirstRunDialog(Path("crm.sqlite3"), window)
    welcome.show()
    pump(app, 0.5)
    welcome.grab().save(str(HERE / "first-run.png"))
    welcome.close()

    window.resize(920, 640)
    window.show_section("customers")
    pump(app, 0.8)
    window.grab().save(str(HERE / "narrow-window.png"))
    window.close()


if __name__ == "__main__":
    main()
