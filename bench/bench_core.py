"""Data-core figures on the 100,000-customer demo database.

1. Demo generation, against plain ``sqlite3.executemany`` of the same rows into
   the same schema (the rows are built once and inserted by both).
2. Search-as-you-type: every prefix of a set of queries in several scripts is
   one keystroke; each is timed end to end through the service a table model
   uses (``listing.list_ids`` + the first screenful of ``fetch_rows``), against
   the plainest SQL that returns the same rows (``instr`` over the folded
   haystacks, sorted by the name key) and the same first screenful. Median and p95, in ms.

Run: ``python bench/bench_core.py`` (``CRM_BENCH_CUSTOMERS=20000`` for a quicker run).
"""

from __future__ import annotations

import gc
import sqlite3
import tempfile
import time
from pathlib import Path

from common import DEMO_CUSTOMERS, demo_database, median, percentile, report

from crm_desktop.models import close_database
from crm_desktop.services import demo, listing, open_session, search
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.text import search_terms

QUERIES = [
    "иван",
    "ИВАНОВ",
    "zhang",
    "伟",
    "北京华联",
    "müller",
    "GMBH",
    "+7 91",
    "sales@",
    "ivan moskva",
    "o'brien",
    "émile",
    "ООО «Ром",
]


def bench_demo(customers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "demo.sqlite3"
        open_session(target)
        gc.collect()
        started = time.perf_counter()
        demo.generate(customers=customers, seed=1)
        ours = time.perf_counter() - started
        close_database()

        rows = demo.build_rows(customers, seed=1)
        plain = Path(folder) / "plain.sqlite3"
        open_session(plain)  # the same schema, made by the app
        close_database()
        conn = sqlite3.connect(plain, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        started = time.perf_counter()
        total_rows = 0
        for sql, batch in rows:
            conn.executemany(sql, batch)
            total_rows += len(batch)
        conn.execute("COMMIT")
        baseline = time.perf_counter() - started
        conn.close()
    print(f"# demo: {customers:,} customers, {total_rows:,} rows in all")
    report("demo generation (build + insert)", ours, "s", baseline)
    report("  baseline: executemany of the same rows", baseline, "s")


def keystrokes() -> list[str]:
    typed = []
    for query in QUERIES:
        typed.extend(query[:n] for n in range(1, len(query) + 1))
    return typed


def bench_search(path: Path) -> None:
    open_session(path, refresh_search=False)
    started = time.perf_counter()
    search.refresh_index()  # the start's check of the search rows (the index lives in the file)
    load = time.perf_counter() - started
    conn = sqlite3.connect(path)
    ours: list[float] = []
    plain: list[float] = []
    for text in keystrokes():
        started = time.perf_counter()
        ids = listing.list_ids("customer", ListQuery(search=text))
        listing.fetch_rows("customer", ids[:60])
        ours.append(time.perf_counter() - started)

        terms = search_terms(text)
        where = " AND ".join("instr(haystack, ?) > 0" for _ in terms) or "1"
        started = time.perf_counter()
        baseline_ids = [
            r[0]
            for r in conn.execute(
                # "+name_key": scan the table and sort the matches (faster than walking the index).
                f"SELECT id FROM customer_search WHERE {where} ORDER BY +name_key, id",
                terms,
            )
        ]
        conn.execute(
            f"SELECT * FROM customer WHERE id IN ({','.join('?' * len(baseline_ids[:60]))})",
            baseline_ids[:60],
        ).fetchall()
        plain.append(time.perf_counter() - started)
        assert baseline_ids == ids, text
    conn.close()
    close_database()
    print(f"# search: {len(ours)} keystrokes over {len(QUERIES)} queries")
    report("search keystroke, median", median(ours) * 1000, "ms", median(plain) * 1000)
    report(
        "search keystroke, p95",
        percentile(ours, 95) * 1000,
        "ms",
        percentile(plain, 95) * 1000,
        budget=None,
    )
    report("  budget check: p95 ≤ 50 ms", percentile(ours, 95) * 1000, "ms", budget=50)
    report("  baseline: instr over haystacks, median", median(plain) * 1000, "ms")
    report("search rows checked at start (once, in the background)", load * 1000, "ms")


if __name__ == "__main__":
    import sys

    bench_search(demo_database())
    if "--search-only" not in sys.argv:
        bench_demo(DEMO_CUSTOMERS)
