"""Starting the window: the QApplication, the database, and the main window."""

from __future__ import annotations

import sys


def run_app(db: str | None = None) -> int:
    """Open the main window on ``db`` (or the default database) and run until it closes."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from crm_desktop import APP_NAME
    from crm_desktop.services import open_session

    app = QApplication.instance() or QApplication(sys.argv)
    opened = open_session(db, refresh_search=False)
    window = QMainWindow()
    window.setWindowTitle(f"{opened.path.name} — {APP_NAME}")
    window.resize(1100, 700)
    window.show()
    return app.exec()
