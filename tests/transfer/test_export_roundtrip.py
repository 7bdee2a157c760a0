"""Exports: every table and format; what we export imports back without loss."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from transfer_db import rows

from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.models import close_database, database
from crm_desktop.services import exporting, importing, listing, open_session, settings
from crm_desktop.services.contacts import create_contact
from crm_desktop.services.customers import create_customer
from crm_desktop.services.products import create_product

LONG_NOTE = ("Долгая заметка 长笔记 " * 3000)[:40_000]
HOSTILE = [
    {"name": '=HYPERLINK("http://evil")', "notes": "+1 then -2 @home", "city": "Zürich"},
    {"name": "'=quoted already", "notes": "\tstarts with a tab", "kind": "person"},
    {"name": "محمد العلي", "notes": "שלום עולם 🙂", "city": "القاهرة", "status": "active"},
    {"name": "<b>&amp; Co</b>", "notes": LONG_NOTE, "email": "bold@example.com"},
    {"name": "张伟贸易", "website": "例子.中国", "address": "中山路 1号\n二楼", "source": "微信"},
    {"name": "Empty Values Ltd"},
]


def _sample(db_path) -> None:
    for index, data in enumerate(HOSTILE):
        customer_id = create_customer(
            {"phone": f"+1 212 555 01{index:02d}", **data},
            tag_names=["VIP", "a,b"] if index else [],
        )
        if index % 2 == 0:
            create_contact(
                {
                    "customer_id": customer_id,
                    "name": f"Контакт {index}",
                    "position": "-CEO",
                    "email": f"c{index}@example.com",
                    "notes": "=1+1",
                }
            )
    create_product(
        {
            "sku": "=SKU-1",
            "name": "Стул",
            "unit_price_cents": 123456,
            "description": LONG_NOTE[:19_999],
            "stock_qty": "2.5",
        }
    )
    create_product({"sku": "B-2", "name": "Table 🙂", "unit_price_cents": 0, "active": 0})


def _customers() -> list[tuple]:
    data = rows(
        "SELECT c.kind, c.name, c.email, c.phone, c.website, c.address, c.city, c.country, "
        "c.status, c.source, c.notes, (SELECT group_concat(name) FROM (SELECT t.name FROM "
        "customer_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.customer_id = c.id "
        "ORDER BY t.name)), p.name, p.position, p.email, p.phone FROM customer c "
        "LEFT JOIN contact p ON p.customer_id = c.id AND p.is_primary = 1 "
        "WHERE c.deleted_at IS NULL"
    )
    return sorted(data, key=repr)


def _contacts() -> list[tuple]:
    return sorted(
        rows(
            "SELECT ct.name, ct.position, ct.email, ct.phone, ct.notes, ct.is_primary, c.name "
            "FROM contact ct JOIN customer c ON c.id = ct.customer_id"
        ),
        key=repr,
    )


def _products() -> list[tuple]:
    return sorted(
        rows("SELECT sku, name, description, unit_price_cents, stock_qty, active FROM product"),
        key=repr,
    )


SNAPSHOT = {"customer": _customers, "contact": _contacts, "product": _products}
CASES = [
    (entity, fmt)
    for entity in ("customer", "contact", "product")
    for fmt in ("csv", "xlsx", "vcf")
    if fmt != "vcf" or entity != "product"
]


@pytest.mark.parametrize(("entity", "fmt"), CASES)
def test_export_then_import_is_lossless(db, tmp_path, entity, fmt):
    _sample(db)
    expected = SNAPSHOT[entity]()
    expected_customers = _customers()
    out = tmp_path / f"export.{fmt}"
    exporting.export_table(entity, out)
    close_database()
    open_session(tmp_path / "fresh.sqlite3")
    settings.set_many({"phone_region": "US", "currency": "USD"})
    if entity == "product":
        # Products stand alone; contacts need their customers first (as a user would do).
        pass
    elif entity == "contact":
        exporting_db = db
        close_database()
        open_session(exporting_db)
        exporting.export_table("customer", tmp_path / "customers.csv")
        close_database()
        open_session(tmp_path / "fresh.sqlite3")
        importing.run_import(tmp_path / "customers.csv", "customer", policy="create")
        database.execute_sql("DELETE FROM contact")
    result = importing.run_import(out, entity, policy="create")
    assert result.refused == 0, result.refused_rows
    assert SNAPSHOT[entity]() == expected
    if entity == "customer":
        assert _customers() == expected_customers
    # And importing the same export again creates nothing.
    assert importing.run_import(out, entity).created == 0


def test_xlsx_cells_are_typed_and_safe(demo_db, tmp_path):
    from openpyxl import load_workbook

    create_customer({"name": "=cmd|' /C calc'!A0", "notes": LONG_NOTE})
    out = tmp_path / "customers.xlsx"
    exporting.export_table("customers", out)
    sheet = load_workbook(out)["Customers"]
    header = [c.value for c in sheet[1]]
    assert header[header.index("Notes") + 1] == "Notes (continued)"
    name = header.index("Name")
    formula_rows = [r for r in sheet.iter_rows(min_row=2) if r[name].value == "=cmd|' /C calc'!A0"]
    cell = formula_rows[0][name]
    assert cell.data_type == "s" and cell.quotePrefix
    notes = formula_rows[0][header.index("Notes")].value
    rest = formula_rows[0][header.index("Notes") + 1].value
    assert len(notes) == 32_767 and notes + rest == LONG_NOTE
    created = [r[header.index("Created (UTC)")] for r in sheet.iter_rows(min_row=2)]
    assert isinstance(created[0].value, datetime)
    orders = tmp_path / "orders.xlsx"
    exporting.export_table("orders", orders)
    book = load_workbook(orders)
    order_sheet = book["Orders"]
    header = [c.value for c in order_sheet[1]]
    total = order_sheet.cell(row=2, column=header.index("Total") + 1)
    assert isinstance(total.value, int | float) and total.number_format.startswith('"$"')
    day = order_sheet.cell(row=2, column=header.index("Date") + 1)
    assert isinstance(day.value, datetime) and day.number_format == "m/d/yyyy"  # en_US
    assert book["Order lines"].max_row > order_sheet.max_row


@pytest.mark.parametrize("table", ["orders", "deals", "tasks", "interactions"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_other_tables_export_their_values_exactly(demo_db, tmp_path, table, fmt):
    out = tmp_path / f"{table}.{fmt}"
    result = exporting.export_table(table, out)
    entity = exporting.entity_of(table)
    spec = exporting.full_export(entity)
    expected = list(exporting._full_rows(spec, exporting._WHERE[entity]))
    assert result.rows == len(expected) > 0
    read = importing.read_file(out)
    assert read.headers[: len(spec.columns)] == [c.header for c in spec.columns]
    assert len(read.rows) == len(expected)
    for cells, row in zip((r.cells for r in read.rows), expected, strict=True):
        for column, text in zip(spec.columns, cells, strict=False):
            value = row[column.key]
            if value is None:
                assert text == ""
            elif column.kind == "money":
                assert Decimal(text) == Decimal(value) / 100
            elif column.kind == "datetime" and fmt == "xlsx":
                assert text == value.replace("T", " ").rstrip("Z")
            elif column.kind == "bool":
                assert text == ("yes" if value else "no")
            else:
                assert text == str(value)


def test_export_of_the_current_view(demo_db, tmp_path):
    query = listing.ListQuery(filters={"status": "active"}, sort="name")
    ids = listing.list_ids("customer", query)
    out = tmp_path / "view.csv"
    result = exporting.export_view("customer", query, out, columns=["name", "email", "phone"])
    assert result.rows == len(ids)
    table = importing.read_file(out)
    assert table.headers == ["Name", "Email", "Phone"]
    names = [r["name"] for r in listing.fetch_rows("customer", ids, ["name"])]
    assert [r.cells[0] for r in table.rows] == names
    vcf = tmp_path / "view.vcf"
    assert exporting.export_view("customer", query, vcf).rows == len(ids)
    assert vcf.read_text(encoding="utf-8").count("BEGIN:VCARD") == len(ids)
    with pytest.raises(CrmError, match="customers and contacts"):
        exporting.export_view("deal", None, tmp_path / "deals.vcf")


def test_a_cancelled_or_failed_export_leaves_no_file(demo_db, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "customers.xlsx"
    with pytest.raises(CancelledError):
        exporting.export_table("customers", out, cancelled=lambda: True)
    assert not out.exists()
    calls = []

    def cancel_midway() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(CancelledError):
        exporting.export_table("orders", folder / "orders.csv", cancelled=cancel_midway)
    with pytest.raises(CrmError, match="folder"):
        exporting.export_table("customers", folder / "missing" / "c.csv")
    with pytest.raises(CrmError, match=r"\.csv, \.xlsx or \.vcf"):
        exporting.export_table("customers", folder / "c.pdf")
    with pytest.raises(CrmError):
        exporting.export_table("products", folder / "p.vcf")
    assert list(folder.iterdir()) == []


def test_csv_export_protects_formulas_and_keeps_bom(db, tmp_path):
    create_customer({"name": "=1+1", "notes": "@SUM(A1)", "phone": "+1 212 555 0100"})
    out = tmp_path / "c.csv"
    exporting.export_table("customers", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=1+1" in text and "'@SUM(A1)" in text and "'+12125550100" in text
    assert date.today().isoformat()[:4] in text  # timestamps as ISO text


LONG_LINES = "\n".join(f"Línea {n}: «nota», con comas; y punto y coma" for n in range(30))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_contacts_of_customers_sharing_a_name_import_back(db, tmp_path, fmt):
    """Five customers called "Alhambra Distribuciones S.A.", none with an email."""
    for number in range(5):
        customer_id = create_customer({"name": "Alhambra Distribuciones S.A.", "city": "Granada"})
        for person in range(2):
            create_contact(
                {
                    "customer_id": customer_id,
                    "name": f"Persona {number}-{person}",
                    "phone": f"+34 958 12 34 {number}{person}",
                    "notes": f"{LONG_LINES}\nCliente {number}",
                }
            )
    owners = sorted(rows("SELECT customer_id, name, phone, notes FROM contact"), key=repr)
    contacts_out = tmp_path / f"contacts.{fmt}"
    customers_out = tmp_path / f"customers.{fmt}"
    exporting.export_table("contact", contacts_out)
    exporting.export_table("customer", customers_out)
    # Into the same database: every row is matched back to its own record.
    again = importing.run_import(contacts_out, "contact")
    assert (again.created, again.refused, again.skipped) == (0, 0, 10), again.refused_rows
    # Into an empty one: the customers keep their ids, so each contact finds its own. (The
    # customers' export brings their primary contacts; the contacts' export fills them in.)
    close_database()
    open_session(tmp_path / "fresh.sqlite3")
    settings.set_many({"phone_region": "US", "currency": "USD"})
    assert importing.run_import(customers_out, "customer", policy="create").created == 5
    result = importing.run_import(contacts_out, "contact", policy="update")
    assert (result.created, result.updated, result.refused) == (5, 5, 0), result.refused_rows
    assert sorted(rows("SELECT customer_id, name, phone, notes FROM contact"), key=repr) == owners


def test_records_keep_their_ids_only_where_they_are_free(db, tmp_path):
    create_customer({"name": "Old One"})  # id 1
    source = tmp_path / "ids.csv"
    source.write_text("ID,Name\n1,Somebody Else\n7,Seven\n7,Another Seven\n,No Id\n")
    result = importing.run_import(source, "customer")
    assert result.created == 4
    assert rows("SELECT id, name FROM customer ORDER BY id") == [
        (1, "Old One"),
        (2, "Somebody Else"),  # id 1 is taken: a new id
        (3, "Another Seven"),  # 7 is taken by the row before
        (4, "No Id"),
        (7, "Seven"),  # never used: kept
    ]
    # The same file again: each row matches its record by id and name.
    assert importing.run_import(source, "customer").created == 0
