"""Exports keep every cell: the same values, types, formats and guards as the code before.

``tests/data/export_cells.json`` holds a small database's exports as main's code at
``70ec625`` wrote them (before the exports were made faster): every CSV file's bytes
(as a SHA-256, and its cells) and every xlsx cell's value, type, number format, quote
prefix and font. The test writes the same exports with today's code and compares them
cell by cell. To write the file again with another tree's code (only when a change of
the output is meant)::

    CRM_DESKTOP_HOME=$(mktemp -d) OTHER/.venv/bin/python tests/transfer/test_export_cells.py
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "export_cells.json"
# Longer than an xlsx cell holds (32,767): it goes on in "Notes (continued)".
LONG_NOTE = ("Долгая заметка 长笔记 «x» " * 1500)[:33_000]
HOSTILE = [
    {"name": '=HYPERLINK("http://evil")', "notes": "+1 then -2 @home", "city": "Zürich"},
    {"name": "'=quoted already", "notes": "\tstarts with a tab", "kind": "person"},
    {"name": "+plus first", "notes": "\rcarriage", "source": "-minus"},
    {"name": "@at first", "notes": "'''@three quotes", "city": "=A1"},
    {"name": "محمد العلي", "notes": "שלום עולם 🙂", "city": "القاهرة", "status": "active"},
    {"name": "<b>&amp; Co</b>", "notes": LONG_NOTE, "email": "bold@example.com"},
    {"name": "张伟贸易", "website": "例子.中国", "address": "中山路 1号\n二楼", "source": "微信"},
    {"name": "Иванов и партнёры", "notes": "bell\x07 and nul-less \x01control", "country": "RU"},
    {"name": " spaces around ", "notes": "", "city": " "},
    {"name": "Empty Values Ltd"},
]
STAMP = "2026-06-15T09:30:05Z"


def build() -> None:
    """The database: a small deterministic demo and hostile customers (opened already)."""
    from crm_desktop.models import database
    from crm_desktop.services import demo, settings
    from crm_desktop.services.contacts import create_contact
    from crm_desktop.services.customers import create_customer

    settings.set_many({"phone_region": "US", "currency": "USD", "locale": "en_US"})
    demo.generate(customers=30, seed=3, on=date(2026, 6, 15))
    for index, data in enumerate(HOSTILE):
        customer_id = create_customer(
            {"phone": f"+1 212 555 01{index:02d}", **data},
            tag_names=["VIP", "a,b", "=tag", "Ёлка"][: index % 5],
        )
        if index % 2 == 0:
            create_contact(
                {
                    "customer_id": customer_id,
                    "name": f"Контакт {index}",
                    "position": "-CEO",
                    "email": f"c{index}@example.com",
                    "phone": "+44 20 7946 0958",
                    "notes": "=1+1",
                }
            )
    with database.atomic():  # another tool's control characters (the forms drop them)
        database.execute_sql(
            "UPDATE customer SET city = 'Mos' || char(1) || 'cow', source = char(7), "
            "legal_name = '=' || char(11) || 'x' WHERE name = ?",
            ("Иванов и партнёры",),
        )
    with database.atomic():  # the hostile rows were made now: give them a fixed time
        database.execute_sql(
            "UPDATE customer SET created_at = ?, updated_at = ? WHERE updated_at > ?",
            (STAMP, STAMP, "2026-07-01"),
        )


def exports(folder: Path) -> dict[str, Any]:
    """Every export of the test, written into ``folder`` and read back as cells."""
    from crm_desktop.services import exporting, listing, settings

    out: dict[str, Any] = {}

    def table(name: str, suffix: str, label: str = "") -> None:
        path = folder / f"{name}{label}.{suffix}"
        exporting.export_table(name, path)
        out[path.name] = read(path)

    for name in ("customers", "contacts", "orders", "deals"):
        for suffix in ("csv", "xlsx"):
            table(name, suffix)
    query = listing.ListQuery(search="", filters={}, sort="name", descending=True)
    for suffix in ("csv", "xlsx"):
        path = folder / f"view-customers.{suffix}"
        exporting.export_view("customer", query, path)
        out[path.name] = read(path)
        path = folder / f"view-orders.{suffix}"
        exporting.export_view("sales_order", None, path)
        out[path.name] = read(path)
    settings.set_many({"currency": "RUB", "locale": "ru_RU"})
    for name in ("customers", "orders"):  # the CSV files are the same in any locale
        table(name, "xlsx", "-ru")
    return out


def _text(value: str) -> str:
    if len(value) > 200:  # long notes: their length and digest
        return f"<{len(value)} chars {hashlib.sha256(value.encode()).hexdigest()[:16]}>"
    return value


def _value(value: Any) -> Any:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, datetime | date | time):
        return f"{type(value).__name__}:{value.isoformat()}"
    if isinstance(value, bool | int | float):
        return f"{type(value).__name__}:{value!r}"
    return value if value is None else f"{type(value).__name__}:{value}"


def _cell(cell: Any) -> Any:
    """A cell as ``[value, type]``, then its number format, quote prefix and bold if set."""
    out = [_value(cell.value), cell.data_type]
    if cell.number_format != "General" or cell.quotePrefix or cell.font.b:
        out += [cell.number_format, bool(cell.quotePrefix), bool(cell.font.b)]
    return out


def read(path: Path) -> Any:
    data = path.read_bytes()
    if path.suffix == ".csv":
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        return {
            "sha256": hashlib.sha256(data).hexdigest(),
            "rows": [[_text(cell) for cell in row] for row in rows],
        }
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheets = {}
    for sheet in book.worksheets:
        sheets[sheet.title] = {
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "rows": [[_cell(cell) for cell in row] for row in sheet.iter_rows()],
        }
    return sheets


@pytest.mark.skipif(not GOLDEN.exists(), reason="no golden file")
def test_exports_keep_every_cell_as_before(db, tmp_path):
    build()
    now = exports(tmp_path)
    before = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sorted(now) == sorted(before)
    for name in sorted(before):
        if name.endswith(".csv"):
            assert now[name]["rows"] == before[name]["rows"], name
            assert now[name]["sha256"] == before[name]["sha256"], name
            continue
        assert list(now[name]) == list(before[name]), name  # the sheets, in order
        for title, sheet in before[name].items():
            got = now[name][title]
            assert (got["freeze"], got["filter"]) == (sheet["freeze"], sheet["filter"])
            assert len(got["rows"]) == len(sheet["rows"]), (name, title)
            for number, (row, expected) in enumerate(
                zip(got["rows"], sheet["rows"], strict=True), 1
            ):
                assert json.loads(json.dumps(row)) == expected, (name, title, number)


def _write_golden() -> None:
    import tempfile

    from crm_desktop.models import close_database
    from crm_desktop.services import open_session

    with tempfile.TemporaryDirectory() as folder:
        open_session(Path(folder) / "crm.sqlite3")
        try:
            build()
            result = exports(Path(folder))
        finally:
            close_database()
    lines = [
        f"{json.dumps(name)}: {json.dumps(cells, ensure_ascii=False, separators=(',', ':'))}"
        for name, cells in result.items()
    ]  # one export a line
    GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    _write_golden()


TAGS = [
    "Ёлка",
    "apple",
    "Zebra",
    "张伟",
    "éclair",
    "!bang",
    "'quoted",
    "=sum",
    "Яблоко",
    "Apple pie",
]


def _tag_cells(path: Path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    return [row[rows[0].index("Tags")] for row in rows[1:]]


def test_a_whole_export_orders_tags_by_ranks_made_once_as_crm_sort_key_does(
    db, tmp_path, monkeypatch
):
    """A million customers' tags were ordered by a Python call a tag (crm_sort_key): now by
    ranks made once, in the same order; where no temporary table may be made, as before."""
    from crm_desktop.models import database
    from crm_desktop.services import exporting, text
    from crm_desktop.services.customers import create_customer
    from crm_desktop.services.tags import tags_of

    for number in range(12):
        create_customer({"name": f"Tagged {number:02d}"}, tag_names=TAGS[number % 5 :][:6])
    expected = [", ".join(tags_of(i)) for i in range(1, 13)]
    calls = []
    sort_key = text.sort_key
    monkeypatch.setattr(text, "sort_key", lambda *a: calls.append(1) or sort_key(*a))
    exporting.export_table("customers", tmp_path / "ranked.csv")
    assert _tag_cells(tmp_path / "ranked.csv") == expected
    assert calls == []  # SQL called no Python for the tags' order
    database.execute_sql("PRAGMA query_only = ON")  # no temporary table: crm_sort_key
    try:
        exporting.export_table("customers", tmp_path / "plain.csv")
    finally:
        database.execute_sql("PRAGMA query_only = OFF")
    assert _tag_cells(tmp_path / "plain.csv") == expected
    assert len(calls) >= 12 * 5
    tables = database.execute_sql("SELECT name FROM temp.sqlite_master").fetchall()
    assert tables == []  # the ranks are gone after the export
