"""Exports and reports that read rows per customer: main's code and this tree alternating.

    .venv/bin/python bench/orphans_ab.py DB ROUNDS DOC...

DOC is ``export-TABLE-FORMAT`` (``export-orders-csv``, ``export-service_cases-csv``…) or
``report-NAME-FORMAT`` (``report-pipeline-pdf``, ``report-tasks-pdf``, ``report-customers-pdf``:
the year so far). Each run is a whole process of ``big_ab.run`` (wall, cpu, peak RSS) on DB in
place (open a copy once first: the first open upgrades it), with a home of its side's own.
Each round runs every DOC of main and of this tree in a shuffled order; medians at the end.
Wrap it in ``flock /work/wt/_bench/bench.lock`` (bench/README.md).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from big_ab import run

SIDES = ("main", "branch")


def _run(db: str, side: str, doc: str, work: Path) -> float:
    os.environ["CRM_DESKTOP_HOME"] = str(work / f"home-{side}")
    os.environ["CRM_DESKTOP_AUTO_BACKUP"] = "0"
    return run(db, side, doc, work)


def main(argv: list[str]) -> int:
    db, rounds, docs = argv[0], int(argv[1]), argv[2:]
    work = Path(tempfile.mkdtemp(prefix="orphans-ab-", dir=Path(db).parent))
    times: dict[tuple[str, str], list[float]] = {}
    try:
        for side in SIDES:  # once each, untimed: the module cache is written
            _run(db, side, docs[0], work)
        for _round in range(rounds):
            order = [(side, doc) for doc in docs for side in SIDES]
            random.shuffle(order)
            for side, doc in order:
                times.setdefault((side, doc), []).append(_run(db, side, doc, work))
        for doc in docs:
            main_s = statistics.median(times["main", doc])
            branch_s = statistics.median(times["branch", doc])
            print(
                f"median {doc:26} main {main_s:7.2f} s  branch {branch_s:7.2f} s"
                f"  branch/main {branch_s / main_s:5.2f}"
            )
    finally:
        for leftover in sorted(work.rglob("*"), reverse=True):
            leftover.rmdir() if leftover.is_dir() else leftover.unlink()
        work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
