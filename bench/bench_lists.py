"""The lists other than the customers' at 100k and 1M: their first screen and all their ids.

For each list as the window opens it (its default order, no search, no filter; the
campaign members of the largest campaign; the board's six stages), in the order the
table asks (:mod:`crm_desktop.ui.tables.model`):

- ``first``: the ids of the first screen — :func:`listing.list_ends` (a count and the
  ids at both ends, read from an index) when it serves the order, else the whole list
  (:func:`listing.first_ids`) — and the first 50 rows fetched: when the table can paint;
- ``ends``: whether ``list_ends`` served it (``yes``) or the whole list was read (``no``);
- ``all``: every id in order (:func:`listing.list_id_array`), what follows in the
  background;
- ``board: load_board``: what the pipeline board's job reads before the board shows
  (figures, each stage's ids, the first cards' rows); "rows": the ids it read.

Each figure is the median of ``CRM_BENCH_REPEAT`` runs (3) after one warm-up run;
``CRM_BENCH_LISTS=customers,contacts`` times only those lists. The
database file is opened (and upgraded if older) by this tree's code, so run main's code
with main's tree on a copy of its own (``bench/common.py`` puts its tree first):

    flock /work/wt/_bench/bench.lock .venv/bin/python bench/bench_lists.py FILE.sqlite3
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
from crm_desktop.services import listing, open_session
from crm_desktop.services.listing import ListQuery

REPEAT = int(os.environ.get("CRM_BENCH_REPEAT", "3"))
STAGES = ("new", "qualified", "proposal", "negotiation", "won", "lost")


def lists() -> list[tuple[str, str, ListQuery]]:
    """(label, entity, query) of each list as the window opens it."""
    campaign = database.execute_sql(
        "SELECT campaign_id FROM campaign_member GROUP BY campaign_id ORDER BY count(*) DESC "
        "LIMIT 1"
    ).fetchone()
    found = [
        ("customers", "customer", ListQuery()),
        ("contacts", "contact", ListQuery()),
        ("orders", "sales_order", ListQuery()),
        ("interactions", "interaction", ListQuery()),
        ("deals", "deal", ListQuery()),
        ("tasks", "task", ListQuery()),
        ("service cases", "service_case", ListQuery()),
    ]
    if campaign:
        members = ListQuery(filters={"campaign_id": campaign[0]})
        found.append(("campaign members", "campaign_member", members))
    for stage in STAGES:
        closed = stage in ("won", "lost")
        query = ListQuery(
            filters={"stage": stage},
            sort="closed_at" if closed else "expected_close",
            descending=closed,
        )
        found.append((f"board: {stage}", "deal", query))
    wanted = os.environ.get("CRM_BENCH_LISTS")  # e.g. "customers,contacts": only those
    if wanted:
        found = [item for item in found if item[0] in wanted.split(",")]
    return found


def first_screen(entity: str, query: ListQuery) -> bool:
    """What the table waits for before it paints; whether the ends served it."""
    ends = listing.list_ends(entity, query, 200)
    ids = ends[1] if ends is not None else list(listing.first_ids(entity, query, 300)[0])
    listing.fetch_rows(entity, ids[:50])
    return ends is not None


def median_ms(job) -> tuple[float, object]:
    result = job()  # warm-up: the page cache, SQLite's statement cache
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = job()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    path = Path(sys.argv[1])
    started = time.perf_counter()
    open_session(path)
    opened = time.perf_counter() - started
    print(f"# {path.name}: opened in {opened:.2f} s, code {listing.__file__}")
    print(f"{'list':<22} {'rows':>9} {'first ms':>9} {'ends':>5} {'all ms':>9}")
    board_first = board_all = 0.0
    for label, entity, query in lists():
        first_ms, served = median_ms(lambda e=entity, q=query: first_screen(e, q))
        all_ms, ids = median_ms(lambda e=entity, q=query: listing.list_id_array(e, q))
        if label.startswith("board"):
            board_first += first_ms
            board_all += all_ms
        rows = len(ids)  # type: ignore[arg-type]
        ends = "yes" if served else "no"
        print(f"{label:<22} {rows:>9} {first_ms:>9.1f} {ends:>5} {all_ms:>9.1f}")
    if board_all:
        print(f"{'board: six stages':<22} {'':>9} {board_first:>9.1f} {'':>5} {board_all:>9.1f}")
    if not os.environ.get("CRM_BENCH_LISTS") or "board" in os.environ["CRM_BENCH_LISTS"]:
        # What the board's job reads before it shows: figures, each stage's cards, the
        # first cards' rows (the same function in main's tree and this one).
        from crm_desktop.ui.deals.board import load_board

        board_ms, data = median_ms(load_board)
        shown = sum(len(ids) for ids in data.ids.values())  # type: ignore[attr-defined]
        print(f"{'board: load_board':<22} {shown:>9} {board_ms:>9.1f}")


if __name__ == "__main__":
    main()
