"""The remembered CLDR facts say what Babel says, survive a damaged cache, and follow Babel."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.services import locale_facts, locale_format, money

CASES = [
    ("en_US", "USD"),
    ("ru_RU", "RUB"),
    ("zh_CN", "CNY"),
    ("ja_JP", "JPY"),
    ("de_DE", "EUR"),
    ("ar_EG", "EGP"),
    ("fr_CH", "chf"),  # a currency typed in lower case
]
AMOUNTS = [0, 1, -1, 5, 99, 100, -123456, 1234567890, -(10**15)]


@pytest.fixture(autouse=True)
def fresh_memory():
    locale_facts._memory.clear()
    yield
    locale_facts._memory.clear()


def written_by_babel(locale: str, currency: str) -> dict[str, object]:
    exponent = money.currency_exponent(currency)
    return {
        "date": locale_format.date_pattern(locale),
        "time": locale_format.time_pattern(locale),
        "money": [money.format_money(c, currency, locale) for c in AMOUNTS],
        "amount": [money.format_amount(c, exponent=exponent, locale=locale) for c in AMOUNTS],
    }


def written_from_facts(locale: str, currency: str) -> dict[str, object]:
    facts = locale_facts.locale_facts(locale, currency)
    exponent = money.currency_exponent(currency)
    return {
        "date": facts.date_pattern,
        "time": facts.time_pattern,
        "money": [facts.money.money(c, exponent) for c in AMOUNTS],
        "amount": [facts.numbers.amount(c, exponent) for c in AMOUNTS],
    }


@pytest.mark.parametrize(("locale", "currency"), CASES)
def test_the_facts_write_what_babel_writes_computed_and_read_back(locale, currency):
    expected = written_by_babel(locale, currency)
    assert written_from_facts(locale, currency) == expected  # computed, then kept
    assert locale_facts.cache_path().exists()
    locale_facts._memory.clear()  # as the next start: from the file
    assert written_from_facts(locale, currency) == expected


def test_the_window_formats_write_the_services_text(demo_db: Path):
    from crm_desktop.ui.formats import Formats

    for locale, currency in CASES:
        formats = Formats(currency.upper(), locale)
        exponent = money.currency_exponent(currency)
        for cents in AMOUNTS:
            assert formats.money(cents) == money.format_money(cents, currency, locale)
            assert formats.amount(cents) == money.format_amount(
                cents, exponent=exponent, locale=locale
            )
        assert formats.decimal_point == money.format_amount(1, exponent=1, locale=locale)[1]
        assert formats.date_pattern == locale_format.date_pattern(locale)
        assert formats.time_pattern == locale_format.qt_time_pattern(locale)


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00\xff not json", b"[1, 2]", b'{"x": 1}', None],
    ids=["empty", "binary", "a list", "other keys", "wrong types"],
)
def test_a_damaged_cache_is_computed_again(damage):
    facts = locale_facts.locale_facts("ru_RU", "RUB")
    path = locale_facts.cache_path()
    if damage is None:  # the right key, nonsense inside
        stored = json.loads(path.read_text(encoding="utf-8"))
        for key in stored:
            stored[key] = {"date_pattern": 5, "numbers": {"grouping": "x"}}
        path.write_text(json.dumps(stored), encoding="utf-8")
    else:
        path.write_bytes(damage)
    locale_facts._memory.clear()
    assert locale_facts.locale_facts("ru_RU", "RUB") == facts
    locale_facts._memory.clear()
    stored = json.loads(path.read_text(encoding="utf-8"))  # written again, whole
    assert any(key.endswith("|ru_RU|RUB") for key in stored)


def test_another_babel_computes_the_facts_again_and_drops_the_old(monkeypatch):
    locale_facts.locale_facts("en_US", "USD")
    path = locale_facts.cache_path()
    stored = json.loads(path.read_text(encoding="utf-8"))
    (key,) = stored
    stored[key]["date_pattern"] = "yyyy!"  # what an older Babel "said"
    path.write_text(json.dumps(stored), encoding="utf-8")
    locale_facts._memory.clear()
    assert locale_facts.locale_facts("en_US", "USD").date_pattern == "yyyy!"  # trusted
    monkeypatch.setattr(locale_facts, "_babel_stamp", lambda: "another-babel")
    locale_facts._memory.clear()
    assert locale_facts.locale_facts("en_US", "USD").date_pattern == "M/d/yyyy"
    assert list(json.loads(path.read_text(encoding="utf-8"))) == ["another-babel|en_US|USD"]


def test_the_region_currency_is_remembered():
    from crm_desktop.services.country_defaults import defaults_for

    for region in ("RU", "CN", "DE", "US", "JP", "ZZ"):
        assert locale_facts.region_currency(region) == defaults_for(region).currency
    locale_facts._memory.clear()
    assert locale_facts.region_currency("RU") == "RUB"


def test_a_cache_that_cannot_be_written_is_only_a_cost(tmp_path, monkeypatch):
    blocker = tmp_path / "a file where the cache folder should be"
    blocker.write_text("")
    monkeypatch.setattr(locale_facts, "cache_path", lambda: blocker / "locale-facts.json")
    assert locale_facts.locale_facts("zh_CN", "CNY").money.money(100, 2) == "¥1.00"
    assert blocker.is_file()


def test_the_cache_is_private_to_the_user():
    locale_facts.locale_facts("en_US", "USD")
    path = locale_facts.cache_path()
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0


PROBE = """
import os, sys
os._exit = lambda status: None  # the app's quick exit in QUIT_WHEN_READY mode: look first
from crm_desktop.cli import main
status = main(["--db", sys.argv[1]])
print("BABEL:" + ("loaded" if "babel" in sys.modules else "not loaded"))
sys.exit(status)
"""


def test_the_second_start_shows_today_without_importing_babel(demo_db: Path, home: Path):
    from crm_desktop.models import close_database

    close_database()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CRM_DESKTOP_QUIT_WHEN_READY": "today",
        "CRM_DESKTOP_AUTO_BACKUP": "0",
        "CRM_DESKTOP_HOME": str(home),
    }
    said = []
    for _start in range(2):
        result = subprocess.run(
            [sys.executable, "-c", PROBE, str(demo_db)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        said.append(next(x for x in result.stdout.splitlines() if x.startswith("BABEL:")))
    assert said == ["BABEL:loaded", "BABEL:not loaded"]  # the first start kept the facts
