"""Every screen of the window at 900×600 and at 1920×1080 (the layout check of issue 11).

Run under Xvfb from the checkout::

    xvfb-run -a -s "-screen 0 1920x1080x24" \
        .venv/bin/python docs/screenshots/make_size_shots.py [OUT]

It builds a 300-customer sample database in a temporary folder and writes
``<section>-<size>.png`` for every section, the pipeline board and a
customer's page into OUT (default: a temporary folder, printed at the end),
plus ``pipeline-board.png``, ``window-900x600.png`` and ``print-preview.png``
beside this script.

The README's were taken as on a machine without a CJK system font: with
``FONTCONFIG_FILE`` pointing at a configuration that lists only
``/usr/share/fonts/truetype/dejavu``; Chinese shows through the shipped fonts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
WORK = Path(tempfile.mkdtemp(prefix="crm-sizes-"))
os.environ["CRM_DESKTOP_HOME"] = str(WORK / "home")
os.environ["CRM_DESKTOP_AUTO_BACKUP"] = "0"

from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZES = ((900, 600), (1920, 1080))


def pump(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else WORK / "shots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    from crm_desktop.services import demo, listing, open_session, settings
    from crm_desktop.ui.fonts import install_fonts
    from crm_desktop.ui.jobs import running_jobs
    from crm_desktop.ui.main_window import MainWindow

    install_fonts()
    opened = open_session(WORK / "sample.sqlite3")
    demo.generate(customers=300, seed=7, on=date.today())
    settings.set_many({"company_name": "Northwind Supplies", "currency": "USD", "locale": "en_US"})
    window = MainWindow(opened.path)
    window.show()
    window.start_background_work(offer_first_run=False)
    pump(app, 1.0)
    while running_jobs():
        pump(app, 0.1)
    keys = ["today", *[k for k in list(window.sidebar.keys()) if k != "today"]]
    for width, height in SIZES:
        window.resize(width, height)
        for key in keys:
            window.show_section(key)
            pump(app, 0.5)
            window.grab().save(str(out / f"{key}-{width}x{height}.png"))
        window.show_section("deals")
        window.current_list().show_board(True)
        pump(app, 1.2)
        window.grab().save(str(out / f"board-{width}x{height}.png"))
        if (width, height) == (1920, 1080):
            window.grab().save(str(HERE / "pipeline-board.png"))
        window.current_list().show_board(False)
        window.show_customer(listing.list_ids("customer")[0])
        pump(app, 0.8)
        window.grab().save(str(out / f"customer-{width}x{height}.png"))
        if (width, height) == (900, 600):
            window.grab().save(str(HERE / "window-900x600.png"))
        window.go_back()
    window.resize(1280, 800)
    window.show_section("orders")
    pump(app, 0.8)
    orders = window.current_list()
    orders.table.select_first_row()
    printer = next(
        a for a in window.findChildren(QAction) if a.objectName() == "printInvoiceAction"
    )
    printer.trigger()
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        pump(app, 0.2)
        preview = next((w for w in app.topLevelWidgets()
                        if w.objectName() == "printPreview" and w.isVisible()), None)  # fmt: skip
        if preview is not None:
            pump(app, 1.5)
            preview.grab().save(str(HERE / "print-preview.png"))
            preview.reject()
            break
    window.close()
    print(out)


if __name__ == "__main__":
    main()
