"""Fixtures of the translation tests: a database whose data has no Latin letters."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def cyrillic_db(demo_db: Path) -> Path:
    """The demo database with its texts made Cyrillic and formats set to Russia."""
    from tour import scrub_latin_data

    from crm_desktop.models import close_database
    from crm_desktop.services import open_session, settings

    close_database()
    scrub_latin_data(demo_db)
    open_session(demo_db)
    settings.set_many({"locale": "ru_RU", "currency": "RUB", "phone_region": "RU"})
    return demo_db
