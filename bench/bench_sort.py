"""The sort key of each script's order (pinyin, Russian alphabet) at 100,000 names.

Figures, each against the old key (folding only, measured in the same run):
computing the key of every customer name of the 100k demo file (what the
upgrade to schema 7 and the search refresh do), and ordering the whole
customer list in SQLite by ``crm_sort_key(name)`` computed on the fly (what
the lists without a stored key do). The customer list itself sorts by the
stored ``customer_search.name_key`` through its index, whatever the key is.

Run: ``.venv/bin/python bench/bench_sort.py [demo.sqlite3]`` (a copy is read, never written).
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crm_desktop.services import text


def old_key(value: str | None) -> str:
    folded = text.fold(value)
    stripped = text._LEADING_PUNCTUATION.sub("", folded)
    return stripped or folded


def best_of(runs: int, job) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "/work/wt/_data/demo-100000.sqlite3"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = [row[0] for row in conn.execute("SELECT name FROM customer")]
    han = sum(1 for name in names if text._HAN.search(name))
    started = time.perf_counter()
    text.sort_key("张")  # the pinyin dictionary, loaded once
    load = time.perf_counter() - started
    text._HAN_KEYS.clear()
    cold = best_of(1, lambda: [text.sort_key(n) for n in names])
    new = best_of(3, lambda: [text.sort_key(n) for n in names])
    old = best_of(3, lambda: [old_key(n) for n in names])
    conn.create_function("new_key", 1, text.sort_key, deterministic=True)
    conn.create_function("old_key", 1, old_key, deterministic=True)
    sql = "SELECT id FROM customer ORDER BY {}(name), id"
    new_sql = best_of(3, lambda: conn.execute(sql.format("new_key")).fetchall())
    old_sql = best_of(3, lambda: conn.execute(sql.format("old_key")).fetchall())
    with open("/proc/loadavg") as handle:
        loadavg = handle.read().split()[:3]
    print(f"{len(names)} names, {han} with Chinese characters; load average {' '.join(loadavg)}")
    print(f"pinyin dictionary load: {load * 1000:.0f} ms (once per process)")
    print(f"keys of every name, cold cache: {cold * 1000:.0f} ms")
    print(f"keys of every name: new {new * 1000:.0f} ms, old {old * 1000:.0f} ms, "
          f"ratio {new / old:.2f}")  # fmt: skip
    print(f"ORDER BY key(name) over the table: new {new_sql * 1000:.0f} ms, "
          f"old {old_sql * 1000:.0f} ms, ratio {new_sql / old_sql:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
