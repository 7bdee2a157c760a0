"""Searching ``иван`` among 100,000 customers: best matches first, and why each row matched.

Run under Xvfb from the checkout, on a COPY of a big demo file (it migrates it)::

    xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python docs/screenshots/make_search_shot.py path/to/demo-100000.sqlite3

It types the query into the customer list's search box, waits for the rows, prints the
first rows as they show and saves ``search-ivan-100k.png`` beside this script.
"""

from __future__ import annotations

import shutil
import sys

from PySide6.QtWidgets import QApplication
from shots import HERE, WORK, copy_of, pump


def main() -> None:
    db = copy_of(sys.argv[1])
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
