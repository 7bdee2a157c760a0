"""A one-letter search among 100,000 customers: the first rows at once, the count after.

Run under Xvfb from the checkout, on a COPY of a big demo file (it migrates it)::

    xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python docs/screenshots/make_common_search_shot.py path/to/demo-100000.sqlite3

It types ``и`` into the customer list's search box, saves ``search-common-first-page.png``
as soon as the first rows are painted (the status bar counting), then
``search-common-counted.png`` once the whole list is there.
"""

from __future__ import annotations

import shutil
import sys
import time

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
    arrivals: list[tuple[float, int, str]] = []
    started = time.perf_counter()

    def arrived() -> None:
        arrivals.append((time.perf_counter() - started, page.model.rowCount(),
                         window.count_label.text()))  # fmt: skip
        if len(arrivals) == 1:
            pump(app, 0.05)
            window.grab().save(str(HERE / "search-common-first-page.png"))

    page.model.ids_loaded.connect(arrived)
    page.focus_search()
    started = time.perf_counter()
    page.filter_bar.search_box.setText("и")
    page.filter_bar.flush_search()
    while page.model.is_loading() or not arrivals:
        pump(app, 0.05)
    pump(app, 0.5)
    window.grab().save(str(HERE / "search-common-counted.png"))
    for seconds, rows, label in arrivals:
        print(f"{seconds * 1000:7.0f} ms  {rows:7,} rows  status bar: {label}")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
