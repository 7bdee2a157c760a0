"""Sorting 100,000 customers by a column: the top shows unless the selected row is on screen.

Run under Xvfb from the checkout, on a COPY of a big demo file (it migrates it)::

    xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python docs/screenshots/make_sort_shots.py path/to/demo-100000.sqlite3

It copies the file into a temporary folder, selects the 50,000th customer,
scrolls back to the top and sorts by city (the selected row is out of view:
the list must show its top), then scrolls the selected row into view and
sorts by name (it must stay in view). It prints what it saw and the time each
sort took, and saves ``sort-100k.png`` beside this script.
"""

from __future__ import annotations

import shutil
import sys
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shots import HERE, WORK, copy_of, pump


def main() -> None:
    db = copy_of(sys.argv[1])
    app = QApplication(sys.argv)
    from crm_desktop.services import open_session
    from crm_desktop.ui.fonts import install_fonts
    from crm_desktop.ui.main_window import MainWindow

    install_fonts()
    open_session(db, refresh_search=False)
    window = MainWindow(db)
    window.resize(900, 600)
    window.show()
    pump(app, 1.0)
    window.show_section("customers")
    page = window.current_list()
    table, header = page.table, page.table.horizontalHeader()
    keys = [column.key for column in page.section.columns]

    def sort_by(key: str) -> float:
        start = time.perf_counter()
        header.setSortIndicator(keys.index(key), Qt.SortOrder.AscendingOrder)
        pump(app, 0.02)
        while page.model.is_loading():
            pump(app, 0.02)
        return time.perf_counter() - start

    while not page.model.has_loaded() or page.model.is_loading():
        pump(app, 0.05)
    target = page.model.id_at(50_000)
    table.select_ids([target], current=target)
    table.verticalScrollBar().setValue(0)
    pump(app, 0.2)
    seconds = sort_by("city")
    print(f"{page.count():,} customers; sorted by city in {seconds:.2f} s; "
          f"top shown: {table.verticalScrollBar().value() == 0}; "
          f"still selected: {table.selected_ids() == [target]}")  # fmt: skip
    window.grab().save(str(HERE / "sort-100k.png"))
    table.scrollTo(page.model.index(page.model.row_of(target), 0))
    pump(app, 0.2)
    seconds = sort_by("name")
    row = page.model.row_of(target)
    top = table.rowViewportPosition(row)
    print(f"sorted by name in {seconds:.2f} s; the selected row (now {row:,}) in view: "
          f"{0 <= top < table.viewport().height()}")  # fmt: skip
    window.close()
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
