"""The contact list when its stored keys are not all there, on a copy (the file is changed).

Three cases, each timed as the table reads them (:func:`listing.list_ends`, else every id,
then the first 50 rows fetched: ``first``; every id: ``all``), medians of 3 after a warm-up:

- ``ready``: every key made (the usual case), with :func:`contact_keys.listable`'s own cost;
- ``after upgrade``: every key NULL, as just after the upgrade to schema 16, while the start
  job makes them (the lock it holds is taken here): the list reads by its stand-in;
- ``few missing``: ``FEW`` key rows deleted by another tool; the first read makes them (the
  full check of every contact), timed once, then ``ready`` again.

The ``after upgrade`` case sets every key NULL and makes them again at the end (the start
job's :func:`contact_keys.refresh`, timed too).

    flock /work/wt/_bench/bench.lock .venv/bin/python bench/contact_keys_cases.py COPY
"""

from __future__ import annotations

import os
import statistics
import sys
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
    open_session(Path(sys.argv[1]), refresh_search=False)
    print(f"# {Path(sys.argv[1]).name}, code {listing.__file__}")
    print(f"listable() when ready: {timed(contact_keys.listable, 5):.1f} ms")
    print(
        f"ready: first {timed(first_screen):.1f} ms (ends: {first_screen()}), "
        f"all {timed(lambda: listing.list_id_array('contact')):.1f} ms"
    )
    database.execute_sql(
        f"DELETE FROM contact_key WHERE id IN (SELECT id FROM contact_key LIMIT {FEW})"
    )
    print(
        f"few missing ({FEW}): first read {ms(first_screen):.1f} ms (makes them), "
        f"then first {timed(first_screen):.1f} ms"
    )
    ids = list(listing.list_id_array("contact"))
    with database.atomic():
        database.execute_sql("UPDATE contact_key SET name_key = NULL")
    with contact_keys._making:  # the start job's refresh is under way
        print(
            f"after upgrade (stand-in): first {timed(first_screen, 1):.1f} ms "
            f"(ends: {first_screen()})"
        )
        same = list(listing.list_id_array("contact")) == ids
        print(f"stand-in order is the stored keys' order: {same}")
    print(f"start job's refresh: {ms(contact_keys.refresh):.0f} ms")


if __name__ == "__main__":
    main()
