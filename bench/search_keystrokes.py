"""The search service's first page, keystroke by keystroke: CPU and wall time of each.

What the window's query thread does for every keystroke (``search.first_page``, with the
query thread's page cache), in-process, over ``bench_search.KEYSTROKES`` (one and two
letters, Chinese names, emails, phones, a query matching nothing): a warm-up round, then
``ROUNDS`` rounds. The CPU time of the thread (``time.thread_time``) is the figure that
the other work on a shared machine distorts least; the wall time is printed beside it.

    .venv/bin/python bench/search_keystrokes.py FILE [ROUNDS] [--tree CHECKOUT]

``FILE`` is opened as it is (copy the shared files first: an older schema is upgraded in
place). ``--tree`` runs another checkout's code (before/after), with that checkout's
interpreter: ``/work/main/.venv/bin/python bench/search_keystrokes.py FILE 2 --tree
/work/main``; the first line says which ``search.py`` ran.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from bench_search import KEYSTROKES, load_average
from common import other_tree, percentile


def main() -> None:
    os.environ.setdefault("CRM_DESKTOP_AUTO_BACKUP", "0")
    args = other_tree(sys.argv[1:])
    db = Path(args[0])
    rounds = int(args[1]) if len(args) > 1 else 2
    from crm_desktop.services import open_session, search
    from crm_desktop.services.session import open_reader_session

    before = load_average()
    open_session(db, refresh_search=False)
    open_reader_session()  # the window's query thread: its larger page cache
    cpu: list[float] = []
    wall: list[float] = []
    each: dict[str, list[tuple[float, float]]] = {text: [] for text in KEYSTROKES}
    for round_ in range(rounds + 1):
        for text in KEYSTROKES:
            started_cpu, started = time.thread_time(), time.perf_counter()
            search.first_page(text)
            spent_cpu = (time.thread_time() - started_cpu) * 1000
            spent = (time.perf_counter() - started) * 1000
            if round_:  # round 0 warms the caches
                cpu.append(spent_cpu)
                wall.append(spent)
                each[text].append((spent_cpu, spent))
    print(f"# {search.__file__}; load average {before} → {load_average()}")
    print(
        f"first page, CPU median / p95 {statistics.median(cpu):.1f} / {percentile(cpu, 95):.1f}"
        f" ms; wall {statistics.median(wall):.1f} / {percentile(wall, 95):.1f} ms"
    )
    print(
        "# CPU / wall median by keystroke (ms): "
        + "  ".join(
            f"{text}:{statistics.median(c for c, _ in times):.0f}"
            f"/{statistics.median(w for _, w in times):.0f}"
            for text, times in each.items()
        )
    )


if __name__ == "__main__":
    main()
