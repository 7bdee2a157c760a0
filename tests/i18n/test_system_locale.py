"""The user's locale as the messages' language and the settings' defaults read it."""

from __future__ import annotations

import locale

import pytest

from crm_desktop import i18n
from crm_desktop.services import settings


@pytest.mark.parametrize(
    ("env", "system", "expected"),
    [
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN", "ru_RU"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "ru_RU.UTF-8"}, "en_GB", "zh_CN"),
        ({"LANG": "sr_RS.UTF-8@latin"}, "en_GB", "sr_RS"),
        ({"LANG": "C.UTF-8"}, "ar_EG", "ar_EG"),  # the environment says nothing: the system
        ({"LC_ALL": "POSIX"}, None, "en_US"),
        ({}, None, "en_US"),
    ],
)
def test_the_environment_first_then_the_system(monkeypatch, env, system, expected):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(locale, "getlocale", lambda *_: (system, "UTF-8"))
    assert i18n.system_locale_name() == expected


def test_the_settings_ask_the_system_first(monkeypatch):
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    monkeypatch.setattr(locale, "getlocale", lambda *_: ("zh_CN", "UTF-8"))
    assert settings.system_locale_name() == "zh_CN"
    monkeypatch.setattr(locale, "getlocale", lambda *_: (None, None))
    assert settings.system_locale_name() == "ru_RU"
