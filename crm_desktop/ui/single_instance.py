"""One window per database, the Qt side: a second start brings the first window to the front.

The lock itself is :mod:`crm_desktop.services.instance_lock` (a file beside
the database; a lock left by a killed process is stale and ignored). The
window that holds it also listens on a ``QLocalServer`` named after the
database; a second start on the same file finds the lock taken, asks that
server to show its window, and ends — or, when the first window cannot be
reached (another user, another host), says that the file is already open.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from crm_desktop import APP_NAME
from crm_desktop.errors import CrmError
from crm_desktop.paths import resolve_db_path
from crm_desktop.safe_files import private_folder
from crm_desktop.services.instance_lock import (
    AlreadyOpenError,
    InstanceLock,
    acquire_instance_lock,
)

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = b"show\n"
# The window calls :func:`listen_now` once Today is painted; this is the latest it starts
# listening when the first screen takes long (a key asked, an old file upgraded).
LISTEN_DELAY_MS = 2000


def server_name(db_path: Path) -> str:
    """The local socket of the window of ``db_path`` (per user and per file)."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = f"{user}\0{os.path.realpath(db_path)}".encode()
    return "crm-desktop-" + hashlib.sha1(key, usedforsecurity=False).hexdigest()[:20]


def ask_first_window_to_show(db_path: Path, timeout_ms: int = 1000) -> bool:
    """Ask the window holding ``db_path`` to come to the front; False if it cannot be reached."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    written = socket.write(SHOW)
    socket.flush()
    if socket.bytesToWrite():
        socket.waitForBytesWritten(timeout_ms)
    ok = written == len(SHOW) and not socket.bytesToWrite()
    socket.disconnectFromServer()
    return ok


class InstanceClaim(QObject):
    """This process's lock on the database and the server that answers later starts.

    The server starts listening once the first screen is painted (importing
    QtNetwork and listening cost the GUI thread ~25 ms, which Today's paint
    would otherwise wait for), or after :data:`LISTEN_DELAY_MS` at the latest;
    a second start in that first instant is told the file is open instead of
    seeing this window come forward.
    """

    def __init__(self, lock: InstanceLock):
        app = QApplication.instance()
        super().__init__(app)
        self.lock = lock
        self.server: QLocalServer | None = None
        QTimer.singleShot(LISTEN_DELAY_MS, self, self.listen)
        if app is not None:
            app.aboutToQuit.connect(self.release)

    def listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None or not self.lock_held():
            return
        self.server = QLocalServer(self)
        name = server_name(self.lock.db_path)
        QLocalServer.removeServer(name)  # a socket left by a killed window (we hold the lock)
        if not self.server.listen(name):
            log.warning("cannot listen on %s: %s", name, self.server.errorString())
        self.server.newConnection.connect(self._connected)

    def lock_held(self) -> bool:
        return _current is self

    def _connected(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            show_main_window()

    def release(self) -> None:
        global _current
        if self.server is not None:
            self.server.close()
        self.lock.release()
        if _current is self:
            _current = None


def show_main_window() -> None:
    """Bring this process's main window to the front."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            if widget.isMinimized():
                widget.showNormal()
            widget.raise_()
            widget.activateWindow()
            return


_current: InstanceClaim | None = None


def listen_now() -> None:
    """Start answering later starts now (the window calls it once its first screen is
    painted); nothing when this process holds no claim or already listens."""
    if _current is not None:
        _current.listen()


def claim_database(db: str | os.PathLike[str] | None) -> int | None:
    """Take the database for this window: None when it is ours, else the exit status to end with.

    Needs the QApplication. A database in a folder that does not exist yet
    is left to ``open_session`` (which creates the default folder or explains).
    """
    global _current
    if _current is not None:  # a previous window of this process (tests run several)
        _current.release()
    path = resolve_db_path(db).absolute()
    if not path.parent.is_dir():
        if db is not None:
            return None
        try:
            private_folder(path.parent)  # the data folder: ours, private to the user
        except OSError as exc:
            log.warning("cannot create %s: %s", path.parent, exc)
            return None  # open_session says why, in the window
    try:
        lock = acquire_instance_lock(path)
    except AlreadyOpenError as exc:
        if ask_first_window_to_show(path):
            log.info("%s is open in another window: brought it to the front", path)
            return 0
        from PySide6.QtWidgets import QMessageBox  # its enums only for this message

        QMessageBox.information(None, APP_NAME, str(exc))
        return 1
    except CrmError as exc:
        log.warning("no instance lock for %s: %s", path, exc)
        return None  # a read-only folder: open_session explains it
    _current = InstanceClaim(lock)
    return None
