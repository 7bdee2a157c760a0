"""Starting the window: the QApplication, the error hook, the database, and the main window.

The window shows as soon as the database is open; what can wait runs after
it, off the GUI thread: repairing the search index if another tool edited
the file, loading the in-memory search index for the first keystroke, and
asking whether to load sample data into a new, empty database.

``CRM_DESKTOP_QUIT_WHEN_READY=1`` in the environment makes the app quit as
soon as its event loop first runs (``=today``: once the Today screen is
filled): the start-up benchmark and a smoke test use it to time process
start to an interactive window.
"""

from __future__ import annotations

import os
import sys

QUIT_WHEN_READY = "CRM_DESKTOP_QUIT_WHEN_READY"


def _import_services() -> None:
    """Import the services before Qt.

    PySide6 reads the source of every module imported after it (looking for its
    ``__feature__`` switches), which costs ~0.1 s over the ~800 modules the services
    bring in; they do not use Qt, so they come first.
    """
    import crm_desktop.services
    import crm_desktop.services.listing
    import crm_desktop.services.trash  # noqa: F401


def run_app(db: str | None = None) -> int:
    """Open the main window on ``db`` (or the default database) and run until it closes."""
    _import_services()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from crm_desktop import APP_NAME
    from crm_desktop.errors import CrmError
    from crm_desktop.logs import setup_logging
    from crm_desktop.ui.errors import install_excepthook

    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("crm-desktop")
    install_excepthook()

    from crm_desktop.ui.single_instance import claim_database

    refused = claim_database(db)  # one window per database: a second start shows the first
    if refused is not None:
        return refused

    from crm_desktop.models import close_database
    from crm_desktop.services import open_session

    try:
        opened = open_session(db, refresh_search=False)
    except CrmError as exc:
        QMessageBox.critical(None, f"{APP_NAME} cannot open the database", str(exc))
        return 1

    from crm_desktop.ui.jobs import wait_for_jobs
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(opened.path)
    window.show()
    quit_when = os.environ.get(QUIT_WHEN_READY)
    if quit_when == "today":
        window.page("today").loaded.connect(app.quit)
    elif quit_when:
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, window.start_background_work)
    code = app.exec()
    wait_for_jobs()
    close_database()
    return code
