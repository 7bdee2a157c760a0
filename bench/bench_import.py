"""Import of 100,000 customer rows from CSV, against the bare pipeline doing the same work.

The budget (brief): ≤ 1.5 × the bare pipeline — Python's ``csv`` reading the
file, ``phonenumbers.parse`` + the validity check the import makes
(``is_valid_number_for_region``, then ``is_valid_number``) + E.164, and
``email_validator.validate_email`` (no deliverability check) on each row,
and plain ``sqlite3.executemany`` into a fresh database. Ours is
``importing.run_import`` into a fresh CRM database: encoding detection,
strict reading of the whole file, mapping, every field through the forms'
parsers, duplicate lookups, audit log, import batch and search index
included. Each side runs in its own process (so each peak memory is its
own), alternately, ``--repeat`` times; the medians are compared.

``ours, no search index`` is the same import with the search-index writes
left out (``runner._Import.index_new_customers`` made a no-op): the search
index becomes SQL triggers at the next merge, so both figures are given.

Also measured (unless ``--no-export``): exporting the same 100,000 customers
to xlsx against openpyxl's write-only mode alone writing the same cells
(budget ≤ 1.3).

    .venv/bin/python bench/bench_import.py [--rows N] [--repeat N] [--no-export]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import OUT, ROOT, report

ROWS = int(os.environ.get("CRM_BENCH_IMPORT_ROWS", "100000"))
REPEAT = 3

FIRST = (
    "Anna",
    "Boris",
    "Chen",
    "Dmitri",
    "Emma",
    "Fatima",
    "Georg",
    "Hana",
    "Иван",
    "Мария",
    "Пётр",
    "Ольга",
    "伟",
    "芳",
    "José",
    "Zoë",
    "Łukasz",
    "Søren",
    "Mohammed",
    "Yuki",
)
LAST = (
    "Smith",
    "Müller",
    "Petrov",
    "Иванова",
    "Сидоров",
    "王",
    "李",
    "García",
    "Dubois",
    "Kowalski",
    "Nguyen",
    "O'Brien",
    "Hansen",
    "Rossi",
    "Tanaka",
    "Schmidt",
    "Ким",
)
CITIES = (
    ("San Francisco", "USA"),
    ("New York", "USA"),
    ("Москва", "Россия"),
    ("Berlin", "Deutschland"),
    ("上海", "中国"),
    ("Paris", "France"),
    ("Chicago", "USA"),
)
AREA_CODES = (201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217)
COMPANIES = ("Trading", "Logistics", "Bakery", "Consulting", "Systems", "Торг", "Сервис", "贸易")


def make_csv(path: Path, rows: int, seed: int = 7) -> None:
    """Customers with unique emails and phones, as a spreadsheet would hold them."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Email", "Phone", "City", "Country", "Status", "Notes"])
        for i in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = (
                f"{last} {rng.choice(COMPANIES)} {i}"
                if rng.random() < 0.5
                else f"{first} {last} {i}"
            )
            city, country = rng.choice(CITIES)
            # Real area codes: the import stores only numbers is_valid_number accepts.
            area = AREA_CODES[i // 10_000 % len(AREA_CODES)]
            phone = f"+1 ({area}) {200 + i % 800:03d}-{i % 10_000:04d}"
            notes = rng.choice(("", "", "Prefers email.", "Звонить после обеда", "=not a formula"))
            writer.writerow(
                [
                    name,
                    f"customer{i}@example{i % 97}.com",
                    phone,
                    city,
                    country,
                    rng.choice(("lead", "active", "prospect")),
                    notes,
                ]
            )


def baseline(csv_path: Path, db_path: Path) -> float:
    """The bare pipeline: csv → phonenumbers + email_validator → sqlite3.executemany.

    The rows go into the same ``customer`` table as ours (a fresh CRM database, made
    before the clock starts): the same work is the same rows into the same table.
    """
    import sqlite3

    import phonenumbers
    from email_validator import validate_email

    from crm_desktop.models import close_database
    from crm_desktop.services import open_session

    open_session(db_path)
    close_database()
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    out = []
    e164 = phonenumbers.PhoneNumberFormat.E164
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for name, email, phone, city, country, status, notes in reader:
            parsed = phonenumbers.parse(phone, "US")
            if not (
                phonenumbers.is_valid_number_for_region(parsed, "US")
                or phonenumbers.is_valid_number(parsed)
            ):
                raise ValueError(phone)
            number = phonenumbers.format_number(parsed, e164)
            address = validate_email(email, check_deliverability=False).normalized
            out.append((name, address, number, city, country, status, notes or None))
    conn.executemany(
        "INSERT INTO customer (name, email, phone, city, country, status, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        out,
    )
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def ours_without_index(csv_path: Path, db_path: Path) -> float:
    from crm_desktop.services.importing import runner

    runner._Import.index_new_customers = lambda self, tags_after: None  # type: ignore[method-assign]
    return ours(csv_path, db_path)


def ours(csv_path: Path, db_path: Path) -> float:
    from crm_desktop.models import close_database
    from crm_desktop.services import importing, open_session, settings

    open_session(db_path)
    settings.set_many({"phone_region": "US", "currency": "USD"})
    started = time.perf_counter()
    result = importing.run_import(csv_path, "customer")
    elapsed = time.perf_counter() - started
    assert result.created == ROWS and result.refused == 0, result.summary()
    close_database()
    return elapsed


def export_baseline(csv_path: Path, out: Path) -> float:
    """openpyxl write-only alone writing the same cells (types and formats) as our export."""
    from datetime import datetime
    from decimal import Decimal

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from crm_desktop.models import close_database
    from crm_desktop.services import exporting, open_session

    open_session(csv_path)  # here: the database the import made
    spec = exporting.FULL["customer"]
    data = list(exporting._full_rows(spec, exporting._WHERE["customer"]))
    close_database()
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Customers")
    bold = Font(bold=True)
    header = []
    for column in spec.columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in data:
        cells = []
        for column in spec.columns:
            value = row[column.key]
            if column.kind == "datetime" and value:
                cell = WriteOnlyCell(sheet, value=datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ"))
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
                cells.append(cell)
            elif isinstance(value, str) and value[:1] in "=+-@\t\r":
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                cell.quotePrefix = True
                cells.append(cell)
            elif column.kind == "money" and value is not None:
                cells.append(Decimal(value).scaleb(-2))
            else:
                cells.append(value)
        sheet.append(cells)
    workbook.save(out)
    return time.perf_counter() - started


def export_ours(db_path: Path, out: Path) -> float:
    from crm_desktop.services import exporting, open_session

    open_session(db_path)
    started = time.perf_counter()
    exporting.export_table("customers", out)
    return time.perf_counter() - started


def one(kind: str, source: str, target: str) -> None:
    """Run one side in this process; print seconds and peak memory (MiB) as JSON."""
    sys.path.insert(0, str(ROOT))
    function = {
        "baseline": baseline,
        "ours": ours,
        "ours_noindex": ours_without_index,
        "export_baseline": export_baseline,
        "export_ours": export_ours,
    }[kind]
    seconds = function(Path(source), Path(target))
    me = resource.getrusage(resource.RUSAGE_SELF)
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the import's helper processes
    cpu = me.ru_utime + me.ru_stime + helpers.ru_utime + helpers.ru_stime
    peak = max(me.ru_maxrss, helpers.ru_maxrss) / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak, "cpu": cpu}))


def run(kind: str, source: Path, target: Path) -> dict[str, float]:
    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    env = {
        **os.environ,
        "CRM_DESKTOP_HOME": str(target.parent / "home"),
        "CRM_BENCH_IMPORT_ROWS": str(ROWS),
    }
    done = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(source), str(target)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    global ROWS
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--no-export", action="store_true", dest="no_export")
    parser.add_argument("--one", nargs=3, metavar=("KIND", "SOURCE", "TARGET"))
    args = parser.parse_args()
    ROWS = args.rows
    repeat = args.repeat
    if args.one:
        one(*args.one)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT) as folder_name:
        folder = Path(folder_name)
        source = folder / "customers.csv"
        make_csv(source, ROWS)
        size = source.stat().st_size / 2**20
        with open("/proc/loadavg") as handle:
            load = handle.read().split()[:3]
        print(f"# {ROWS:,} customer rows, {size:.1f} MiB CSV; {repeat} runs each, medians")
        print(f"# load average at start: {' '.join(load)} ({os.cpu_count()} cores)")
        bare, mine, plain = [], [], []
        for _ in range(repeat):
            bare.append(run("baseline", source, folder / "bare.sqlite3"))
            mine.append(run("ours", source, folder / "ours.sqlite3"))
            plain.append(run("ours_noindex", source, folder / "plain.sqlite3"))
        b = statistics.median(r["seconds"] for r in bare)
        m = statistics.median(r["seconds"] for r in mine)
        p = statistics.median(r["seconds"] for r in plain)
        report(f"import {ROWS:,} customers from CSV", m * 1000, "ms", b * 1000, 1.5)
        report("  ours, no search index", p * 1000, "ms", b * 1000, 1.5)
        report(
            "  bare pipeline (csv + phonenumbers + email_validator + executemany)", b * 1000, "ms"
        )
        report(
            "  CPU seconds (all processes, incl. start-up)",
            statistics.median(r["cpu"] for r in mine) * 1000,
            "ms",
            statistics.median(r["cpu"] for r in bare) * 1000,
        )
        report("  peak memory, import", max(r["peak_mib"] for r in mine), "MiB")
        report("  peak memory, bare pipeline", max(r["peak_mib"] for r in bare), "MiB")
        with open("/proc/loadavg") as handle:
            print(f"# load average at the end: {' '.join(handle.read().split()[:3])}")
        if args.no_export:
            return
        bare_x, mine_x = [], []
        for _ in range(repeat):
            bare_x.append(run("export_baseline", folder / "ours.sqlite3", folder / "bare.xlsx"))
            mine_x.append(run("export_ours", folder / "ours.sqlite3", folder / "ours.xlsx"))
        b = statistics.median(r["seconds"] for r in bare_x)
        m = statistics.median(r["seconds"] for r in mine_x)
        report(f"export {ROWS:,} customers to xlsx", m * 1000, "ms", b * 1000, 1.3)
        report("  openpyxl write-only alone, same cells", b * 1000, "ms")
        report("  peak memory, export", max(r["peak_mib"] for r in mine_x), "MiB")


if __name__ == "__main__":
    main()
