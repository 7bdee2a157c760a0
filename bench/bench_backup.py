"""Backup and restore on the 100,000-customer demo database, against ``cp`` of the same file.

Budget (brief): a backup, verification included, ≤ 4 × copying the file with
``cp``. The demo database is copied to a temporary folder first (the cached
file is never written) and opened as the window opens it, so the backup
reads a live WAL database through a connection of its own.

Printed: ``cp`` (the baseline) and ``cp`` + fsync (a copy as durable as a
backup); the backup with its standard verification, in its two forms: the
*full* check (the first backup into a folder, and one a week) and the check of
the *changed* tables only (every other backup: here after "a day's work",
50 customers edited and 10 added through the services, outside the clock),
each with a warm cache (the file was just read) and a cold one (only this
file evicted with ``posix_fadvise``, ``cp`` likewise, and ``cp`` + fsync cold); then
its parts (the copy: in the kernel when provably a snapshot, else the backup API;
checks run beside the fsync), the backup with
the thorough check, and a restore (check of the chosen file on a copy,
safety copy of the current data, swap, reopen).

What a step leaves (``cp``'s copy, the backup just made) is deleted right after
it, outside the clock, and the deletions' times are printed apart: on ext4
deleting a file that is on the disk costs ~80–100 ms at 100k, one still in the
page cache ~12 ms; and an unflushed copy left behind lengthens the next step's
fsync.

Run: ``/work/venv/bin/python bench/bench_backup.py`` (``CRM_BENCH_REPEAT`` runs
of each, default 5; the median is reported).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import OUT, demo_database, median, report, timed

REPEAT = int(os.environ.get("CRM_BENCH_REPEAT", "5"))


def main() -> None:
    source = demo_database()
    work = Path(tempfile.mkdtemp(prefix="bench-backup-", dir=OUT))
    os.environ["CRM_DESKTOP_HOME"] = str(work / "home")
    os.environ["CRM_DESKTOP_AUTO_BACKUP"] = "0"
    try:
        run(source, work)
    finally:
        from crm_desktop.models import close_database

        close_database()
        shutil.rmtree(work, ignore_errors=True)


def run(source: Path, work: Path) -> None:
    from crm_desktop.models import close_database
    from crm_desktop.services import open_session
    from crm_desktop.services.backups import STANDARD, THOROUGH, create_backup, prepare_restore
    from crm_desktop.services.backups.files import fsync_file
    from crm_desktop.services.backups.snapshot import _copy, open_source
    from crm_desktop.services.backups.verify import run_checks

    db = work / "crm.sqlite3"
    shutil.copyfile(source, db)
    open_session(db, refresh_search=False)  # live, in WAL mode, as the window has it
    size = db.stat().st_size
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# database {size / 1e6:.1f} MB, {REPEAT} runs each, medians; {os.cpu_count()} CPUs")
    print(f"# load average before: {load}")
    import crm_desktop  # which code runs (backup_pairs.sh runs another tree's through a link)

    print(f"# code: {Path(crm_desktop.__file__).resolve().parent}")
    only = os.environ.get("CRM_BENCH_ONLY", "")  # "backup": skip the parts and the restore
    folder = work / "backups"
    folder.mkdir()
    target = work / "cp-copy.sqlite3"

    # What a timed step leaves is deleted right after it, outside the clock. Deleting a
    # file that is on the disk costs ext4 ~80–100 ms at 100k (its blocks are freed), one
    # still in the page cache ~12 ms: a clock around the deletions charged the backup with
    # deleting itself, and every other `cp` with deleting the flushed `cp + fsync` copy.
    # And `cp`'s copy, left unflushed, made the next step's fsync ~50 ms longer (its 189 MB
    # still to be written): the daily backup came right after a `cp`.
    deleted: dict[str, list[float]] = {"backup": [], "cp": []}

    def delete(path: Path, kind: str) -> None:
        if path.exists():
            started = time.perf_counter()
            path.unlink()
            deleted[kind].append(time.perf_counter() - started)

    def cp() -> None:
        subprocess.run(["cp", str(db), str(target)], check=True)

    def cp_fsync() -> None:
        cp()
        fsync_file(target)

    def timed_cp(fn: Callable[[], None] = cp) -> list[float]:
        delete(target, "cp")
        spent = timed(fn)
        delete(target, "cp")
        return spent

    made: list[Path] = []

    def backup(level: str, *, scope: str = "full") -> None:
        record = create_backup(db, folder=folder, level=level, rotate=False)
        assert record.verified, record.problem
        assert (record.verify_scope == "full") == (scope == "full"), record.verify_scope
        made[:] = [record.path, record.record_path]

    def timed_backup(level: str, *, scope: str = "full") -> list[float]:
        if scope == "full":  # no manifest of an earlier verified backup: the whole copy
            for manifest in folder.glob(".*.pages-*"):
                manifest.unlink()
        spent = timed(lambda: backup(level, scope=scope))
        delete_backup()
        return spent

    def delete_backup() -> None:
        if made:
            delete(made[0], "backup")
            made[1].unlink()
            made.clear()

    day = iter(range(1_000_000))

    def a_days_work() -> None:
        """50 customers edited and 10 added, through the services (not timed)."""
        from crm_desktop.models import database
        from crm_desktop.services import customers

        n = next(day)
        top = database.execute_sql("SELECT max(id) FROM customer").fetchone()[0]
        for k in range(50):
            customer_id = 1 + (n * 7919 + k * 104_729) % top
            if database.execute_sql(
                "SELECT 1 FROM customer WHERE id = ? AND deleted_at IS NULL", (customer_id,)
            ).fetchone():
                customers.update_customer(customer_id, {"notes": f"called back, day {n}"})
        for k in range(10):
            customers.create_customer({"name": f"New customer {n}-{k}", "kind": "company"})

    timed_cp()  # warm the page cache the same way for everyone
    timed_backup(STANDARD)
    # Side by side, alternating, so that the load of the machine weighs on both alike.
    runs: dict[str, list[float]] = {"cp": [], "cp_fsync": [], "backup": [], "changed": []}
    for _ in range(REPEAT):
        runs["cp"] += timed_cp()
        runs["cp_fsync"] += timed_cp(cp_fsync)
        runs["backup"] += timed_backup(STANDARD)
        a_days_work()
        runs["cp"] += timed_cp()
        runs["changed"] += timed_backup(STANDARD, scope="changed")
    target.unlink(missing_ok=True)
    cp_time, cp_sync_time, standard, changed = (
        median(runs[k]) for k in ("cp", "cp_fsync", "backup", "changed")
    )
    print(f"# warm cache; cp runs: {', '.join(f'{t * 1000:.0f}' for t in runs['cp'])} ms")
    report("cp (baseline)", cp_time * 1000, "ms")
    report("cp + fsync", cp_sync_time * 1000, "ms", cp_time * 1000)
    report("backup, changed tables checked (daily)", changed * 1000, "ms", cp_time * 1000, budget=4)
    report("  … against cp + fsync", changed * 1000, "ms", cp_sync_time * 1000)
    report("backup, full check (first; weekly)", standard * 1000, "ms", cp_time * 1000)
    report("  … against cp + fsync", standard * 1000, "ms", cp_sync_time * 1000)

    # CPU seconds (all threads; cp's are its child process's): what a busy machine cannot blur.
    import resource

    def cpu_of_cp() -> float:
        delete(target, "cp")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cp()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        delete(target, "cp")
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    def cpu_of_backup() -> float:
        for manifest in folder.glob(".*.pages-*"):
            manifest.unlink()
        before = time.process_time()
        backup(STANDARD)
        spent = time.process_time() - before
        delete_backup()
        return spent

    def cpu_of_changed_backup() -> float:
        a_days_work()
        before = time.process_time()
        backup(STANDARD, scope="changed")
        spent = time.process_time() - before
        delete_backup()
        return spent

    cp_cpu = median([cpu_of_cp() for _ in range(REPEAT)])
    backup_cpu = median([cpu_of_backup() for _ in range(REPEAT)])
    changed_cpu = median([cpu_of_changed_backup() for _ in range(REPEAT)])
    report("CPU time: cp", cp_cpu * 1000, "ms")
    report("CPU time: backup, changed tables (all threads)", changed_cpu * 1000, "ms",
           cp_cpu * 1000)  # fmt: skip
    report("CPU time: backup, full check (all threads)", backup_cpu * 1000, "ms", cp_cpu * 1000)

    if hasattr(os, "posix_fadvise"):

        def evict() -> None:
            """Drop this database's pages from the OS cache (only this file: nothing else)."""
            for path in (db, Path(f"{db}-wal")):
                if path.exists():
                    fsync_file(path)
                    fd = os.open(path, os.O_RDONLY)
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                    os.close(fd)

        def cold_cp(fn: Callable[[], None] = cp) -> list[float]:
            delete(target, "cp")
            evict()
            spent = timed(fn)
            delete(target, "cp")
            return spent

        def cold_backup(scope: str = "full") -> list[float]:
            if scope == "full":
                for manifest in folder.glob(".*.pages-*"):
                    manifest.unlink()
            evict()
            spent = timed(lambda: backup(STANDARD, scope=scope))
            delete_backup()
            return spent

        cold: dict[str, list[float]] = {"cp": [], "cp_fsync": [], "backup": [], "changed": []}
        for _ in range(max(1, min(3, REPEAT))):
            cold["cp"] += cold_cp()
            cold["backup"] += cold_backup()
            a_days_work()
            cold["cp"] += cold_cp()
            cold["changed"] += cold_backup("changed")
            cold["cp_fsync"] += cold_cp(cp_fsync)
        target.unlink(missing_ok=True)
        cold_cp_time = median(cold["cp"])
        print(f"# cold cache; cp runs: {', '.join(f'{t * 1000:.0f}' for t in cold['cp'])} ms")
        report("cold cache: cp", cold_cp_time * 1000, "ms")
        report("cold cache: cp + fsync", median(cold["cp_fsync"]) * 1000, "ms", cold_cp_time * 1000)
        report(
            "cold cache: backup, changed tables", median(cold["changed"]) * 1000, "ms",
            cold_cp_time * 1000, budget=4,
        )  # fmt: skip
        report("  … against cp + fsync", median(cold["changed"]) * 1000, "ms",
               median(cold["cp_fsync"]) * 1000)  # fmt: skip
        report("cold cache: backup, full check", median(cold["backup"]) * 1000, "ms",
               cold_cp_time * 1000)  # fmt: skip
    backup_deleted, cp_deleted = (median(deleted[k]) * 1000 for k in ("backup", "cp"))
    print(
        "# deleted outside the clock (median): a backup just made "
        f"{backup_deleted:.0f} ms, cp's copy {cp_deleted:.0f} ms"
    )

    if only == "backup":
        print(f"# load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        close_database()
        return
    partial = work / "parts.sqlite3"

    def copy_only() -> None:
        partial.unlink(missing_ok=True)
        conn = open_source(db)
        try:
            _copy(conn, partial)
        finally:
            conn.close()

    copy_time = median(timed(copy_only, REPEAT))
    report("  part: the copy (kernel or backup API)", copy_time * 1000, "ms", cp_time * 1000)
    checks = median(
        timed(
            lambda: run_checks(
                partial, level=STANDARD, ours=True, beside=lambda: fsync_file(partial)
            ),
            3,
        )
    )
    report("  part: standard checks beside fsync", checks * 1000, "ms", cp_time * 1000)
    for name, pragma in (("quick_check, CHECKs skipped", "quick_check"),):
        import sqlite3

        def one(p: str = pragma) -> None:
            conn = sqlite3.connect(partial)
            conn.execute("PRAGMA ignore_check_constraints = ON")
            conn.execute(f"PRAGMA {p}").fetchall()
            conn.close()

        report(f"    {name}", median(timed(one, 3)) * 1000, "ms", cp_time * 1000)

    fsync_times: list[float] = []
    for name, part in (
        ("page hashes (XXH3)", "pages"),
        ("SHA-256 of every page (full; daily: changed ones)", "sha256"),
        ("page hashes + b-tree walk", "walk"),
        ("fsync of the copy (rewritten first)", "fsync"),
    ):

        def one_part(part: str = part) -> None:
            from crm_desktop.services.backups import changed_pages, checksum

            if part == "sha256":
                checksum.page_digests(partial, _page_size(partial))
                return
            if part == "fsync":
                copy_only()  # a fresh copy: every page dirty, as after a backup's copy
                started = time.perf_counter()
                fsync_file(partial)
                fsync_times.append(time.perf_counter() - started)
                return
            pages = changed_pages.page_hashes(partial, _page_size(partial))
            if part == "walk":
                conn = sqlite3.connect(partial)
                trees = changed_pages.trees_of(conn)
                conn.close()
                changed_pages._walk(partial, _page_size(partial), len(pages), trees)

        spent = median(timed(one_part, 3))
        if part == "fsync":
            spent = median(fsync_times)
        report(f"    {name}", spent * 1000, "ms", cp_time * 1000)

    thorough = median(timed_backup(THOROUGH))
    report("backup, thorough (integrity_check)", thorough * 1000, "ms", cp_time * 1000)

    restore_source = create_backup(db, folder=work, rotate=False).path
    times = {"check": [], "apply": [], "reopen": []}
    for _ in range(max(1, REPEAT // 2)):
        started = time.perf_counter()
        prepared = prepare_restore(restore_source, db)
        checked = time.perf_counter()
        try:
            result = prepared.apply(folder=folder)
        finally:
            prepared.discard()
        applied = time.perf_counter()
        open_session(db, refresh_search=True)
        reopened = time.perf_counter()
        times["check"].append(checked - started)
        times["apply"].append(applied - checked)
        times["reopen"].append(reopened - applied)
        if result.safety is not None:
            result.safety.path.unlink()
            result.safety.record_path.unlink(missing_ok=True)
    total = sum(median(values) for values in times.values())
    report("restore, total", total * 1000, "ms", cp_time * 1000)
    report("  check on a copy (thorough)", median(times["check"]) * 1000, "ms")
    report("  safety copy + swap", median(times["apply"]) * 1000, "ms")
    report("  reopen + search index", median(times["reopen"]) * 1000, "ms")
    close_database()


def _page_size(path: Path) -> int:
    with open(path, "rb") as handle:
        head = handle.read(18)
    size = int.from_bytes(head[16:18], "big")
    return 65536 if size == 1 else size


if __name__ == "__main__":
    main()
