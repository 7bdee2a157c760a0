"""Exports and reports that read rows per customer: main's code and this tree alternating.

    .venv/bin/python bench/orphans_ab.py DB ROUNDS DOC...

DOC is ``export-TABLE-FORMAT`` (``export-orders-csv``, ``export-contacts-xlsx``…) or
``report-NAME-FORMAT`` (``report-pipeline-pdf``, ``report-tasks-pdf``, ``report-customers-pdf``:
the year so far). Each run is a whole process timed by ``/usr/bin/time`` (wall, cpu, peak RSS)
on DB in place (run it once on a copy first: the first open upgrades it). Each round runs
every DOC of main and of this tree, in a shuffled order; the medians end the output. Wrap
it in ``flock /work/wt/_bench/bench.lock`` (bench/README.md). Modules are compiled into a
cache beside DB (``CRM_BENCH_PYCACHE``), as an installed app has them.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
MAIN = Path(os.environ.get("CRM_BENCH_MAIN", "/work/wt/base"))
TREES = {"main": MAIN, "branch": HERE}


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def run(db: str, side: str, doc: str, work: Path) -> float:
    command, what, suffix = doc.split("-", 2)
    what = what.replace("_", "-")  # service_cases → service-cases
    target = work / f"{side}-{doc}.{suffix}"
    tree = TREES[side]
    args = [str(tree / ".venv" / "bin" / "python"), "-m", "crm_desktop", "--db", db, command]
    args += [what, "-o", str(target)]
    env = dict(os.environ, PYTHONPATH=str(tree), CRM_DESKTOP_AUTO_BACKUP="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.environ.get("CRM_BENCH_PYCACHE", str(work.parent / "pycache"))
    env["CRM_DESKTOP_HOME"] = str(work / f"home-{side}")
    out = work / "time.out"
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S %M", "-o", str(out), *args],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=tree,
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(f"{side} {doc} failed: {result.stderr[-800:]}")
    wall, user, system, kib = out.read_text().split()[-4:]
    size = target.stat().st_size / 1e6
    target.unlink()
    print(
        f"{side:6} {doc:26} {float(wall):7.2f} s wall {float(user) + float(system):7.2f} s cpu"
        f"  {int(kib) / 1024:5.0f} MB peak {size:7.1f} MB  {time.strftime('%H:%M:%S')}"
        f"  load {_load()}",
        flush=True,
    )
    return float(wall)


def main(argv: list[str]) -> int:
    db, rounds, docs = argv[0], int(argv[1]), argv[2:]
    work = Path(tempfile.mkdtemp(prefix="orphans-ab-", dir=Path(db).parent))
    times: dict[tuple[str, str], list[float]] = {}
    try:
        for side in TREES:  # once each, untimed: the module cache is written
            run(db, side, docs[0], work)
        print(f"load at start {_load()}")
        for _round in range(rounds):
            order = [(side, doc) for doc in docs for side in TREES]
            random.shuffle(order)
            for side, doc in order:
                times.setdefault((side, doc), []).append(run(db, side, doc, work))
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
