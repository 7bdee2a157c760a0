"""The first page of every bench keystroke, as ids, to compare two checkouts' answers.

A faster search must give the same pages: this writes ``search.first_page`` of each of
``bench_search.KEYSTROKES`` (ids and whether the page is complete) to a JSON file, and
compares two such files.

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


def write_pages(db: Path, out: Path) -> None:
    from crm_desktop.services import open_session, search

    open_session(db, refresh_search=False)
    pages = {}
    for text in KEYSTROKES:
        page = search.first_page(text)
        pages[text] = [page.ids, page.complete]
    out.write_text(json.dumps(pages, ensure_ascii=False))
    print(f"# {search.__file__}: {sum(len(ids) for ids, _ in pages.values()):,} ids → {out}")


def compare(first: Path, second: Path) -> int:
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    differ = [text for text in KEYSTROKES if a.get(text) != b.get(text)]
    ids = sum(len(ids) for ids, _ in a.values())
    print(f"{len(KEYSTROKES)} keystrokes, {ids:,} ids; different pages: {differ or 'none'}")
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
