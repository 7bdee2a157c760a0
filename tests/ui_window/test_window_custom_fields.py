"""The owner's own fields as a user meets them: Preferences → Fields, the form, the list,
the export and the import, the trash."""

from __future__ import annotations

import csv
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from window_helpers import make_window, open_section, type_text, wait_loaded

from crm_desktop.errors import ValidationError
from crm_desktop.models import close_database, database
from crm_desktop.services import (
    custom_fields,
    customers,
    deals,
    exporting,
    importing,
    listing,
    open_session,
    trash,
)
from crm_desktop.ui.forms.customer import CustomerForm
from crm_desktop.ui.preferences.fields import FieldEditor, FieldsPage

KINDS = {
    "text": ("ИНН / VAT", "=SUM(A1) <b>&"),
    "number": ("Employees", "1 250,5"),
    "money": ("Credit limit", "1,234.56"),
    "date": ("Birthday 生日", "2026-02-28"),
    "yes_no": ("Newsletter", True),
    "choice": ("Courier", "UPS"),
    "link": ("Portal", "portal.example.com"),
}


def add_field_as_user(qtbot, entity: str, name: str, kind: str, choices: str = "") -> int:
    editor = FieldEditor(entity)
    qtbot.addWidget(editor)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # no name yet
    type_text(editor.name, name)
    editor.kind.setCurrentIndex(custom_fields.KINDS.index(kind))
    assert editor.choices.isVisibleTo(editor) == (kind == "choice")
    if choices:
        editor.choices.setPlainText(choices)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert editor.saved_id is not None, editor.error.text()
    return editor.saved_id


def test_a_field_of_each_kind_is_added_filled_in_a_form_and_saved(qtbot, db):
    ids = {
        kind: add_field_as_user(qtbot, "customer", name, kind, "DHL\nUPS\nПочта России\nDHL")
        for kind, (name, _value) in KINDS.items()
    }
    choice = custom_fields.get_field(ids["choice"])
    assert choice.choices == ("DHL", "UPS", "Почта России")  # the repeated one once

    # The same name twice is refused, next to the name.
    twice = FieldEditor("customer")
    qtbot.addWidget(twice)
    type_text(twice.name, "employees")
    twice.save()
    assert twice.saved_id is None and "already" in twice.error.text()

    form = CustomerForm()
    qtbot.addWidget(form)
    form.show()
    type_text(form.slots["name"].editor, "Acme")
    for kind, (name, value) in KINDS.items():
        slot = form.slots[f"cf_{ids[kind]}"]
        # A money field's caption names the currency, like the built-in ones.
        assert slot.label == (f"{name} (USD)" if kind == "money" else name)
        if kind in ("text", "number", "money", "link"):
            slot.editor.clear()
            type_text(slot.editor, value)
        else:
            slot.editor.set_value(value)
    # A wrong number is said next to the field, and Save waits.
    number = form.slots[f"cf_{ids['number']}"]
    number.editor.clear()
    type_text(number.editor, "lots")
    assert not form.save_button.isEnabled()
    number.editor.clear()
    type_text(number.editor, "1 250,5")
    assert form.save_button.isEnabled()
    assert form.save()

    values = custom_fields.values_of("customer", [form.saved_id])[form.saved_id]
    assert values[f"cf_{ids['text']}"] == "=SUM(A1) <b>&"
    assert str(values[f"cf_{ids['number']}"]) == "1250.5"
    assert values[f"cf_{ids['money']}"] == 123456
    assert values[f"cf_{ids['date']}"] == "2026-02-28"
    assert values[f"cf_{ids['yes_no']}"] == 1
    assert values[f"cf_{ids['choice']}"] == "UPS"
    assert values[f"cf_{ids['link']}"] == "portal.example.com"  # kept as typed, like a website
    # In the audit log like a built-in field.
    entry = database.execute_sql(
        "SELECT changes FROM audit_log WHERE entity = 'customer' AND entity_id = ? "
        "AND action = 'create'",
        (form.saved_id,),
    ).fetchone()[0]
    assert json.loads(entry)[f"cf_{ids['choice']}"] == [None, "UPS"]

    # Opened again, the form shows them; an edit is saved and undoable like any field.
    again = CustomerForm(record_id=form.saved_id)
    qtbot.addWidget(again)
    assert again.slots[f"cf_{ids['choice']}"].editor.value() == "UPS"
    assert not again.is_dirty()


def test_fields_page_renames_reorders_and_deletes_to_the_trash(qtbot, db):
    first = custom_fields.create_field("deal", "Region", "text")
    second = custom_fields.create_field("deal", "Score", "number")
    customer_id = customers.create_customer({"name": "Acme"})
    deal_id = deals.create_deal({"title": "Big", "customer_id": customer_id, f"cf_{first}": "Nord"})
    page = FieldsPage()
    qtbot.addWidget(page)
    page.entity.setCurrentIndex(list(custom_fields.ENTITY_LABELS).index("deal"))
    assert page.list.count() == 2
    page.list.setCurrentRow(1)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert [f.id for f in custom_fields.fields_of("deal")] == [second, first]

    custom_fields.update_field(first, name="Регион")  # a rename keeps the values
    assert deals.get_deal(deal_id)[f"cf_{first}"] == "Nord"
    page.reload(select=first)
    assert page.current_field().name == "Регион"

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "in the trash" in page.status.text()
    assert [f.id for f in custom_fields.fields_of("deal")] == [second]
    assert f"cf_{first}" not in deals.get_deal(deal_id)
    assert any(item["entity"] == "custom_field" for item in trash.list_trash())
    trash.restore_batch(trash.last_batch())  # Undo
    assert deals.get_deal(deal_id)[f"cf_{first}"] == "Nord"


def test_a_custom_column_shows_sorts_and_filters_in_the_window(qtbot, db_path):
    open_session(db_path)
    size = custom_fields.create_field("customer", "Size", "number")
    tier = custom_fields.create_field("customer", "Tier", "choice", choices=["Gold", "Silver"])
    for name, employees, level in (("B", 30, "Gold"), ("A", 5, "Silver"), ("C", None, "Gold")):
        customers.create_customer({"name": name, f"cf_{size}": employees, f"cf_{tier}": level})
    close_database()
    window = make_window(qtbot, db_path)
    page = open_section(qtbot, window, "customers")
    keys = [c.key for c in page.model.columns]
    column = keys.index(f"cf_{size}")
    assert page.model.headerData(column, Qt.Orientation.Horizontal) == "Size"
    assert page.table.horizontalHeader().isSectionHidden(column)  # offered, hidden at first
    page.table._set_column_shown(column, True)
    page.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, page)
    model = page.model
    shown = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert shown == ["30", "5", ""]  # empty last, whatever the direction
    page.model.set_filters({f"cf_{tier}": "gold"})
    wait_loaded(qtbot, page)
    assert model.rowCount() == 2

    # A field added while the window is open becomes a column at once.
    custom_fields.create_field("customer", "Region", "text")
    qtbot.waitUntil(lambda: "Region" in [c.title for c in page.model.columns], timeout=5000)
    assert not page.table.horizontalHeader().isSectionHidden(column)  # kept as the user set


def test_custom_values_go_out_in_an_export_and_come_back_in_an_import(db, tmp_path):
    vat = custom_fields.create_field("customer", "VAT number", "text")
    limit = custom_fields.create_field("customer", "Credit limit", "money")
    customers.create_customer({"name": "Acme", f"cf_{vat}": "=DE123", f"cf_{limit}": "99.50"})
    customers.create_customer({"name": "Ромашка", f"cf_{vat}": "RU 7701"})
    path = tmp_path / "customers.csv"
    exporting.export_table("customer", path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["VAT number"] == "'=DE123"  # a formula-looking text is never a formula
    assert rows[0]["Credit limit"] == "99.50"
    view = tmp_path / "view.csv"
    exporting.export_view(
        "customer", listing.ListQuery(sort=f"cf_{vat}"), view, columns=["name", f"cf_{vat}"]
    )
    assert view.read_text(encoding="utf-8-sig").splitlines()[0] == "Name,VAT number"

    close_database()
    other = tmp_path / "other.sqlite3"
    open_session(other)
    again = custom_fields.create_field("customer", "VAT number", "text")
    again_limit = custom_fields.create_field("customer", "Credit limit", "money")
    result = importing.run_import(path, "customer")
    assert result.created == 2 and result.kept == 0
    by_name = {
        row["name"]: row for row in listing.fetch_rows("customer", listing.list_ids("customer"))
    }
    assert by_name["Acme"][f"cf_{again}"] == "=DE123"
    assert by_name["Acme"][f"cf_{again_limit}"] == 9950
    assert by_name["Ромашка"][f"cf_{again}"] == "RU 7701"


def test_hostile_field_definitions_are_refused(db):
    with pytest.raises(ValidationError):
        custom_fields.create_field("customer", "", "text")
    with pytest.raises(ValidationError):
        custom_fields.create_field("customer", "x" * 61, "text")
    with pytest.raises(ValidationError):
        custom_fields.create_field("customer", "Email", "text")  # a built-in field's name
    with pytest.raises(ValidationError):
        custom_fields.create_field("customer", "Pick", "choice", choices=["", "  "])
    with pytest.raises(ValidationError):
        custom_fields.create_field("task", "Nope", "text")
    emoji = custom_fields.create_field("customer", "Mood 😀 مرحبا", "text")
    assert custom_fields.get_field(emoji).name == "Mood 😀 مرحبا"
