"""Alt-key mnemonics: which letter a text underlines, and where two on one screen clash.

A mnemonic (``&Edit`` → Alt+E) fires the one widget that owns it; when two
visible widgets of one window (or the window's menu bar and a button of the
page on screen) underline the same letter, Alt+letter only cycles the focus
between them and does nothing. :func:`clashes` lists such pairs for a
window or dialog as it is on screen; the tests run it on every window and
dialog, and the keyboard-shortcut list (F1) uses :func:`menu_keys`.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter ``text`` underlines (upper case), or None; ``&&`` is a literal ampersand."""
    position = 0
    while (position := text.find("&", position)) != -1:
        following = text[position + 1 : position + 2]
        if following and following != "&" and not following.isspace():
            return following.upper()
        position += 2
    return None


def _owners(root: QWidget) -> list[tuple[str, str]]:
    """(text, what) of every mnemonic visible in ``root``'s window (menu bar included)."""
    found: list[tuple[str, str]] = []
    if isinstance(root, QMainWindow) and root.menuBar().isVisibleTo(root):
        found += [
            (a.text(), f"menu {a.text()!r}") for a in root.menuBar().actions() if a.isVisible()
        ]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if isinstance(widget, QAbstractButton):
            found.append((widget.text(), f"button {widget.text()!r}"))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((widget.text(), f"label {widget.text()!r}"))
        elif isinstance(widget, QGroupBox):
            found.append((widget.title(), f"group {widget.title()!r}"))
        elif isinstance(widget, QTabBar):
            found += [
                (widget.tabText(i), f"tab {widget.tabText(i)!r}") for i in range(widget.count())
            ]
    return found


def _grouped(owners: list[tuple[str, str]]) -> list[str]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text, what in owners:
        letter = mnemonic(text)
        if letter is not None:
            by_letter[letter].append(what)
    return [f"Alt+{letter}: {', '.join(whats)}" for letter, whats in sorted(by_letter.items())
            if len(whats) > 1]  # fmt: skip


def clashes(root: QWidget) -> list[str]:
    """Every letter that two visible widgets of ``root`` (or two items of one menu) share."""
    found = _grouped(_owners(root))
    menus = list(root.findChildren(QMenu))
    if isinstance(root, QMainWindow):
        menus += [a.menu() for a in root.menuBar().actions() if a.menu() is not None]
    for menu in dict.fromkeys(menus):
        items = [(a.text(), f"{menu.title()!r} item {a.text()!r}")
                 for a in menu.actions() if not a.isSeparator() and a.isVisible()]  # fmt: skip
        found += [f"in menu {menu.title()!r}: {clash}" for clash in _grouped(items)]
    return found


def menu_keys(window: QMainWindow) -> dict[QAction, str]:
    """How each menu command is reached from the keyboard: ``Alt+T, B`` (menu, then item)."""
    keys: dict[QAction, str] = {}

    def walk(menu: QMenu, prefix: str) -> None:
        for action in menu.actions():
            letter = mnemonic(action.text())
            if action.isSeparator() or letter is None:
                continue
            path = f"{prefix}, {letter}"
            if action.menu() is not None:
                walk(action.menu(), path)
            else:
                keys[action] = path

    for top in window.menuBar().actions():
        letter = mnemonic(top.text())
        if top.menu() is not None and letter is not None:
            walk(top.menu(), f"Alt+{letter}")
    return keys


def screen_keys(window: QWidget) -> list[tuple[str, str]]:
    """(button text, ``Alt+C``) of the buttons on screen that have a mnemonic."""
    found = []
    for widget in window.findChildren(QAbstractButton):
        letter = mnemonic(widget.text())
        if letter is not None and widget.isVisibleTo(window) and widget.window() is window:
            found.append((plain_text(widget.text()), f"Alt+{letter}"))
    return found


def plain_text(text: str) -> str:
    """A text without its mnemonic marks (``&&`` stays one ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an ``&`` before a free letter: a word's first letter if one is free,
    else any letter; unchanged when it has one or no letter is free. Adds it to ``taken``."""
    if mnemonic(text) is not None or not text:
        return text
    starts = [
        i for i, ch in enumerate(text) if ch.isalnum() and (i == 0 or not text[i - 1].isalnum())
    ]
    others = [i for i, ch in enumerate(text) if ch.isalnum() and i not in starts]
    for position in (*starts, *others):
        letter = text[position].upper()
        if letter not in taken:
            taken.add(letter)
            return f"{text[:position]}&{text[position:]}"
    return text


def fill_menu(menu: QMenu) -> None:
    """Give every item of ``menu`` (and its submenus) without a mnemonic a free one."""
    items = [a for a in menu.actions() if not a.isSeparator()]
    taken = {letter for a in items if (letter := mnemonic(a.text())) is not None}
    for action in items:
        action.setText(with_mnemonic(action.text().replace("&&", "\0"), taken).replace("\0", "&&"))
        if action.menu() is not None:
            fill_menu(action.menu())
