"""The contact list when its stored keys are not all there, on a copy (the file is changed).

Three cases, each timed as the table reads them (:func:`listing.list_ends`, else every id,
then the first 50 rows fetched: ``first``; every id: ``all``), medians of 3 after a warm-up:

- ``ready``: every key made (the usual case), with :func:`contact_keys.listable`'s own cost;
- ``few missing``: ``FEW`` key rows deleted by another tool (a second connection); the first
  read makes them (the full check of every contact), timed once, then ``ready`` again;
- ``after upgrade``: every key NULL, as just after the upgrade to schema 16; the start job's
  :func:`contact_keys.refresh` runs in a thread while the list reads every id by its
  stand-in (one process: they share the GIL, as in the window); then the refresh alone.

    flock /work/wt/_bench/bench.lock .venv/bin/python bench/contact_keys_cases.py COPY
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CRM_DESKTOP_AUTO_BACKUP", "0")

from crm_desktop.models import database
from crm_desktop.services import contact_keys, listing, open_session
from crm_desktop.services.listing import ListQuery

FEW = 10
REPEAT = 3


def first_screen() -> bool:
    ends = listing.list_ends("contact", ListQuery(), 200)
    ids = ends[1] if ends is not None else list(listing.list_id_array("contact"))
    listing.fetch_rows("contact", ids[:50])
    return ends is not None


def timed(job, repeat: int = REPEAT) -> float:
    job()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        job()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def ms(job) -> float:
    started = time.perf_counter()
    job()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    path = Path(sys.argv[1])
    open_session(path, refresh_search=False)
    print(f"# {path.name}, code {listing.__file__}")
    print(f"listable() when ready: {timed(contact_keys.listable, 5):.2f} ms (counted before)")

    def counting() -> None:
        contact_keys._counted.last = None  # as after another connection's commit
        contact_keys.listable()

    print(f"listable() after another connection's commit: {timed(counting, 5):.1f} ms")
    print(
        f"ready: first {timed(first_screen):.1f} ms (ends: {first_screen()}), "
        f"all {timed(lambda: listing.list_id_array('contact')):.1f} ms"
    )
    other = sqlite3.connect(path)  # another tool deletes a few key rows
    other.execute(f"DELETE FROM contact_key WHERE id IN (SELECT id FROM contact_key LIMIT {FEW})")
    other.commit()
    other.close()
    print(
        f"few missing ({FEW}): first read {ms(first_screen):.1f} ms (makes them), "
        f"then first {timed(first_screen):.1f} ms"
    )
    with database.atomic():
        database.execute_sql("UPDATE contact_key SET name_key = NULL")  # as after the upgrade
    job = threading.Thread(target=lambda: times.update(job=ms(contact_keys.refresh)))
    times: dict[str, float] = {}
    started = time.perf_counter()
    job.start()
    while not contact_keys._making.locked():
        time.sleep(0.001)
    stand_in = list(listing.list_id_array("contact"))
    times["list"] = (time.perf_counter() - started) * 1000
    job.join()
    print(
        f"after upgrade, the start job's refresh beside a read of the list: the list's ids "
        f"(its stand-in, or after the job) after {times['list']:.0f} ms, "
        f"the job {times['job']:.0f} ms"
    )
    same = stand_in == list(listing.list_id_array("contact"))
    print(f"the stand-in's order is the stored keys' order: {same}")
    with database.atomic():
        database.execute_sql("UPDATE contact_key SET name_key = NULL")
    print(f"the start job's refresh alone: {ms(contact_keys.refresh):.0f} ms")


if __name__ == "__main__":
    main()
