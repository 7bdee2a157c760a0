"""Schema versions: a version-1 file built here is stepped forward; newer or foreign files are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crm_desktop.errors import DatabaseFileError, NewerSchemaError
from crm_desktop.models import APPLICATION_ID, SCHEMA_VERSION, close_database, database, migrations
from crm_desktop.services import open_session, search

# The documented tables as schema version 1 shipped them (frozen: never edit).
V1_SCHEMA = """
CREATE TABLE "audit_log" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "at" TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "entity" TEXT NOT NULL, "entity_id" INTEGER NOT NULL, "action" TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')), "changes" TEXT NOT NULL DEFAULT '{}');
CREATE INDEX "audit_log_entity_entity_id_at" ON "audit_log" ("entity", "entity_id", "at");
CREATE INDEX "audit_log_at" ON "audit_log" ("at");
CREATE TABLE "campaign" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL CHECK (length(trim(name)) > 0), "kind" TEXT NOT NULL CHECK (kind IN ('email', 'event', 'advertising', 'social', 'mailing', 'webinar', 'other')) DEFAULT 'email', "start_date" TEXT CHECK (start_date IS NULL OR (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(start_date) IS start_date)), "end_date" TEXT CHECK (end_date IS NULL OR (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(end_date) IS end_date)), "location" TEXT, "budget_cents" INTEGER NOT NULL CHECK (typeof(budget_cents) = 'integer' AND budget_cents >= 0) DEFAULT 0, "notes" TEXT, CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date));
CREATE INDEX "campaign_start_date" ON "campaign" ("start_date");
CREATE TABLE "customer" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" TEXT NOT NULL CHECK (kind IN ('company', 'person')) DEFAULT 'company', "name" TEXT NOT NULL CHECK (length(trim(name)) > 0), "email" TEXT, "phone" TEXT, "website" TEXT, "address" TEXT, "city" TEXT, "country" TEXT, "status" TEXT NOT NULL CHECK (status IN ('lead', 'prospect', 'active', 'inactive')) DEFAULT 'lead', "source" TEXT, "notes" TEXT, "created_at" TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "updated_at" TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "deleted_at" TEXT CHECK (deleted_at IS NULL OR deleted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'));
CREATE INDEX "customer_email" ON "customer" ("email");
CREATE INDEX "customer_phone" ON "customer" ("phone");
CREATE INDEX "customer_country" ON "customer" ("country");
CREATE INDEX "customer_deleted_at_status" ON "customer" ("deleted_at", "status");
CREATE INDEX "customer_created_at" ON "customer" ("created_at");
CREATE TABLE "campaign_member" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "campaign_id" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "status" TEXT NOT NULL CHECK (status IN ('planned', 'invited', 'responded', 'attended', 'converted', 'declined')) DEFAULT 'planned', FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE);
CREATE INDEX "campaign_member_campaign_id" ON "campaign_member" ("campaign_id");
CREATE INDEX "campaign_member_customer_id" ON "campaign_member" ("customer_id");
CREATE UNIQUE INDEX "campaign_member_campaign_id_customer_id" ON "campaign_member" ("campaign_id", "customer_id");
CREATE TABLE "contact" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "customer_id" INTEGER NOT NULL, "name" TEXT NOT NULL CHECK (length(trim(name)) > 0), "position" TEXT, "email" TEXT, "phone" TEXT, "notes" TEXT, "is_primary" INTEGER NOT NULL CHECK (is_primary IN (0, 1)) DEFAULT 0, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE);
CREATE INDEX "contact_customer_id" ON "contact" ("customer_id");
CREATE INDEX "contact_email" ON "contact" ("email");
CREATE INDEX "contact_phone" ON "contact" ("phone");
CREATE UNIQUE INDEX "contact_one_primary_per_customer" ON "contact" ("customer_id") WHERE is_primary = 1;
CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL CHECK (length(trim(name)) > 0));
CREATE UNIQUE INDEX "tag_name" ON "tag" ("name");
CREATE TABLE "customer_tag" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "customer_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE);
CREATE INDEX "customer_tag_customer_id" ON "customer_tag" ("customer_id");
CREATE INDEX "customer_tag_tag_id" ON "customer_tag" ("tag_id");
CREATE UNIQUE INDEX "customer_tag_customer_id_tag_id" ON "customer_tag" ("customer_id", "tag_id");
CREATE TABLE "deal" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL CHECK (length(trim(title)) > 0), "customer_id" INTEGER NOT NULL, "contact_id" INTEGER, "stage" TEXT NOT NULL CHECK (stage IN ('new', 'qualified', 'proposal', 'negotiation', 'won', 'lost')) DEFAULT 'new', "amount_cents" INTEGER NOT NULL CHECK (typeof(amount_cents) = 'integer' AND amount_cents >= 0) DEFAULT 0, "probability" INTEGER NOT NULL CHECK (typeof(probability) = 'integer' AND probability BETWEEN 0 AND 100) DEFAULT 10, "expected_close" TEXT CHECK (expected_close IS NULL OR (expected_close GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(expected_close) IS expected_close)), "closed_at" TEXT CHECK (closed_at IS NULL OR (closed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(closed_at) IS closed_at)), "lost_reason" TEXT, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL, CHECK (closed_at IS NULL OR stage IN ('won', 'lost')));
CREATE INDEX "deal_customer_id" ON "deal" ("customer_id");
CREATE INDEX "deal_contact_id" ON "deal" ("contact_id");
CREATE INDEX "deal_stage" ON "deal" ("stage");
CREATE INDEX "deal_expected_close" ON "deal" ("expected_close");
CREATE TABLE "interaction" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "customer_id" INTEGER NOT NULL, "contact_id" INTEGER, "kind" TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'note', 'visit')) DEFAULT 'note', "occurred_at" TEXT NOT NULL CHECK (occurred_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "subject" TEXT NOT NULL DEFAULT '', "notes" TEXT, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL);
CREATE INDEX "interaction_customer_id" ON "interaction" ("customer_id");
CREATE INDEX "interaction_contact_id" ON "interaction" ("contact_id");
CREATE INDEX "interaction_occurred_at" ON "interaction" ("occurred_at");
CREATE INDEX "interaction_customer_id_occurred_at" ON "interaction" ("customer_id", "occurred_at");
CREATE TABLE "sales_order" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "number" TEXT NOT NULL CHECK (length(trim(number)) > 0), "customer_id" INTEGER NOT NULL, "deal_id" INTEGER, "order_date" TEXT NOT NULL CHECK (order_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(order_date) IS order_date), "status" TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'paid', 'shipped', 'cancelled')) DEFAULT 'draft', "notes" TEXT, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("deal_id") REFERENCES "deal" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "sales_order_number" ON "sales_order" ("number");
CREATE INDEX "sales_order_customer_id" ON "sales_order" ("customer_id");
CREATE INDEX "sales_order_deal_id" ON "sales_order" ("deal_id");
CREATE INDEX "sales_order_order_date_status" ON "sales_order" ("order_date", "status");
CREATE INDEX "sales_order_status" ON "sales_order" ("status");
CREATE TABLE "product" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "sku" TEXT, "name" TEXT NOT NULL CHECK (length(trim(name)) > 0), "description" TEXT, "unit_price_cents" INTEGER NOT NULL CHECK (typeof(unit_price_cents) = 'integer' AND unit_price_cents >= 0 AND unit_price_cents <= 1000000000) DEFAULT 0, "stock_qty" REAL NOT NULL CHECK (stock_qty >= 0) DEFAULT 0, "active" INTEGER NOT NULL CHECK (active IN (0, 1)) DEFAULT 1);
CREATE UNIQUE INDEX "product_sku" ON "product" ("sku");
CREATE INDEX "product_name" ON "product" ("name");
CREATE TABLE "order_line" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "order_id" INTEGER NOT NULL, "product_id" INTEGER, "description" TEXT NOT NULL DEFAULT '', "quantity" REAL NOT NULL CHECK (quantity > 0 AND quantity <= 1000000), "unit_price_cents" INTEGER NOT NULL CHECK (typeof(unit_price_cents) = 'integer' AND unit_price_cents >= 0 AND unit_price_cents <= 1000000000) DEFAULT 0, "discount_pct" REAL NOT NULL CHECK (discount_pct BETWEEN 0 AND 100) DEFAULT 0, FOREIGN KEY ("order_id") REFERENCES "sales_order" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE SET NULL);
CREATE INDEX "order_line_order_id" ON "order_line" ("order_id");
CREATE INDEX "order_line_product_id" ON "order_line" ("product_id");
CREATE TABLE "service_case" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "customer_id" INTEGER NOT NULL, "product_id" INTEGER, "kind" TEXT NOT NULL CHECK (kind IN ('question', 'complaint', 'repair', 'warranty', 'return')) DEFAULT 'question', "subject" TEXT NOT NULL CHECK (length(trim(subject)) > 0), "description" TEXT, "status" TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')) DEFAULT 'open', "priority" TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')) DEFAULT 'normal', "opened_at" TEXT NOT NULL CHECK (opened_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "resolved_at" TEXT CHECK (resolved_at IS NULL OR resolved_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'), "resolution" TEXT, "cost_cents" INTEGER NOT NULL CHECK (typeof(cost_cents) = 'integer' AND cost_cents >= 0) DEFAULT 0, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE SET NULL);
CREATE INDEX "service_case_customer_id" ON "service_case" ("customer_id");
CREATE INDEX "service_case_product_id" ON "service_case" ("product_id");
CREATE INDEX "service_case_status" ON "service_case" ("status");
CREATE INDEX "service_case_opened_at" ON "service_case" ("opened_at");
CREATE TABLE "setting" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "key" TEXT NOT NULL CHECK (length(trim(key)) > 0), "value" TEXT);
CREATE UNIQUE INDEX "setting_key" ON "setting" ("key");
CREATE TABLE "task" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL CHECK (length(trim(title)) > 0), "notes" TEXT, "due_date" TEXT CHECK (due_date IS NULL OR (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(due_date) IS due_date)), "status" TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')) DEFAULT 'open', "priority" TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')) DEFAULT 'normal', "customer_id" INTEGER, "contact_id" INTEGER, "deal_id" INTEGER, "done_at" TEXT CHECK (done_at IS NULL OR done_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'), FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL, FOREIGN KEY ("deal_id") REFERENCES "deal" ("id") ON DELETE SET NULL);
CREATE INDEX "task_customer_id" ON "task" ("customer_id");
CREATE INDEX "task_contact_id" ON "task" ("contact_id");
CREATE INDEX "task_deal_id" ON "task" ("deal_id");
CREATE INDEX "task_status_due_date" ON "task" ("status", "due_date");
CREATE INDEX "task_due_date" ON "task" ("due_date");
"""


def build_v1(path: Path) -> None:
    """A version-1 file as the first release wrote it, with a little data."""
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO customer (name, email, phone, city) "
        "VALUES ('Иванов и партнёры', 'ivan@example.ru', '+74951234567', 'Москва')"
    )
    conn.execute("INSERT INTO contact (customer_id, name, is_primary) VALUES (1, 'Пётр', 1)")
    conn.execute(
        "INSERT INTO sales_order (number, customer_id, order_date, status) "
        "VALUES ('SO-1', 1, '2025-03-31', 'paid')"
    )
    conn.execute(
        "INSERT INTO order_line (order_id, description, quantity, unit_price_cents) "
        "VALUES (1, 'Chair', 2, 1999)"
    )
    conn.commit()
    conn.close()


def schema_of(path: Path) -> dict[str, object]:
    """Tables with their columns, foreign keys and indexes (order-independent)."""
    conn = sqlite3.connect(path)
    result: dict[str, object] = {}
    for (table,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ):
        columns = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        fks = sorted(conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall())
        indexes = sorted(
            (
                name,
                unique,
                partial,
                tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")')),
            )
            for _, name, unique, _, partial in conn.execute(f'PRAGMA index_list("{table}")')
        )
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        result[table] = (columns, fks, indexes, " ".join(sql.split()))
    conn.close()
    return result


def test_version_1_file_is_migrated_forward_with_its_data(tmp_path):
    old = tmp_path / "v1.sqlite3"
    build_v1(old)
    seen = []
    opened = open_session(old, before_migration=lambda p, a, b: seen.append((p, a, b)))
    assert opened.migrated_from == 1
    assert seen == [(old, 1, SCHEMA_VERSION)]
    assert database.pragma("user_version") == SCHEMA_VERSION
    # The data is intact and the derived search table was built.
    assert search.search_customers("ИВАНОВ") == [1]
    assert search.search_customers("пётр") == [1]
    assert database.execute_sql("SELECT quantity FROM order_line").fetchone()[0] == 2
    close_database()
    fresh = tmp_path / "fresh.sqlite3"
    open_session(fresh)
    close_database()
    assert schema_of(old) == schema_of(fresh)


def test_each_step_is_atomic_a_failing_step_changes_nothing(tmp_path, monkeypatch):
    old = tmp_path / "v1.sqlite3"
    build_v1(old)
    before = schema_of(old)

    def broken(db):
        db.execute_sql('CREATE TABLE "half_done" (id INTEGER PRIMARY KEY)')
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(migrations.STEPS, 1, broken)
    with pytest.raises(RuntimeError):
        open_session(old)
    close_database()
    assert schema_of(old) == before
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_newer_file_is_refused_with_a_clear_message(tmp_path):
    newer = tmp_path / "newer.sqlite3"
    open_session(newer)
    database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    close_database()
    with pytest.raises(NewerSchemaError, match="newer version of CRM Desktop"):
        open_session(newer)


def test_another_programs_sqlite_file_is_refused(tmp_path):
    other = tmp_path / "firefox.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseFileError, match="another program"):
        open_session(other)
    conn = sqlite3.connect(other)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0  # untouched
    conn.close()


def test_files_that_are_not_databases_are_refused(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("hello, this is not a database\n" * 10)
    with pytest.raises(DatabaseFileError, match="not an SQLite file"):
        open_session(text)
    with pytest.raises(DatabaseFileError, match="folder"):
        open_session(tmp_path)
    with pytest.raises(DatabaseFileError, match="does not exist"):
        open_session(tmp_path / "missing" / "crm.sqlite3")


def test_a_new_file_is_marked_as_ours(tmp_path):
    path = tmp_path / "new.sqlite3"
    opened = open_session(path)
    assert opened.created
    assert database.pragma("application_id") == APPLICATION_ID
    assert database.pragma("user_version") == SCHEMA_VERSION


def test_an_old_file_stepped_forward_has_exactly_the_objects_of_a_new_one(tmp_path):
    from crm_desktop.models.schema import expected_objects, objects_of

    old = tmp_path / "v1.sqlite3"
    build_v1(old)
    open_session(old)
    close_database()
    conn = sqlite3.connect(old)
    try:
        found = objects_of(conn)
    finally:
        conn.close()
    assert found == expected_objects()
    assert ("table", "custom_value") in found and ("index", "custom_value_sort_key") in found
    assert ("index", "customer_search_id_key") in found  # version 14
    assert ("table", "customer_search_people_fts") in found  # version 15
    assert ("trigger", "search_groups_update") in found
