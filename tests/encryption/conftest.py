"""Encryption tests: a keyring in memory (never the developer's), and no key kept between tests."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """A keyring that lives as long as the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch):
    from crm_desktop.models import cipher

    monkeypatch.delenv("CRM_DESKTOP_RECOVERY_KEY", raising=False)
    ring = MemoryKeyring()
    before = keyring.get_keyring()
    keyring.set_keyring(ring)
    cipher.forget()
    yield ring
    cipher.forget()
    keyring.set_keyring(before)


@pytest.fixture
def released(qtbot):
    """No connection of the window's list thread on the file (an earlier test's window may
    have reloaded its lists on this test's file): a conversion swaps it, as a restore does."""
    import sys

    if "crm_desktop.ui.tables.runner" not in sys.modules:
        return
    from crm_desktop.ui.backup.restore_flow import release_connections

    done: list[bool] = []
    release_connections(lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done))
