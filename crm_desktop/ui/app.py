"""Starting the window: the QApplication, the error hook, the database, and the main window.

The window shows before the data layer is even imported: its chrome
(sidebar, menus, status bar) comes first and says it is opening the file,
while a worker thread imports the services and opens the database (a
migration, if the file is old, happens there too). When the file is open the
window attaches to it and fills Today. What can wait runs after that, off the
GUI thread: repairing the search index if another tool edited the file,
loading the in-memory search index for the first keystroke, and asking
whether to load sample data into a new, empty database.

``CRM_DESKTOP_QUIT_WHEN_READY=1`` in the environment makes the app print
``ready <epoch seconds>`` and quit as soon as its window is up and its event
loop runs (``=today``: once the Today screen is filled): the start-up
benchmark and a smoke test use it.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import Any

QUIT_WHEN_READY = "CRM_DESKTOP_QUIT_WHEN_READY"


def _ready(app: Any) -> None:
    print(f"ready {time.time():.6f}", flush=True)
    app.quit()


def run_app(db: str | None = None) -> int:
    """Open the main window on ``db`` (or the default database) and run until it closes."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from crm_desktop import APP_NAME, paths
    from crm_desktop.errors import CrmError
    from crm_desktop.logs import setup_logging
    from crm_desktop.ui.errors import explain, install_excepthook, show_error

    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("crm-desktop")
    from crm_desktop.ui.fonts import install_fonts

    install_fonts()  # Chinese shows as text, not boxes, even without a CJK system font

    from crm_desktop.ui import translation

    translation.install(app)  # before any widget: every word is looked up as it is made
    install_excepthook()
    collector = GuiThreadCollector(app)

    from crm_desktop.ui.single_instance import claim_database

    refused = claim_database(db)  # one window per database: a second start shows the first
    if refused is not None:
        return refused

    from crm_desktop.ui.jobs import run_job, wait_for_jobs
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(paths.resolve_db_path(db).absolute(), attach=False)
    window.show()
    quit_when = os.environ.get(QUIT_WHEN_READY)
    status = {"code": 0}  # 1 when the database could not be opened

    def open_database(_context: Any) -> Any:
        from crm_desktop.services import open_session

        return open_session(db, refresh_search=False)

    def opened(_opened: Any) -> None:
        window.attach()
        if quit_when == "today":
            window.page("today").loaded.connect(lambda: _ready(app))
        elif not quit_when:
            QTimer.singleShot(0, window.start_background_work)

    def failed(exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        exc = explain(exc)  # a full disk, a locked file: the environment's message
        if isinstance(exc, CrmError):
            QMessageBox.critical(window, f"{APP_NAME} cannot open the database", str(exc))
        else:
            show_error(window, "Opening the database", exc)
        window.close()
        status["code"] = 1
        app.quit()

    if quit_when and quit_when != "today":
        QTimer.singleShot(0, lambda: _ready(app))
    # Once the window has been drawn: the worker's imports would only slow its first paint.
    QTimer.singleShot(
        0,
        lambda: run_job(
            window, "Opening the database", open_database,
            on_success=opened, on_error=failed, show_progress=False, cancellable=False,
        ),
    )  # fmt: skip
    code = app.exec() or status["code"]
    if quit_when:
        os._exit(code)  # a benchmark run: the timing is taken, skip the teardown
    wait_for_jobs()
    collector.stop()
    from crm_desktop.models import close_database

    close_database()
    return code


class GuiThreadCollector:
    """Garbage collection on the GUI thread only (Anki does the same).

    Python may collect in whichever thread happens to allocate; if that is a
    worker and the garbage holds Qt widgets, Qt destroys them off the GUI
    thread and the process can crash. So automatic collection is off while
    the window runs, and a timer collects on the GUI thread instead.
    """

    INTERVAL_MS = 2000

    def __init__(self, app: Any):
        from PySide6.QtCore import QTimer

        gc.disable()
        self._timer = QTimer(app)
        self._timer.timeout.connect(self.collect)
        self._timer.start(self.INTERVAL_MS)

    @staticmethod
    def collect() -> None:
        # Young objects every time; a full collection only when the counters say so.
        gc.collect(0 if gc.get_count()[0] < 50_000 else 2)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
