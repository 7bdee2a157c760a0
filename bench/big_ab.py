"""The big documents, main's code and this tree's side by side with the library alone.

Each run is a whole process measured by ``/usr/bin/time`` (wall clock, peak RSS), on one
database that stays where it is (no copy: a 1M file is 2.4 GB):

    .venv/bin/python bench/big_ab.py DB SIDE:DOC...

SIDE is ``main`` (``/work/wt/base`` with its own venv), ``branch`` (this tree) or ``base``
(``bench/big_baseline.py``, the library alone); DOC is ``export-csv``, ``export-xlsx``,
``report-pdf`` (the year's customers report) or ``report-xlsx``. The runs go in the order
given, so main, branch and the baseline can alternate. Wrap it in ``flock`` (100k) or
``nice -n 19`` (1M, runs over ten minutes) as bench/README.md says. Modules are compiled
once into ``pycache`` beside DB (``CRM_BENCH_PYCACHE``), as an installed app has them:
run each side once before timing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
MAIN = Path(os.environ.get("CRM_BENCH_MAIN", "/work/wt/base"))

DOCS = {
    "export-csv": ("export", "customers", "csv"),
    "export-xlsx": ("export", "customers", "xlsx"),
    "report-pdf": ("report", "customers", "pdf"),
    "report-xlsx": ("report", "customers", "xlsx"),
}
BASELINE = {"export-csv": "csv", "export-xlsx": "xlsx", "report-pdf": "pdf"}


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _report_rows(db: str) -> int:
    """How many rows the year's customers report has (the PDF baseline draws as many)."""
    import sqlite3
    from datetime import date

    year = date.today().year
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(
            conn.execute(
                "SELECT count(DISTINCT customer_id) FROM sales_order "
                "WHERE status IN ('confirmed', 'paid', 'shipped') AND order_date BETWEEN ? AND ?",
                (f"{year}-01-01", f"{year}-12-31"),
            ).fetchone()[0]
        )
    finally:
        conn.close()


def run(db: str, side: str, doc: str, work: Path) -> float:
    """One run, printed; its wall-clock seconds. DOC may also be any ``export-TABLE-FORMAT``
    or ``report-NAME-FORMAT`` (``export-service_cases-csv``) of main or the branch."""
    command, what, suffix = DOCS.get(doc) or doc.split("-", 2)
    what = what.replace("_", "-")  # service_cases → service-cases
    target = work / f"{side}-{doc}.{suffix}"
    if side == "base":
        kind = BASELINE[doc]
        extra = [str(_report_rows(db))] if kind == "pdf" else []
        args = [sys.executable, str(HERE / "bench" / "big_baseline.py"), kind, db, str(target)]
        args += extra
        tree = HERE
    else:
        tree = MAIN if side == "main" else HERE
        python = str(tree / ".venv" / "bin" / "python")
        args = [python, "-m", "crm_desktop", "--db", db, command, what, "-o", str(target)]
    env = dict(os.environ, PYTHONPATH=str(tree), CRM_DESKTOP_AUTO_BACKUP="0")
    # An installed app has its modules compiled (pip does it): so have these processes,
    # in a cache of the bench's own, so no tree is written (~0.3 s a start otherwise).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.environ.get("CRM_BENCH_PYCACHE", str(work.parent / "pycache"))
    out = work / "time.out"
    before = _load()
    started = time.strftime("%H:%M:%S", time.gmtime())
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
        f"{side:6} {doc:12} {float(wall):8.1f} s wall  {float(user) + float(system):8.1f} s cpu"
        f"  {int(kib) / 1024:6.0f} MB peak  {size:7.1f} MB file  start {started} UTC"
        f"  load {before} -> {_load()}",
        flush=True,
    )
    return float(wall)


def main(argv: list[str]) -> int:
    db, runs = argv[0], argv[1:]
    work = Path(tempfile.mkdtemp(prefix="big-ab-", dir=Path(db).parent))
    try:
        for item in runs:
            side, doc = item.split(":")
            run(db, side, doc, work)
    finally:
        for leftover in work.iterdir():
            leftover.unlink()
        work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
