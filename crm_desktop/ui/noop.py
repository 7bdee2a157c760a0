"""Typed stand-ins for Qt's ``QT_TR_NOOP`` and ``QT_TRANSLATE_NOOP``.

They mark a text declared in data for ``pyside6-lupdate`` (which finds the
calls by name) and return it unchanged, as Qt's do; PySide6's stubs type Qt's
as returning ``object``, which would make every declared title untyped.
"""

from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
