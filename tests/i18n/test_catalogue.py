"""The gettext catalogue is complete: every message of services, reports and CLI is translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from crm_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _extracted() -> set[tuple[str | None, str | tuple[str, ...]]]:
    """What pybabel extracts with the project's babel.cfg (the same mapping, read here),
    each message with its context (``pgettext``'s; ``None`` for most)."""
    method_map, options_map = [], {}
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: set[tuple[str | None, str | tuple[str, ...]]] = set()
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        found.add((_context, tuple(message) if isinstance(message, tuple | list) else message))
    return found


@pytest.fixture(scope="module")
def extracted():
    return _extracted()


@pytest.mark.parametrize(("code", "forms"), [("ru", 3), ("zh_CN", 1)])
def test_every_message_is_translated(extracted, code, forms):
    path = ROOT / "resources" / "translations" / f"crm_desktop_{code}.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    assert catalog.num_plurals == forms
    assert len(extracted) > 400
    missing, broken = [], []
    for context, message_id in extracted:
        key = message_id[0] if isinstance(message_id, tuple) else message_id
        found = catalog.get(key, context=context)
        strings = found.string if found is not None else None
        texts = list(strings) if isinstance(strings, tuple | list) else [strings]
        if found is None or found.fuzzy or not all(texts):
            missing.append(message_id)
            continue
        wanted = set(PLACEHOLDER.findall(message_id[-1] if isinstance(message_id, tuple) else key))
        if any(text and set(PLACEHOLDER.findall(text)) != wanted for text in texts):
            broken.append((message_id, texts))
        if isinstance(message_id, tuple):
            assert len(texts) == forms, message_id
    assert missing == [], f"{len(missing)} messages without a {code} translation: {missing[:5]}"
    assert broken == [], broken[:5]


def test_russian_plurals_and_a_catalogue_built_from_the_source(tmp_path, monkeypatch):
    monkeypatch.setenv("CRM_DESKTOP_HOME", str(tmp_path))
    before = i18n.language()
    try:
        i18n.set_language("ru")
        forms = [
            i18n.ngettext("Period {period} ({days} day)", "Period {period} ({days} days)", n)
            for n in (1, 3, 5, 21, 11)
        ]
        assert [f.split("(")[1] for f in forms] == [
            "{days} день)", "{days} дня)", "{days} дней)", "{days} день)", "{days} дней)",
        ]  # fmt: skip
        assert (tmp_path / "cache" / "translations" / "crm_desktop_ru.mo").exists()
        i18n.set_language("zh_CN")
        assert i18n.gettext("Total") == "合计"
        i18n.set_language("en")
        assert i18n.gettext("Total") == "Total"
    finally:
        i18n.set_language(before)
