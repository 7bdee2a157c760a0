"""Fixtures for driving the main window as a user (helpers are in ``window_helpers``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from window_helpers import make_window


@pytest.fixture
def forms_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Replace the record forms: each call (entity, id, defaults) is recorded, as if cancelled."""
    from crm_desktop.ui import forms

    calls: list[tuple] = []

    def fake_open_record(parent, entity, record_id=None, defaults=None):
        calls.append((entity, record_id, defaults))
        return None

    monkeypatch.setattr(forms, "open_record", fake_open_record)
    return calls


@pytest.fixture
def window(qtbot, demo_db: Path):
    """The main window on the small demo database, Today on screen and loaded."""
    return make_window(qtbot, demo_db)


@pytest.fixture
def empty_window(qtbot, db: Path):
    """The main window on an empty database."""
    return make_window(qtbot, db)
