"""The layers run one way: ui → services → models; no Qt below the UI, no SQL inside it."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "crm_desktop"


def sources(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_no_qt_in_models_services_or_reports():
    for folder in ("models", "services", "reports"):
        for path in sources(folder):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(from|import) PySide6", text, re.M), path


def test_no_sql_and_no_peewee_in_the_ui():
    pattern = re.compile(
        r"execute_sql|\.execute\(|from peewee|import peewee|crm_desktop\.models\b(?!\.enums)"
        r"|\bSELECT\b|\bINSERT\b|\bUPDATE\b \w+ SET|\bDELETE FROM\b"
    )
    for path in sources("ui"):
        text = path.read_text(encoding="utf-8")
        # Closing this thread's connection is allowed (workers own their connection).
        text = text.replace("from crm_desktop.models import close_database", "")
        match = pattern.search(text)
        assert match is None, f"{path}: {match.group(0) if match else ''}"


def test_models_do_not_import_services_or_ui():
    for path in sources("models"):
        text = path.read_text(encoding="utf-8")
        assert "crm_desktop.services" not in text and "crm_desktop.ui" not in text, path


def test_every_module_says_what_it_is_for():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8").lstrip()
        assert text.startswith('"""') or text.startswith("'''"), f"{path} has no docstring"
