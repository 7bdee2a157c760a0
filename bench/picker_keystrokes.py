"""The customer picker's keystrokes alone, as ``bench_forms.py`` times them, on a file as it is.

``bench_forms.py`` times the picker after the board and the customer page, on a copy of the
demo file it makes; this runs only the picker's loop (``customers.customer_choices`` with
``limit=15`` for every prefix of the same ten queries), ``ROUNDS`` times in one process,
so that main's code and this tree's can alternate on the same file:

    .venv/bin/python bench/picker_keystrokes.py FILE [ROUNDS] [--tree CHECKOUT]

``FILE`` is opened as it is (copy the shared files first). ``--tree`` runs another
checkout's code with that checkout's interpreter, as in ``search_keystrokes.py``. Each
round prints the median and p95 of its 35 keystrokes (wall, ms) and the slowest ones.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from bench_search import load_average
from common import other_tree, percentile

QUERIES = ["ива", "ИВАН", "zhang", "王", "smith", "gmbh", "+1 4", "müll", "北京", "ltd"]


def main() -> None:
    os.environ.setdefault("CRM_DESKTOP_AUTO_BACKUP", "0")
    args = other_tree(sys.argv[1:])
    rounds = int(args[1]) if len(args) > 1 else 3
    from crm_desktop.services import customers, open_session, search

    before = load_average()
    open_session(Path(args[0]))  # as bench_forms: the search rows checked first
    print(f"# {search.__file__}; load average {before}")
    for round_ in range(rounds):
        times: list[tuple[str, float]] = []
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                customers.customer_choices(query[:end], limit=15)
                times.append((query[:end], (time.perf_counter() - started) * 1000))
        values = [ms for _, ms in times]
        slow = sorted(times, key=lambda item: -item[1])[:4]
        print(
            f"round {round_ + 1}: median / p95 {statistics.median(values):.1f} / "
            f"{percentile(values, 95):.1f} ms; slowest "
            + ", ".join(f"{text} {ms:.0f}" for text, ms in slow)
        )
    print(f"# load average after: {load_average()}")


if __name__ == "__main__":
    main()
