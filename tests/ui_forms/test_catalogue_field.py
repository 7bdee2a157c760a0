"""One declaration per field: a field added to an entity's declaration shows everywhere.

The test adds a built-in field to the customers' declaration only (the model and
the migration give it its column; here an ALTER TABLE does) and finds it in the
list, its table's columns, the form, the export's header and the import's mapping.
"""

from __future__ import annotations

import csv

import pytest
from forms_helpers import show_form

from crm_desktop.models import database
from crm_desktop.services import catalogue, customers, exporting, importing, listing
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.importing.mapping import guess_mapping
from crm_desktop.services.importing.table import Table
from crm_desktop.services.validation import line
from crm_desktop.ui.forms.customer import CustomerForm
from crm_desktop.ui.sections.customers import SECTION

VAT = FieldDef(
    "vat_number",
    "VAT number",
    sql="c.vat_number",
    sort="fold",
    synonyms=("USt-IdNr", "ИНН"),
    parse=line(40),
)


@pytest.fixture
def vat_declared(db, monkeypatch):
    database.execute_sql("ALTER TABLE customer ADD COLUMN vat_number TEXT")
    monkeypatch.setitem(catalogue._BUILT_IN, "customer", (*customers.FIELDS, VAT))
    customer_id = customers.create_customer({"name": "Acme"})
    database.execute_sql("UPDATE customer SET vat_number = 'DE123' WHERE id = ?", (customer_id,))
    return customer_id


def test_a_declared_field_is_in_the_list_form_export_and_import(qtbot, vat_declared, tmp_path):
    # The list: a column that reads, sorts and is offered on screen (hidden until shown).
    column = listing.spec("customer").column("vat_number")
    assert column.sort == "crm_sort_key(c.vat_number)"
    assert (
        listing.fetch_rows("customer", [vat_declared], ["vat_number"])[0]["vat_number"] == "DE123"
    )
    ordered = listing.list_ids("customer", listing.ListQuery(sort="vat_number"))
    assert ordered == [vat_declared]
    shown = {c.key: c for c in SECTION.screen_columns()}
    assert shown["vat_number"].title == "VAT number" and not shown["vat_number"].visible

    # The form: an editor with its caption, after the fields declared before it.
    form = show_form(qtbot, CustomerForm)
    assert "vat_number" in form.slots
    assert form.slots["vat_number"].label == "VAT number"
    assert list(form.slots).index("vat_number") == len(form.slots) - 1

    # The export: its header and value.
    path = tmp_path / "customers.csv"
    exporting.export_table("customer", path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["VAT number"] == "DE123"
    view = tmp_path / "view.csv"
    exporting.export_view("customer", None, view, columns=["name", "vat_number"])
    assert view.read_text(encoding="utf-8-sig").splitlines()[0] == "Name,VAT number"

    # The import: a target, found by its label and by its synonyms.
    assert any(t.key == "vat_number" for t in importing.TARGETS["customer"])
    table = Table(headers=["Name", "VAT number", "USt-IdNr", "инн"], rows=[])
    assert guess_mapping(table, "customer") == ["name", "vat_number", "vat_number", "vat_number"]


def test_the_screen_and_the_export_call_a_column_the_same(db):
    shown = {c.key: c.title for c in SECTION.screen_columns()}
    assert shown["primary_contact"] == "Primary contact"
    assert exporting.view_header("primary_contact", "customer") == "Primary contact"
