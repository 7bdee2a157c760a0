"""Re-keying the names when the data's language changes, at 100,000 customers (issue 15).

Figures, each against a baseline measured side by side in the same run:

* ``rekey`` (``services.sort_order.rekey``: the keys that change rewritten in one
  transaction, with progress and cancel checks, the setting, the custom values) from the
  root order to Russian (Cyrillic first), to Chinese (Han first) and back, vs the bare
  pipeline on a second copy of the file: plain ``sqlite3`` reading the same names, the
  same key function, ``executemany`` of the changed keys, one commit;
* the upgrade to schema 12 (the odd-names index made again) vs SQLite creating the same
  index on the second copy;
* a search keystroke's "names that start with" part (``services.search.first_page``, 50
  rows) for a Latin and a Cyrillic prefix, in the root order vs the same file re-keyed to
  Russian (median and p95 of 30), and how many rows the odd-names index holds in each.

Wall and CPU time (user + sys of this process), and the load average before and after.

Run: ``flock /work/wt/_bench/bench.lock .venv/bin/python bench/bench_rekey.py [demo.sqlite3]``
(the file is copied into ``$CRM_BENCH_DIR`` or ``bench/out``; the original is only read).
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CRM_DESKTOP_AUTO_BACKUP", "0")

OUT = Path(os.environ.get("CRM_BENCH_DIR") or Path(__file__).resolve().parent / "out")
REPEAT = int(os.environ.get("CRM_BENCH_REPEAT", "30"))


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(job) -> tuple[object, float, float]:
    wall, cpu = time.perf_counter(), _cpu()
    result = job()
    return result, time.perf_counter() - wall, _cpu() - cpu


def bare_rekey(path: Path, order_name: str) -> int:
    """The least any re-key must do: read the names, key them, write the changed keys."""
    from crm_desktop.services import text

    order = text.ORDERS[order_name]
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        changed = [
            (key, customer_id)
            for customer_id, old, name in conn.execute(
                "SELECT s.id, s.name_key, c.name FROM customer_search s "
                "JOIN customer c ON c.id = s.id"
            )
            if (key := text.sort_key(name, order)) != old
        ]
        conn.executemany("UPDATE customer_search SET name_key = ? WHERE id = ?", changed)
        conn.execute("COMMIT")
        return len(changed)
    finally:
        conn.close()


def line(what: str, ours: float, ours_cpu: float, base: float, base_cpu: float) -> None:
    print(
        f"{what}: {ours * 1000:,.0f} ms (cpu {ours_cpu * 1000:,.0f}) vs bare "
        f"{base * 1000:,.0f} ms (cpu {base_cpu * 1000:,.0f}): ratio {ours / base:.2f} "
        f"(cpu {ours_cpu / max(base_cpu, 1e-9):.2f})"
    )


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/wt/_bench/demo-100000.sqlite3")
    OUT.mkdir(parents=True, exist_ok=True)
    ours_path, bare_path = OUT / "rekey-ours.sqlite3", OUT / "rekey-bare.sqlite3"
    for target in (ours_path, bare_path):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, target)
        target.chmod(0o600)
    os.environ["CRM_DESKTOP_HOME"] = str(OUT / "rekey-home")
    print(f"load average before: {_load()}")

    from crm_desktop.models import database
    from crm_desktop.models.migrations import ODD_NAME, ODD_NAME_SQL, migrate
    from crm_desktop.services import search, settings, sort_order, text
    from crm_desktop.services.session import open_session

    # The upgrade to 12 (the odd-names index made again) vs SQLite making the index alone.
    # (An upgrade also compacts the file afterwards, as every upgrade does: not counted.)
    open_session(ours_path, migrate_old=False)
    _, up, up_cpu = timed(lambda: migrate(database, 11))
    database.close()
    conn = sqlite3.connect(bare_path, isolation_level=None)
    _, idx, idx_cpu = timed(lambda: [conn.execute(s) for s in ODD_NAME_SQL])
    conn.execute("PRAGMA user_version = 12")
    conn.close()
    line("upgrade step 11 → 12", up, up_cpu, idx, idx_cpu)
    open_session(ours_path, refresh_search=False)
    text.sort_key("张")  # the pinyin readings, loaded once (both sides)

    def keystrokes(query: str) -> tuple[float, float]:
        times = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            search.first_page(query, 50)
            times.append(time.perf_counter() - started)
        times.sort()
        return statistics.median(times), times[int(0.95 * (len(times) - 1))]

    def odd_rows() -> int:
        sql = (
            "SELECT count(*) FROM customer_search INDEXED BY customer_search_odd_name "
            f"WHERE {ODD_NAME}"
        )
        return int(database.execute_sql(sql).fetchone()[0])

    root_search = {q: keystrokes(q) for q in ("an", "ан")}
    root_odd = odd_rows()
    root_latin_first = database.execute_sql(
        "SELECT count(*) FROM customer_search WHERE unicode(name_key) BETWEEN 97 AND 591"
    ).fetchone()[0]

    for locale_name, order_name in (("ru_RU", "cyrillic"), ("zh_CN", "han"), ("en_US", "root")):
        settings.set_many({"locale": locale_name})
        changed, wall, cpu = timed(sort_order.rekey)
        base_changed, base, base_cpu = timed(lambda o=order_name: bare_rekey(bare_path, o))
        assert changed == base_changed, (changed, base_changed)
        line(f"rekey to {order_name} ({changed:,} keys changed)", wall, cpu, base, base_cpu)
        if order_name == "cyrillic":
            ru_search = {q: keystrokes(q) for q in ("an", "ан")}
            old_index = root_odd + root_latin_first
            print(f"odd-names index rows: root {root_odd:,}, Russian {odd_rows():,} "
                  f"(with version 11's index it would hold {old_index:,})")  # fmt: skip
            for query in ("an", "ан"):
                (rm, rp), (qm, qp) = root_search[query], ru_search[query]
                print(f"first page of {query!r}: Russian order {qm * 1000:.1f}/{qp * 1000:.1f} ms "
                      f"vs root order {rm * 1000:.1f}/{rp * 1000:.1f} ms (median/p95): "
                      f"ratio {qm / rm:.2f}/{qp / rp:.2f}")  # fmt: skip
    print(f"load average after: {_load()}")


if __name__ == "__main__":
    main()
