"""Sorting and filtering 100,000 customers by a custom field, against built-in columns.

A custom field of every kind is added to a copy of the demo file's customers and
filled for nine customers in ten (the tenth has no value: empty values sort last):
Employees (number), Credit (money), Since (date), Newsletter (yes/no), Region
(choice of 8), Note (text), Portal (link). Then, each the median of
``CRM_BENCH_REPEAT`` runs (default 5) of what the customer list asks the service
for (``listing.list_ids``: every id of the list, in order), wall and CPU time:

* sort by each custom field, ascending and descending, against sort by Name (the
  list's indexed default) in the same run;
* sort by City (a built-in text column sorted in any script): the list now, against
  the database's ``ORDER BY crm_sort_key(city)`` that it used before (run here, side
  by side, on the same file);
* filter Region = Север and sort by Employees, against filter Status = active and
  sort by City.

Budget (issue 13, PRODUCT.md): ≤ 200 ms for each custom-field figure and for the
City sort; the ratios say what they cost over the indexed default in the same run.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_custom_fields.py``;
``CRM_BENCH_DB=<a copy of the 1M file, upgraded>`` for 1M (it is copied again: never
written), ``CRM_BENCH_KINDS=number,choice`` to add only some kinds (a shorter run).
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from common import OUT, demo_database, median, report

REPEAT = int(os.environ.get("CRM_BENCH_REPEAT", "5"))
# Which kinds to add (comma-separated; all by default): fewer make a 1M run shorter.
ONLY = os.environ.get("CRM_BENCH_KINDS", "")
REGIONS = ("North", "South", "East", "West", "Север", "Юг", "华东", "华南")
NOTES = ("Поставщик", "supplier", "客户", "=SUM(A1)", "<b>&", "Ölhändler", "😀", "مرحبا")
KINDS = {
    "number": ("Employees", lambda r: r.randint(1, 5000)),
    "money": ("Credit", lambda r: r.randint(0, 10_000_000)),
    "date": ("Since", lambda r: f"20{r.randint(10, 26)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"),  # noqa: E501
    "yes_no": ("Newsletter", lambda r: r.random() < 0.5),
    "choice": ("Region", lambda r: r.choice(REGIONS)),
    "text": ("Note", lambda r: f"{r.choice(NOTES)} {r.randint(1, 9999)}"),
    "link": ("Portal", lambda r: f"shop{r.randint(1, 20000)}.example.com"),
}  # fmt: skip
KINDS = {k: v for k, v in KINDS.items() if not ONLY or k in (*ONLY.split(","), "choice", "number")}


def measure(fn) -> tuple[float, float]:
    """(wall ms, CPU ms), the medians of REPEAT runs after one to warm the cache."""
    fn()
    walls, cpus = [], []
    for _ in range(REPEAT):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return median(walls) * 1000, median(cpus) * 1000


def main() -> None:
    source = Path(os.environ["CRM_BENCH_DB"]) if os.environ.get("CRM_BENCH_DB") else None
    source = source or demo_database()
    work = Path(tempfile.mkdtemp(prefix="bench-custom-", dir=OUT))
    os.environ["CRM_DESKTOP_HOME"] = str(work / "home")
    try:
        db = work / "crm.sqlite3"
        shutil.copyfile(source, db)
        from crm_desktop.models import close_database, database
        from crm_desktop.services import custom_fields, listing, open_session
        from crm_desktop.services.changes import transaction
        from crm_desktop.services.listing import ListQuery

        open_session(db)
        keys = {
            kind: f"cf_{custom_fields.create_field('customer', name, kind, choices=REGIONS)}"
            for kind, (name, _make) in KINDS.items()
        }
        ids = [row[0] for row in database.execute_sql("SELECT id FROM customer")]
        pick = random.Random(1)
        with transaction():
            custom_fields.write_many(
                "customer",
                (
                    (i, {keys[k]: make(pick) for k, (_n, make) in KINDS.items()})
                    for i in ids
                    if i % 10
                ),
            )
        database.execute_sql("ANALYZE")
        print(f"# {len(ids):,} customers, 9 in 10 with a value of each of {len(keys)} fields; "
              f"{REPEAT} runs each, medians; load {_load()}")  # fmt: skip

        def run(query: ListQuery) -> tuple[float, float]:
            return measure(lambda: listing.list_ids("customer", query))

        by_name, name_cpu = run(ListQuery(sort="name"))
        report("baseline: sort by Name (indexed default)", by_name, "ms")
        worst = 0.0
        for kind, key in keys.items():
            for descending in (False, True):
                wall, cpu = run(ListQuery(sort=key, descending=descending))
                worst = max(worst, wall)
                arrow = "↓" if descending else "↑"
                report(f"sort by a custom {kind} {arrow}", wall, "ms", by_name, None)
                report(f"  CPU (Name: {name_cpu:.0f} ms)", cpu, "ms", name_cpu, None)

        spec = listing.spec("customer")
        city = ListQuery(sort="city")
        where, params = listing._where(spec, city)
        before_sql = (
            f"SELECT {spec.id_sql} FROM {spec.from_sql} WHERE {where} "
            f"ORDER BY {listing.order_by(spec, city)}"
        )
        assert [r[0] for r in database.execute_sql(before_sql, params)] == listing.list_ids(
            "customer", city
        )
        before, before_cpu = measure(lambda: database.execute_sql(before_sql, params).fetchall())
        for descending in (False, True):
            wall, cpu = run(ListQuery(sort="city", descending=descending))
            arrow = "↓" if descending else "↑"
            report(f"sort by City {arrow} (built-in text, any script)", wall, "ms", before, None)
            report(f"  CPU (before: {before_cpu:.0f} ms)", cpu, "ms", before_cpu, None)
            worst = max(worst, wall)
        report("  before: ORDER BY crm_sort_key(city), same run", before, "ms")

        filtered, filtered_cpu = run(
            ListQuery(filters={keys["choice"]: "Север"}, sort=keys["number"])
        )
        builtin, builtin_cpu = run(ListQuery(filters={"status": "active"}, sort="city"))
        report("filter Region = Север, sort by Employees", filtered, "ms", builtin, None)
        report("  CPU", filtered_cpu, "ms", builtin_cpu, None)
        report("  baseline: filter Status = active, sort by City", builtin, "ms")
        worst_filter = filtered
        if "money" in keys:
            ranged, _cpu = run(ListQuery(filters={keys["money"]: {"from": "100", "to": "5000"}}))
            report("filter Credit 100–5,000 (name order)", ranged, "ms", by_name, None)
            worst_filter = max(worst_filter, ranged)
        if "text" in keys and "date" in keys:
            contains, _cpu = run(ListQuery(filters={keys["text"]: "постав"}, sort=keys["date"]))
            report("filter Note contains «постав», sort by Since", contains, "ms", by_name, None)
            worst_filter = max(worst_filter, contains)
        verdict = "ok" if max(worst, worst_filter) <= 200 else "OVER"
        print(f"# slowest sort: {worst:.0f} ms, slowest filter: {worst_filter:.0f} ms "
              f"(budget ≤ 200 ms: {verdict})")  # fmt: skip
        print(f"# load after: {_load()}")
        close_database()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
