"""The window writing a big report and a big export: the progress dialog, then Cancel.

Run under Xvfb from the checkout, with a copy of a big demo file::

    xvfb-run -a -s "-screen 0 1920x1080x24" \
        .venv/bin/python docs/screenshots/make_big_documents_shots.py bench/out/demo-100000.sqlite3

Writes ``big-report-progress.png`` (Reports › Sales by customer as PDF, while
it is written) and ``big-export-progress.png`` (File › Export current view… of
the customer table as xlsx) beside this script; each job is then cancelled and
the script checks that no file was left.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QProgressDialog
from shots import HERE, WORK, copy_of, pump


def grab_with_dialog(app: QApplication, window, name: str, seconds: float) -> None:
    """Wait until the progress dialog shows a moving bar, then grab the screen."""
    pump(app, seconds)
    frame = window.frameGeometry()
    shot = app.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    shot.save(str(HERE / name))
    dialogs = [d for d in app.allWidgets() if isinstance(d, QProgressDialog) and d.isVisible()]
    if not dialogs:
        shown = [type(w).__name__ for w in app.topLevelWidgets() if w.isVisible()]
        print("visible top-level widgets:", shown)
    for dialog in dialogs:
        print(f"{name}: {dialog.labelText()!r} {dialog.value()}/{dialog.maximum()}")
    assert dialogs, "no progress dialog shown"


def main() -> None:
    app = QApplication(sys.argv)
    from crm_desktop.services import open_session
    from crm_desktop.ui.fonts import install_fonts
    from crm_desktop.ui.jobs import running_jobs
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.reports.screen import ReportsScreen

    install_fonts()
    opened = open_session(copy_of(sys.argv[1]))
    window = MainWindow(opened.path)
    window.resize(1280, 800)
    window.show()
    window.start_background_work(offer_first_run=False)
    pump(app, 2.0)
    while running_jobs():
        pump(app, 0.2)

    out = WORK / "out"
    out.mkdir()
    window.show_section("reports")
    pump(app, 1.0)
    screen = window.findChild(ReportsScreen)
    screen.choose_path = lambda suggested: out / suggested.name
    screen.report_box.setCurrentIndex(screen.report_box.findData("customers"))
    screen.format_box.setCurrentIndex(screen.format_box.findData("pdf"))
    screen.period_box.setCurrentIndex(screen.period_box.findData("this_year"))
    job = screen.generate()
    print("report job:", job, job.is_running() if job else None)
    grab_with_dialog(app, window, "big-report-progress.png", 25.0)
    job.cancel()
    while job.is_running():
        pump(app, 0.2)
    pump(app, 0.5)
    print("report: after cancel", sorted(p.name for p in out.iterdir()))

    window.show_section("customers")
    pump(app, 1.5)
    from crm_desktop.ui.transfer import exports

    job = exports.export_current_view(window, "customer", window.current_query(),
                                      out / "customers.xlsx")  # fmt: skip
    grab_with_dialog(app, window, "big-export-progress.png", 8.0)
    job.cancel()
    while job.is_running():
        pump(app, 0.2)
    pump(app, 0.5)
    print("export: after cancel", sorted(p.name for p in out.iterdir()))
    window.close()


if __name__ == "__main__":
    main()
    print(Path(HERE / "big-report-progress.png"))
