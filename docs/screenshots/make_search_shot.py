"""Searching ``иван`` among 100,000 customers: best matches first, and why each row matched.

Run under Xvfb from the checkout, on a COPY of a big demo file (it migrates it)::

    xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python docs/screenshots/make_search_shot.py path/to/demo-100000.sqlite3

It types the query into the customer list's search box, waits for the rows, prints the
first rows as they show and saves ``search-ivan-100k.png`` beside this script.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
WORK = Path(tempfile.mkdtemp(prefix="crm-search-"))
os.environ["CRM_DESKTOP_HOME"] = str(WORK / "home")
os.environ["CRM_DESKTOP_AUTO_BACKUP"] = "0"

from PySide6.QtWidgets import QApplication  # noqa: E402


def pump(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> None:
    db = WORK / "big.sqlite3"
    shutil.copy(sys.argv[1], db)  # never the original: opening it migrates it
    app = QApplication(sys.argv)
    from crm_desktop.services import open_session
    from crm_desktop.ui.fonts import install_fonts
    from crm_desktop.ui.main_window import MainWindow

    install_fonts()
    open_session(db)
    window = MainWindow(db)
    window.resize(1280, 760)
    window.show()
    pump(app, 1.0)
    window.show_section("customers")
    page = window.current_list()
    pump(app, 1.0)
    page.focus_search()
    page.filter_bar.search_box.setText("иван")
    page.filter_bar.flush_search()
    pump(app, 2.0)
    column = [c.key for c in page.section.columns].index("name")
    for row in range(12):
        print(page.model.index(row, column).data())
    print(window.count_label.text())
    window.grab().save(str(HERE / "search-ivan-100k.png"))
    # Further down: the first rows found by a contact, an email, the city (reason shown).
    from PySide6.QtWidgets import QAbstractItemView

    for row in range(page.model.rowCount()):
        text = page.model.index(row, column).data() or ""
        if "  ·  " in text:
            page.table.scrollTo(
                page.model.index(row, column), QAbstractItemView.ScrollHint.PositionAtTop
            )
            print("first row found by another field:", row, text)
            break
    pump(app, 1.0)
    window.grab().save(str(HERE / "search-ivan-100k-reasons.png"))
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
