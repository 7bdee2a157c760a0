"""The contacts' stored sort keys (schema 16): the contact list in the order of its names.

The list reads its order from ``contact_key``; these tests hold it to the order the key
function gives (``crm_sort_key``, what the list sorted by before), whoever wrote the
contacts: the forms, an import, the demo, a re-key for the data's language, another
SQLite tool, the upgrade.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from crm_desktop.models import close_database, database
from crm_desktop.models.schema import expected_objects, objects_of
from crm_desktop.services import (
    campaigns,
    contact_keys,
    contacts,
    customers,
    listing,
    open_session,
    settings,
    sort_order,
    trash,
)
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.text import sort_key
from tests.old_schema import CONTACT_KEY_VERSION, as_of_version, drop_contact_keys
from tests.other_tool import other_tool

HOSTILE = [
    "Жуков",
    "Ёлкин",
    "Zhang Wei",
    "张伟",
    "安娜",
    "émile",
    "Emile",
    "=1+1",
    "<b>&amp;</b>",
    "🙂 Smiley",
    "מרים",
    "'Quoted",
    "x" * 200,
    "Алексей",
]


def _expected(descending: bool = False) -> list[int]:
    """The order the list had before the stored keys: the key of each name, ties by id."""
    direction = "DESC" if descending else "ASC"
    return [
        row[0]
        for row in database.execute_sql(
            "SELECT ct.id FROM contact ct JOIN customer c ON c.id = ct.customer_id "
            f"WHERE c.deleted_at IS NULL ORDER BY crm_sort_key(ct.name) {direction}, "
            f"ct.id {direction}"
        )
    ]


def _people(names: list[str]) -> list[int]:
    customer = customers.create_customer({"name": "Acme"})
    return [contacts.create_contact({"customer_id": customer, "name": n}) for n in names]


def _stored() -> dict[int, str | None]:
    return dict(database.execute_sql("SELECT id, name_key FROM contact_key").fetchall())


@pytest.mark.parametrize("descending", [False, True])
def test_the_contact_list_sorts_by_name_in_every_script(db, descending):
    ids = _people([*HOSTILE, "Жуков"])  # a name twice: ties by id
    assert _stored() == {i: sort_key(n) for i, n in zip(ids, [*HOSTILE, "Жуков"], strict=True)}
    query = ListQuery(sort="name", descending=descending)
    assert listing.list_ids("contact", query) == _expected(descending)
    ends = listing.list_ends("contact", query, 5)
    assert ends is not None and ends[1] == _expected(descending)[:5]


def test_a_rename_in_the_form_moves_the_contact(db):
    first, second = _people(["Anna", "Boris"])
    contacts.update_contact(first, {"name": "Яна"})
    assert _stored()[first] == sort_key("Яна")
    assert listing.list_ids("contact") == [second, first] == _expected()


def test_another_tools_edits_are_keyed_before_the_list_reads(db):
    anna, boris, _vera = _people(["Anna", "Boris", "Vera"])
    close_database()
    other_tool(
        db,
        f"UPDATE contact SET name = 'Zoe' WHERE id = {anna}",
        "INSERT INTO contact (customer_id, name, is_primary) VALUES (1, 'Aaron', 0)",
        f"DELETE FROM contact WHERE id = {boris}",
    )
    open_session(db, refresh_search=False)
    stored = _stored()
    assert stored[anna] is None and None in stored.values() and boris not in stored
    ends = listing.list_ends("contact", ListQuery(), 10)
    assert None not in _stored().values()
    assert ends is not None and ends[1] == listing.list_ids("contact") == _expected()
    names = [row["name"] for row in listing.fetch_rows("contact", ends[1])]
    assert names == ["Aaron", "Vera", "Zoe"]


def _the_list_is_whole_and_in_order(entity: str = "contact") -> list[int]:
    """The list (both ways), its count and its rows: every contact, in the key order."""
    ids = listing.list_ids(entity)
    assert ids == _expected()
    assert listing.list_ids(entity, ListQuery(sort="name", descending=True)) == _expected(True)
    assert listing.count(entity) == len(ids)
    ends = listing.list_ends(entity, ListQuery(), 2)
    assert ends is None or ends == (len(ids), ids[:2], ids[-2:])
    assert [row["id"] for row in listing.fetch_rows(entity, ids)] == ids
    return ids


def test_a_read_only_file_lists_every_contact_in_order(db, monkeypatch):
    _people(["Boris", "Anna", "Яна", "张伟"])
    database.execute_sql("UPDATE contact_key SET name_key = NULL")

    def refused(*_args, **_kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(contact_keys, "_make", refused)
    assert contact_keys.listable() is False
    _the_list_is_whole_and_in_order()  # by the stand-in: no NULL key first
    assert listing.list_ends("contact", ListQuery(), 2) is None  # every contact sorted
    assert set(_stored().values()) == {None}


@pytest.mark.parametrize("deleted", ["all", "one"])
def test_key_rows_another_tool_deleted_are_made_before_the_list_reads(db, deleted):
    ids = _people(["Boris", "Anna", "Яна", "张伟", "=1+1"])
    close_database()
    where = "" if deleted == "all" else f" WHERE id = {ids[1]}"
    other_tool(db, "PRAGMA foreign_keys = OFF", f"DELETE FROM contact_key{where}")
    open_session(db, refresh_search=False)
    assert len(_the_list_is_whole_and_in_order()) == 5
    assert _stored() == {i: contact_keys.key_of(n) for i, n in _names().items()}


def test_a_key_row_deleted_while_the_file_is_open_is_made_at_the_next_read(db):
    ids = _people(["Boris", "Anna", "Яна"])
    assert len(_the_list_is_whole_and_in_order()) == 3  # counted once: every key row there
    other_tool(db, "PRAGMA foreign_keys = OFF", f"DELETE FROM contact_key WHERE id = {ids[1]}")
    assert len(_the_list_is_whole_and_in_order()) == 3
    assert _stored()[ids[1]] == sort_key("Anna")
    database.execute_sql(f"UPDATE contact_key SET name_key = NULL WHERE id = {ids[0]}")
    _the_list_is_whole_and_in_order()  # a NULL key of this connection's own write, too
    assert None not in _stored().values()


def test_many_missing_keys_list_by_the_stand_in_until_the_start_job(db, monkeypatch):
    ids = _people(["Boris", "Anna", "Яна", "张伟"])
    close_database()
    other_tool(db, "DELETE FROM contact_key")  # another tool emptied the table
    open_session(db, refresh_search=False)
    monkeypatch.setattr(contact_keys, "MAKE_AT_READ", 3)  # more than a read makes
    _the_list_is_whole_and_in_order()
    assert _stored() == {}
    assert contact_keys.refresh() == 4  # the start job
    assert contact_keys.listable() is True
    assert listing.list_ids("contact") == [ids[1], ids[0], ids[2], ids[3]] == _expected()


def test_a_list_waits_for_the_start_job_when_it_makes_few_keys(db):
    _people(["Boris", "Anna", "Яна", "张伟"])
    database.execute_sql("UPDATE contact_key SET name_key = NULL")  # as just after an upgrade
    started = threading.Event()

    def start_job() -> None:
        with contact_keys._making:
            started.set()
            time.sleep(0.2)
            contact_keys._refresh()
        close_database()  # this thread's connection

    job = threading.Thread(target=start_job)
    job.start()
    started.wait()
    assert contact_keys.listable() is True  # after the job: its keys, not a stand-in's
    job.join()
    assert None not in _stored().values()
    _the_list_is_whole_and_in_order()


def test_while_the_start_job_makes_many_keys_the_list_is_in_order(db, monkeypatch):
    _people(["Boris", "Anna", "Яна", "张伟"])
    database.execute_sql("UPDATE contact_key SET name_key = NULL")  # as just after an upgrade
    monkeypatch.setattr(contact_keys, "WAIT_FOR_THE_JOB", 3)  # more than are worth waiting for
    with contact_keys._making:  # the start job's refresh is under way
        assert contact_keys.listable() is False
        _the_list_is_whole_and_in_order()
    assert set(_stored().values()) == {None}  # the list left them to the job


def test_key_rows_of_no_contact_go_at_the_full_check(db):
    ids = _people(["Boris", "Anna"])
    close_database()
    other_tool(db, "INSERT INTO contact_key (id, name_key) VALUES (9999, 'a'), (9998, NULL)")
    open_session(db, refresh_search=False)
    _the_list_is_whole_and_in_order()
    assert set(_stored()) == set(ids)


def test_the_start_job_makes_missing_keys(db):
    ids = _people(["Boris", "Anna"])
    database.execute_sql("DELETE FROM contact_key")  # another tool emptied the table
    assert contact_keys.refresh() == 2
    assert listing.list_ids("contact") == [ids[1], ids[0]] == _expected()


def test_the_trash_leaves_its_contacts_out_of_the_count_and_the_ends(db):
    kept = customers.create_customer({"name": "Kept"})
    gone = customers.create_customer({"name": "Gone"})
    for customer, name in [(kept, "Юрий"), (gone, "Ярослав"), (kept, "Anna"), (gone, "Bob")]:
        contacts.create_contact({"customer_id": customer, "name": name})
    trash.move_to_trash("customer", [gone])
    ids = listing.list_ids("contact")
    assert ids == _expected() and len(ids) == 2
    for size in (1, 2, 200):
        assert listing.list_ends("contact", ListQuery(), size) == (2, ids[:size], ids[-size:])


def test_the_upgrade_gives_an_old_file_the_keys_of_a_new_one(db, tmp_path):
    ids = _people(["Жуков", "张伟", "Anna", "=1+1"])
    close_database()
    as_of_version(db, CONTACT_KEY_VERSION - 1, drop_contact_keys)
    opened = open_session(db, refresh_search=False)
    assert opened.migrated_from == CONTACT_KEY_VERSION - 1
    conn = sqlite3.connect(db)
    try:
        assert objects_of(conn) == expected_objects()
    finally:
        conn.close()
    assert set(_stored()) == set(ids)
    assert contact_keys.refresh() == 0  # the CLI's open made them
    assert listing.list_ids("contact") == _expected()
    assert _stored() == {i: contact_keys.key_of(n) for i, n in _names().items()}


def _names() -> dict[int, str]:
    return dict(database.execute_sql("SELECT id, name FROM contact").fetchall())


def test_a_new_language_rekeys_the_contacts(db):
    ids = _people(["Zoe", "Яна", "Anna"])
    assert listing.list_ids("contact") == [ids[2], ids[0], ids[1]]
    settings.set_many({"locale": "ru_RU"})
    assert sort_order.rekey() > 0
    assert listing.list_ids("contact") == [ids[1], ids[2], ids[0]] == _expected()
    assert _stored() == {i: sort_key(n) for i, n in _names().items()}


def test_an_import_keys_its_contacts(db, tmp_path):
    from crm_desktop.services import importing

    customers.create_customer({"name": "Acme", "email": "office@acme.example.com"})
    source = tmp_path / "people.csv"
    source.write_text(
        "Name,Email,Company\nЯна,yana@acme.example.com,Acme\n张伟,wei@acme.example.com,Acme\n"
        "Anna,anna@acme.example.com,Acme\n",
        encoding="utf-8",
    )
    result = importing.run_import(source, "contact", policy="create")
    assert result.created == 3
    assert None not in _stored().values() and len(_stored()) == 3
    assert listing.list_ids("contact") == _expected()


def test_campaign_members_sort_by_the_customers_stored_key(db):
    campaign = campaigns.create_campaign({"name": "Fair", "kind": "event"})
    names = ["Жуков", "张伟", "Zhang", "émile", "=1+1", "Ёлкин"]
    for name in names:
        campaigns.add_members(campaign, [customers.create_customer({"name": name})])
    query = ListQuery(filters={"campaign_id": campaign})
    for descending in (False, True):
        query.descending = descending
        query.sort = "customer_name"
        rows = listing.fetch_rows("campaign_member", listing.list_ids("campaign_member", query))
        assert [r["customer_name"] for r in rows] == sorted(names, key=sort_key, reverse=descending)


@pytest.mark.parametrize("entity", ["contact", "sales_order", "interaction", "service_case"])
def test_the_lists_without_the_trash_open_at_their_ends(demo_db, entity):
    trashed = listing.list_ids("customer")[:3]
    trash.move_to_trash("customer", trashed)
    ids = listing.list_ids(entity)
    for size in (1, 7, 400):
        ends = listing.list_ends(entity, ListQuery(), size)
        assert ends is not None  # read from the index, not every row sorted
        assert ends == (len(ids), ids[:size], ids[-size:])
    assert len(ids) == listing.count(entity)
