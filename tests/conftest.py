"""Test setup shared by every test: offscreen Qt, a private home folder, a fresh database.

Every test runs with ``CRM_DESKTOP_HOME`` pointing at its own temporary
folder, so nothing touches the real user's data, settings or logs. A log
record of WARNING or above that a test did not expect fails it (mark the
test ``@pytest.mark.expects_warning_log`` when the warning is the point).
"""

from __future__ import annotations

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
# Never the developer's own keyring: the encryption tests put one in memory.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

from pathlib import Path

import pytest

from crm_desktop.models import close_database


class _Collector(logging.Handler):
    """Keeps the records of WARNING and above that reach the root logger."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "expects_warning_log: the test expects a WARNING-or-above log record"
    )


@pytest.fixture(autouse=True)
def fail_on_warning_log(request: pytest.FixtureRequest):
    """An unexpected WARNING (or ERROR, CRITICAL) log record fails the test: a warning
    nobody reads is a bug nobody sees (qutebrowser does the same)."""
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    yield collector
    root.removeHandler(collector)
    if collector.records and request.node.get_closest_marker("expects_warning_log") is None:
        lines = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in collector.records[:5]]
        pytest.fail("unexpected log records:\n" + "\n".join(lines), pytrace=False)


@pytest.fixture(autouse=True)
def queries_let_go():
    """After a test, its windows are gone and the list thread holds no file: an earlier
    window's late reload must never query (and lock) the next test's database."""
    yield
    import sys

    module = sys.modules.get("crm_desktop.ui.tables.runner")
    if module is None or module._runner is None:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    jobs = sys.modules.get("crm_desktop.ui.jobs")
    if jobs is not None and jobs.running_jobs():
        jobs.wait_for_jobs(30_000)  # a job the test left running: cancelled, then ended
        QCoreApplication.processEvents()  # its last signals, while its window still exists
    # pytest-qt closed the test's widgets with deleteLater(); delete them now, so that their
    # timers cannot fire in the next test and their channels are forgotten.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert module._runner.let_go(), "the list thread did not let go of the database"


@pytest.fixture(autouse=True)
def keying_order_let_go():
    """After a test, names key in the root order again: a Russian or Chinese file of one test
    must not be the order of the next test's keys (the order is process-wide, services/text)."""
    yield
    from crm_desktop.services import text

    text.forget_order()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private CRM_DESKTOP_HOME (data, backups, logs, config) for each test."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("CRM_DESKTOP_HOME", str(folder))
    monkeypatch.delenv("CRM_DESKTOP_DB", raising=False)
    return folder


@pytest.fixture
def language():
    """``language("ru")`` switches the catalogue's language for one test; back after it."""
    from crm_desktop import i18n

    before = i18n.language()
    yield i18n.set_language
    i18n.set_language(before)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crm.sqlite3"


@pytest.fixture
def db(db_path: Path):
    """A new, empty CRM Desktop database, opened; yields its path."""
    from crm_desktop.services import open_session, settings

    open_session(db_path)
    # Tests write phone numbers of several countries; US is the default region here.
    settings.set_many({"phone_region": "US", "currency": "USD", "locale": "en_US"})
    yield db_path
    from crm_desktop.services.session import set_lock_wait

    set_lock_wait(None)  # a window of the test shortened this thread's wait
    close_database()


@pytest.fixture
def demo_db(db: Path) -> Path:
    """The database with a small, deterministic set of sample data."""
    from datetime import date

    from crm_desktop.services import demo

    demo.generate(customers=150, seed=3, on=date(2026, 6, 15))
    return db
