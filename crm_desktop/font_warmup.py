"""fontconfig's configuration loaded on another core while the window's start imports.

Qt finds its fonts through fontconfig on Linux. fontconfig's first call parses its
configuration files and maps its font caches (~4 ms here), and the window's GUI thread
made that call when it first asked for fonts (``ui/fonts.py``), in the middle of the
start. :func:`start` makes it earlier on a thread of its own, through ``ctypes``, which
lets go of Python's interpreter lock during the call, so that it runs beside the GUI
thread's imports instead of after them. fontconfig initialises itself once, safely from
any thread (its configuration is swapped in atomically), and Qt then finds it ready.
Nothing of Qt is touched here. Elsewhere, or without the library, nothing is done.
"""

from __future__ import annotations

import sys
import threading

LIBRARY = "libfontconfig.so.1"  # the soname Qt's own libraries load


def start() -> threading.Thread | None:
    """Load fontconfig's configuration on a thread; the thread, or ``None`` where Qt does
    not use fontconfig."""
    if not sys.platform.startswith("linux"):
        return None
    thread = threading.Thread(target=_load, name="fontconfig warm-up", daemon=True)
    thread.start()
    return thread


def _load() -> None:
    try:
        import ctypes

        ctypes.CDLL(LIBRARY).FcInit()
    except (OSError, AttributeError):  # no fontconfig (a minimal system): Qt says so itself
        pass
