"""Test setup shared by every test: offscreen Qt, a private home folder, a fresh database.

Every test runs with ``CRM_DESKTOP_HOME`` pointing at its own temporary
folder, so nothing touches the real user's data, settings or logs.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
# Never the developer's own keyring: the encryption tests put one in memory.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

from pathlib import Path

import pytest

from crm_desktop.models import close_database


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private CRM_DESKTOP_HOME (data, backups, logs, config) for each test."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("CRM_DESKTOP_HOME", str(folder))
    monkeypatch.delenv("CRM_DESKTOP_DB", raising=False)
    return folder


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
