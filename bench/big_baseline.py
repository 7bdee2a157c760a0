"""The baselines of the big documents: each library alone, streaming the same rows from SQLite.

Run as a process of its own by ``bench_reports.py big`` (measured like ours, with
``/usr/bin/time``), so each figure of ours has a baseline from the same run:

``csv DB OUT``   the customers' 22 export columns, ``csv.writer`` over one cursor;
``xlsx DB OUT``  the same cells through openpyxl write-only (plain values, no styles);
``pdf DB OUT N`` N rows of seven short strings drawn by reportlab's own canvas
                 (70 rows a page, pages kept in memory until ``save()``: reportlab's way).

No validation, formatting, formula guard, progress or atomic file: the floor under ours.
"""

from __future__ import annotations

import csv
import sqlite3
import sys

_COLUMNS = (
    "id, name, kind, status, email, phone, website, address, city, country, source, "
    "'' AS tags, notes, legal_name, tax_id, kpp, '' AS c1, '' AS c2, '' AS c3, '' AS c4, "
    "created_at, updated_at"
)


def _rows(db: str):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.execute("PRAGMA temp_store = FILE")  # the sort spills to disk, as ours does
    cursor = conn.execute(f"SELECT {_COLUMNS} FROM customer ORDER BY name, id")
    while chunk := cursor.fetchmany(2000):
        yield from chunk


def write_csv(db: str, out: str) -> None:
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in _rows(db):
            writer.writerow(row)


def write_xlsx(db: str, out: str) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Customers")
    for row in _rows(db):
        sheet.append(row)
    book.save(out)


def write_pdf(db: str, out: str, count: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(out, pagesize=A4)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    cursor = conn.execute("SELECT id, name FROM customer ORDER BY id LIMIT ?", (count,))
    y = 800.0
    for rank, (customer_id, name) in enumerate(cursor, start=1):
        canvas.setFont("Helvetica", 8)
        for x, text in zip(
            (40, 70, 300, 350, 420, 470, 520),
            (str(rank), name, "3", f"{customer_id * 37:,}.00", "0.01%", "45.2%", "A"),
            strict=True,
        ):
            canvas.drawString(x, y, text)
        y -= 11
        if y < 40:
            canvas.showPage()
            y = 800.0
    canvas.save()


if __name__ == "__main__":
    kind, database, target = sys.argv[1:4]
    if kind == "csv":
        write_csv(database, target)
    elif kind == "xlsx":
        write_xlsx(database, target)
    else:
        write_pdf(database, target, int(sys.argv[4]))
