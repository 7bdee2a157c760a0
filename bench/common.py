"""What every benchmark shares: the 100,000-customer demo database and how figures are printed.

Budgets are ratios against a baseline measured side by side in the same run
(the brief's rule), so each figure is printed as ``value`` and ``ratio``.
The demo database is built once and reused from ``bench/out/`` (or the
folder in ``CRM_BENCH_DIR``); delete it to rebuild.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# No automatic backups (before imports, upgrades…) inside the timings, nor in the user's folder.
os.environ.setdefault("CRM_DESKTOP_AUTO_BACKUP", "0")

OUT = Path(os.environ.get("CRM_BENCH_DIR", ROOT / "bench" / "out"))
DEMO_CUSTOMERS = int(os.environ.get("CRM_BENCH_CUSTOMERS", "100000"))


def other_tree(args: list[str]) -> list[str]:
    """``args`` without ``--tree CHECKOUT``, whose code then comes first on ``sys.path``
    (call it before ``crm_desktop`` is imported): another checkout's code, before/after."""
    if "--tree" not in args:
        return args
    at = args.index("--tree")
    sys.path.insert(0, str(Path(args[at + 1]).resolve()))
    return args[:at] + args[at + 2 :]


def demo_database(customers: int = DEMO_CUSTOMERS, seed: int = 1) -> Path:
    """The path of a demo database with ``customers`` customers, built if missing."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"demo-{customers}.sqlite3"
    if path.exists():
        return path
    from crm_desktop.models import close_database
    from crm_desktop.services import demo, open_session

    partial = path.with_suffix(".partial")
    for leftover in OUT.glob(partial.name + "*"):
        leftover.unlink()
    open_session(partial)
    started = time.perf_counter()
    demo.generate(customers=customers, seed=seed)
    close_database()
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.rename(path)
    print(f"# built {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def timed(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    """Seconds of each of ``repeat`` runs of ``fn``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values)


def report(
    name: str, value: float, unit: str, baseline: float | None = None, budget: float | None = None
) -> None:
    """Print one figure; with a baseline, the ratio and the budget it is held to."""
    line = f"{name:<48} {value:10.1f} {unit}"
    if baseline:
        ratio = value / baseline
        line += f"   ratio {ratio:5.2f}"
        if budget is not None:
            line += f" (budget ≤ {budget:g}: {'ok' if ratio <= budget else 'OVER'})"
    elif budget is not None:
        line += f"   (budget ≤ {budget:g} {unit}: {'ok' if value <= budget else 'OVER'})"
    print(line, flush=True)
