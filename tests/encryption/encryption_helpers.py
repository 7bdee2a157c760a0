"""Helpers of the encryption tests (a module of its own: every test folder has a conftest)."""

from __future__ import annotations


def forget_everything(ring) -> None:
    """As on another computer: neither this process nor the keyring holds any key."""
    from crm_desktop.models import cipher, close_database

    close_database()
    cipher.forget()
    ring.secrets.clear()
