"""The first page of every bench keystroke, as ids, to compare two checkouts' answers.

A faster search must give the same pages: this writes ``search.first_page`` of each of
``bench_search.KEYSTROKES`` (ids and whether the page is complete), and of :data:`EXTRA`
at the picker's limit and the window's, to a JSON file, and compares two such files.

    .venv/bin/python bench/search_pages.py FILE OUT.json [--tree CHECKOUT]
    .venv/bin/python bench/search_pages.py --compare A.json B.json

``FILE`` is opened as it is (copy the shared files first: an older schema is upgraded in
place, and each checkout needs its own copy at its own schema). ``--tree`` runs another
checkout's code with that checkout's interpreter, as in ``search_keystrokes.py``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench_search import KEYSTROKES
from common import other_tree

# More queries than the keystrokes: the picker's prefixes, phones and emails of other
# countries, Chinese and Arabic names, several words, and hostile input.
EXTRA = [
    "a", "e", "s", "zh", "zhu", "zhou", "li", "wang", "王", "李", "张", "陈", "伟", "芳", "王芳",
    "и", "п", "пет", "петров", "ив пет", "сергей", "андрей", "й", "ё", "محمد", "أحمد", "م",
    "+1", "+1 2", "+1 21", "+33", "+33 6", "+49", "+49 1", "+49 17", "+7", "+7 9", "+7 91",
    "+86", "+86 13", "+34 6", "+44 20", "+44 79 1", "+61 4", "0", "12", "495", "8 495",
    "@y", "@ya", "@yahoo", "@hot", "@mail.ru", "@163", "gmail.com", ".de", "co.uk",
    "ltd", "gmbh", "llc", "inc", "hardware", "berlin", "paris", "madrid", "london", "tokyo",
    "maria garcia", "john sm", "jean pierre", "müller", "o'b", "=sum", "<b>&", "😀", "qq",
]  # fmt: skip
LIMITS = (15, 300)


def write_pages(db: Path, out: Path) -> None:
    from crm_desktop.services import open_session, search

    open_session(db, refresh_search=False)
    pages = {}
    for text in KEYSTROKES:
        page = search.first_page(text)
        pages[text] = [page.ids, page.complete]
    for text in EXTRA:
        for limit in LIMITS:
            page = search.first_page(text, limit)
            pages[f"{text} @{limit}"] = [page.ids, page.complete]
    out.write_text(json.dumps(pages, ensure_ascii=False))
    print(f"# {search.__file__}: {sum(len(ids) for ids, _ in pages.values()):,} ids → {out}")


def compare(first: Path, second: Path) -> int:
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    differ = [text for text in sorted(set(a) | set(b)) if a.get(text) != b.get(text)]
    ids = sum(len(ids) for ids, _ in a.values())
    print(
        f"{len(a)} pages ({len(KEYSTROKES)} keystrokes, {len(EXTRA)} more queries at limits "
        f"{LIMITS}), {ids:,} ids; different pages: {differ or 'none'}"
    )
    return 1 if differ else 0


def main() -> int:
    os.environ.setdefault("CRM_DESKTOP_AUTO_BACKUP", "0")
    args = sys.argv[1:]
    if args and args[0] == "--compare":
        return compare(Path(args[1]), Path(args[2]))
    args = other_tree(args)
    write_pages(Path(args[0]), Path(args[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
