"""Starting the window: the QApplication, the error hook, the database, and the main window.

As soon as this process has claimed the file (one window per database), a
worker thread reads what Today shows straight from the file with a plain,
read-only connection (``services/first_screen.read_from_file``: no peewee, no
models), while the GUI thread builds the window's chrome (sidebar, menus,
status bar), which says it is opening the file. Today is filled as it is made
and painted; then a job opens the file for the window (``open_session``), and
the window builds the rest (lists, row commands: ``MainWindow.finish_attach``);
what the user asks for meanwhile waits for it (``ui/early_input.py``). A file
that cannot be read that way (new, encrypted, old, locked…) is opened first
and Today read through it, as before. What can wait comes after, each step in
its own turn of the event loop so that a click is never kept waiting long: the
backup service's part of the opening (its guard before bulk changes; removing
what a killed restore left beside the file), the feature packages' menus, then,
off the GUI thread, repairing the search rows if another tool edited the file
(building the search index if its rows were dropped), and asking whether to
load sample data into a new, empty database.

``CRM_DESKTOP_QUIT_WHEN_READY=today`` in the environment makes the app print
``ready <epoch seconds>`` and quit once Today is painted with all its data and the
file is open for the window (a
smoke test uses it; the start-up benchmark watches paint events itself, see
``bench/ui_probe.py``).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    pass

from PySide6.QtCore import QCoreApplication

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
    app = cast(QApplication, QApplication.instance()) or QApplication(sys.argv)
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

    quit_when = os.environ.get(QUIT_WHEN_READY)
    status = {"code": 0}  # 1 when the database could not be opened
    window: Any = None  # made while the file opens; the job's callbacks come after

    target = paths.resolve_db_path(db).absolute()

    def open_database(_context: Any) -> Any:
        # Today first, read without the models when the file allows it; the file is then
        # opened once Today is painted (services/first_screen.py says when and why).
        from crm_desktop.services.first_screen import read_from_file

        first = read_from_file(target)
        if first is not None:
            return None, first
        from crm_desktop.services.first_screen import read_first_screen
        from crm_desktop.services.session import open_session

        opened = open_session(db, refresh_search=False, backups_later=True)
        return opened, read_first_screen()

    def open_session_now(_context: Any) -> Any:
        from crm_desktop.services.session import open_session

        return open_session(db, refresh_search=False, backups_later=True)

    def opened(result: Any) -> None:
        session, first = result
        window.attach(features_later=True, first=first, session_later=session is None)
        # Nothing else competes with Today for the CPU until it is on screen with its data:
        # opening the file for the window (when Today was read before), the lists and row
        # commands, the feature packages' menus, then the background work (search index,
        # list pages) come after, each in a later turn of the event loop (the frame is out).
        from crm_desktop.ui.painted import after_next_paint

        opening = {"started": session is not None}

        def open_for_the_window() -> None:
            if opening["started"]:
                return
            opening["started"] = True
            run_job(
                window, QCoreApplication.translate("app", "Opening the database"),
                open_session_now, on_success=lambda _opened: whole(), on_error=failed,
                show_progress=False, cancellable=False,
            )  # fmt: skip
            # The lists' and commands' code meanwhile (the GUI thread would only wait).
            QTimer.singleShot(0, window, _import_first_pages)

        def after_today() -> None:
            # What needs the ``Qt`` namespace and never showed (its cursors…), a turn later.
            QTimer.singleShot(0, today, today.finish)
            if session is not None:
                whole()
            else:
                open_for_the_window()

        if session is None and window.waits_for_the_file():
            # Something else was asked for already (Ctrl+2 as the window came): the file
            # opens now, not after Today's paint, for what was asked.
            open_for_the_window()

        def whole() -> None:
            window.finish_attach(features_later=True)
            if quit_when:
                _ready(app)
                return
            _after_the_screen(window, later)

        def later() -> None:
            from crm_desktop.services.session import finish_opening

            # The backup service's part of the opening first: its guard before bulk changes.
            QTimer.singleShot(0, window, lambda: finish_opening(window.db_path))
            QTimer.singleShot(0, window, window.install_features)
            QTimer.singleShot(0, window, window.start_background_work)
            # A later start on this file brings this window forward from now on.
            from crm_desktop.ui.single_instance import listen_now

            QTimer.singleShot(0, window, listen_now)

        today = window.page("today")
        _when_ready(today, lambda: after_next_paint(today, after_today))

    def failed(exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from crm_desktop.services.encryption_keys import EncryptionKeyError

        if isinstance(exc, EncryptionKeyError):  # an encrypted file, its key not here
            from crm_desktop.ui.encryption.recovery_key import ask_recovery_key

            if ask_recovery_key(window, exc.path):
                start_opening()
                return
        exc = explain(exc)  # a full disk, a locked file: the environment's message
        if isinstance(exc, CrmError):
            QMessageBox.critical(
                window,
                QCoreApplication.translate("app", "{APP_NAME} cannot open the database").format(
                    APP_NAME=APP_NAME
                ),
                str(exc),
            )
        else:
            show_error(window, QCoreApplication.translate("app", "Opening the database"), exc)
        window.close()
        status["code"] = 1
        app.quit()

    def start_opening() -> None:
        run_job(
            window, QCoreApplication.translate("app", "Opening the database"), open_database,
            on_success=opened, on_error=failed, show_progress=False, cancellable=False,
        )  # fmt: skip

    # The file opens while the window is built: its callbacks run from the event loop,
    # once the window exists.
    start_opening()
    window = MainWindow(target, attach=False)
    window.show()
    # While Today's data is read, the GUI thread would wait: it builds Today's cards then.
    QTimer.singleShot(0, window, window.prepare_today)
    code = app.exec() or status["code"]
    if quit_when:
        os._exit(code)  # a benchmark run: the timing is taken, skip the teardown
    wait_for_jobs()
    collector.stop()
    from crm_desktop.services.session import close_session

    close_session()
    return code


def _import_first_pages() -> None:
    """What :meth:`MainWindow.finish_attach` needs, imported while the file opens."""
    import crm_desktop.ui.sections
    import crm_desktop.ui.tables.commands  # noqa: F401


def _after_the_screen(window: Any, then: Any) -> None:
    """Call ``then`` once the section on screen holds its data and is painted: Today is
    already; a list chosen before the file was open (Ctrl+2 at start) once its rows are
    (the background work would compete with them for the CPU)."""
    from PySide6.QtCore import QTimer

    from crm_desktop.ui.painted import after_next_paint

    page = window.current_list()
    if page is None or (page.model.has_loaded() and not page.model.is_loading()):
        then()
        return
    done = {"once": False}

    def loaded(*_: Any) -> None:
        if not done["once"]:
            done["once"] = True
            after_next_paint(page, then)

    page.model.ids_loaded.connect(loaded)
    QTimer.singleShot(2000, window, loaded)  # a list that never loads: go on anyway


def _when_ready(today: Any, then: Any) -> None:
    """Call ``then`` once Today holds all its data."""
    if today.is_ready:
        then()
    else:
        today.ready.connect(then)


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
