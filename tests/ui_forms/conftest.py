"""Qt objects a test leaves behind are deleted on the GUI thread, before the next test.

The board reads its data in a worker thread; if Python's garbage collector ran
there and met a dead test's widgets, it would destroy Qt objects off the GUI
thread (a crash). Flushing deferred deletes and collecting here prevents that.
"""

from __future__ import annotations

import gc

import pytest


@pytest.fixture(autouse=True)
def _collect_qt_garbage_on_the_gui_thread():
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
