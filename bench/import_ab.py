"""Import 100,000 CSV rows: this tree against another checkout, beside the bare pipeline.

A before/after on a shared machine: the bare pipeline (this tree's), the
other tree's import and this tree's import run one after another, each in
its own process (``bench_import.py --one``), ``ROUNDS`` times; the medians
of wall and CPU time (user + sys of the process and its helpers) are
compared with the bare pipeline's of the same run. Load changes during a run
move every figure; the CPU ratio moves least.

    .venv/bin/python bench/import_ab.py /path/to/other/checkout [ROUNDS]

The other checkout runs with its own ``.venv``; nothing is written there
(the files go to ``CRM_BENCH_DIR``, default ``bench/out``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_import import make_csv
from common import OUT, ROOT


def _load() -> str:
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def one(tree: Path, kind: str, source: Path, folder: Path) -> dict[str, float]:
    target = folder / f"{kind}-{tree.name}.sqlite3"
    for leftover in folder.glob(target.name + "*"):
        leftover.unlink()
    env = {
        **os.environ,
        "CRM_DESKTOP_HOME": str(folder / "home"),
        "CRM_BENCH_IMPORT_ROWS": "100000",
        "CRM_DESKTOP_AUTO_BACKUP": "0",
    }
    python = str(tree / ".venv/bin/python")
    done = subprocess.run(
        [python, "bench_import.py", "--one", kind, str(source), str(target)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tree / "bench",
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    other = Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT) as name:
        folder = Path(name)
        source = folder / "customers.csv"
        make_csv(source, 100_000)
        sides = (("bare", ROOT, "baseline"), ("other", other, "ours"), ("this", ROOT, "ours"))
        results: dict[str, list[dict[str, float]]] = {label: [] for label, _t, _k in sides}
        print(f"# load at start {_load()} ({time.strftime('%H:%M:%S')}); other = {other}")
        for _round in range(rounds):
            for label, tree, kind in sides:
                got = one(tree, kind, source, folder)
                results[label].append(got)
                print(
                    f"{label:6s} wall {got['seconds']:6.2f} s  cpu {got['cpu']:6.2f} s  "
                    f"load {_load().split()[0]}",
                    flush=True,
                )
        print(f"# load at the end {_load()} ({time.strftime('%H:%M:%S')})")
        wall = statistics.median(r["seconds"] for r in results["bare"])
        cpu = statistics.median(r["cpu"] for r in results["bare"])
        for label in ("other", "this"):
            w = statistics.median(r["seconds"] for r in results[label])
            c = statistics.median(r["cpu"] for r in results[label])
            print(
                f"{label:6s} median wall {w:6.2f} s = {w / wall:.2f}× bare ({wall:.2f} s); "
                f"CPU {c:6.2f} s = {c / cpu:.2f}× bare ({cpu:.2f} s)"
            )


if __name__ == "__main__":
    main()
