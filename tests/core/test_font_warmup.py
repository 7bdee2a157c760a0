"""fontconfig's configuration loaded on another thread while the window starts: done
through fontconfig's own library, never through Qt, and nothing when it is missing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from crm_desktop import font_warmup

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig: Linux")


@linux_only
def test_the_warm_up_initialises_fontconfig_on_its_own_thread(monkeypatch):
    import ctypes

    calls: list[tuple[str, str]] = []

    class Library:
        def __init__(self, name: str):
            self.name = name

        def FcInit(self) -> int:  # fontconfig's name
            import threading

            calls.append((self.name, threading.current_thread().name))
            return 1

    monkeypatch.setattr(ctypes, "CDLL", Library)
    thread = font_warmup.start()
    assert thread is not None
    thread.join(10)
    assert calls == [("libfontconfig.so.1", "fontconfig warm-up")]


@linux_only
def test_a_system_without_fontconfig_starts_all_the_same(monkeypatch):
    import ctypes

    def missing(name: str):
        raise OSError(f"{name}: cannot open shared object file")

    import threading

    escaped: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: escaped.append(args.exc_value))
    monkeypatch.setattr(ctypes, "CDLL", missing)
    thread = font_warmup.start()
    assert thread is not None
    thread.join(10)
    assert not thread.is_alive() and escaped == []  # it ended quietly


def test_nothing_is_started_where_qt_does_not_use_fontconfig(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert font_warmup.start() is None


def test_the_warm_up_touches_nothing_of_qt():
    """It runs beside the GUI thread's imports: PySide6's types are made on first use,
    which is not safe from two threads at once."""
    code = (
        "import sys; from crm_desktop import font_warmup; font_warmup.start().join(10); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', "
        "'crm_desktop.ui'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
