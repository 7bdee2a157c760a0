"""Every list built from its one declaration: the screen, the export and the form agree.

For each list in the catalogue, what the table calls a column is what an export
of the view calls it, and a list's columns are the declaration's fields. A
field added to the tasks' declaration (a list converted this wave, without an
import) appears in its list, its form and its export with no other change.
"""

from __future__ import annotations

import csv

import pytest
from forms_helpers import show_form

from crm_desktop.models import database
from crm_desktop.services import catalogue, exporting, listing, tasks
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.validation import line
from crm_desktop.ui.forms.task import TaskForm
from crm_desktop.ui.sections import LIST_SECTIONS
from crm_desktop.ui.sections.tasks import SECTION as TASKS

CATALOGUED = [s for s in LIST_SECTIONS if catalogue.has(s.entity)]


def test_the_eleven_lists_of_the_brief_are_catalogued():
    entities = {s.entity for s in CATALOGUED}
    assert {
        "customer", "contact", "product", "deal", "sales_order", "task", "interaction",
        "campaign", "service_case",
    } <= entities  # fmt: skip


@pytest.mark.parametrize("section", CATALOGUED, ids=lambda s: s.key)
def test_the_screen_and_the_export_call_every_column_the_same(db, section):
    spec = listing.spec(section.entity)
    declared = {f.key for f in catalogue.list_fields(section.entity)}
    assert declared <= {c.key for c in spec.all_columns()}
    for column in section.screen_columns():
        definition = catalogue.field_of(section.entity, column.key)
        assert column.title == definition.label  # English: the label as declared
        assert exporting.view_header(column.key, section.entity) == definition.export_header


def test_a_field_added_to_the_tasks_declaration_shows_everywhere(qtbot, db, monkeypatch, tmp_path):
    database.execute_sql("ALTER TABLE task ADD COLUMN place TEXT")
    place = FieldDef("place", "Place", sql="t.place", sort="fold", parse=line(100))
    monkeypatch.setitem(catalogue._BUILT_IN, "task", (*tasks.FIELDS, place))
    task_id = tasks.create_task({"title": "Visit"})
    database.execute_sql("UPDATE task SET place = 'Пекин 北京' WHERE id = ?", (task_id,))

    assert listing.fetch_rows("task", [task_id], ["place"])[0]["place"] == "Пекин 北京"
    assert listing.list_ids("task", listing.ListQuery(sort="place")) == [task_id]
    shown = {c.key: c for c in TASKS.screen_columns()}
    assert shown["place"].title == "Place" and not shown["place"].visible

    form = show_form(qtbot, TaskForm)
    assert form.slots["place"].label == "Place"

    path = tmp_path / "tasks.csv"
    exporting.export_table("task", path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.DictReader(handle))["Place"] == "Пекин 北京"
