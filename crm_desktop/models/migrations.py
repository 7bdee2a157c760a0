"""Schema versions and the steps that move an older database file forward.

``PRAGMA user_version`` is the schema version of a file. A new file is made
at :data:`SCHEMA_VERSION` from the models; an older file is stepped forward
one version at a time, all steps in one transaction, so that a failure leaves
the file exactly as it was. A step is frozen SQL, never the current models:
the models move on, a step must not.

Versions:
  1  the documented tables of the brief.
  2  the app's own tables: ``customer_search`` (derived search text and sort
     keys, rebuilt by the services) and ``trash_item`` (deleted records).
  3  ``import_batch`` and ``import_item``: each import (and each merge of
     duplicate customers) with what it created and changed, for "Undo".
  4  the database's own rules, tighter (a table rebuild of the documented
     tables that hold such values): dates and times that exist
     (``date(x, '+0 days') IS x``, and the same with ``strftime`` for times),
     optional text that is NULL rather than ``''``, at most 3 decimals for
     quantities and stock and 2 for discounts, and audit ``changes`` that are
     JSON (``json_valid``). Values another tool let in are repaired while the
     rows are copied (``''`` → NULL, rounded decimals, a normalised date; a
     time that cannot be read becomes the migration's time, audit text that
     is not JSON is kept inside a JSON object); the backup taken before every
     upgrade keeps the originals.
  5  selling (:func:`_v4_to_v5`): ``quote`` and ``quote_line``; ``invoice``
     (gapless numbers per kind and year), ``invoice_line``, ``invoice_tax`` and
     ``payment``, with triggers that refuse changes to an issued invoice;
     the tax rate of ``product`` (NULL: the default rate) and of
     ``order_line`` (with ``tax_included``); the buyer's ``legal_name``,
     ``tax_id`` and ``kpp`` on ``customer``. Columns are added with ALTER
     TABLE (SQLite writes them where a new file's CREATE TABLE has them);
     new files run the same frozen statements (:func:`frozen_sql`).
  6  search rows that cannot go stale (:func:`_v5_to_v6`): triggers on
     ``customer``, ``contact``, ``customer_tag`` and ``tag`` clear the
     ``stamp`` of the customers' ``customer_search`` rows (or delete the row of
     a deleted customer) whoever writes, so an edit by another SQLite tool is
     re-indexed at the next search; every row is marked stale, because the
     search text is now grouped for ranking. New files run the same
     statements (:data:`SEARCH_TRIGGERS`).
  7  Today from indexes alone (:func:`_v6_to_v7`): ``deal_stage_expected_close``
     on ``deal (stage, expected_close)``, so that the open deals closing soon (or
     late) are counted and read in date order from one index, at any size.
     New files run the same statement (:data:`TODAY_INDEXES`).
  8  the owner's custom fields (:func:`_v7_to_v8`): ``custom_field`` (one row a field: its
     entity, name, kind, choices, whether search finds it, its place, and
     ``deleted_at`` while it is in the trash) and ``custom_value`` (one row a
     value: field, record, the value typed — ``text_value`` for text, dates,
     choices and links, ``number_value`` for numbers, money in minor units and
     yes/no — and ``sort_key``, the folded text a list sorts by), with the
     indexes sorting needs. Only new tables: :data:`CUSTOM_FIELDS_SQL` is also
     what a new file runs.
  9  saved views (:func:`_v8_to_v9`): ``saved_view`` (one row a view: the
     list's entity, its name, unique per list whatever the case, its place,
     and ``state``, the JSON of its search, filters, sort and columns). Only a
     new table: :data:`SAVED_VIEWS_SQL` is also what a new file runs.
  10 sort keys of each script's own order (:func:`_v9_to_v10`): Chinese by
     pinyin, Russian by its alphabet (``services.text.sort_key``). No schema
     object changes; every ``customer_search`` row is marked stale, so the
     start job recomputes its ``name_key`` (with the search text).
  11 a search index inside SQLite (:func:`_v10_to_v11`, :data:`NGRAM_INDEX_SQL`):
     ``customer_search_fts``, an FTS5 table with the trigram tokenizer over the
     search text (external content: the view ``customer_search_text``, the text
     with two terminators so that every occurrence of a one- or two-character
     query begins a trigram), kept by triggers on ``customer_search``;
     ``customer_search_vocab`` (fts5vocab) to find the trigrams a short query
     begins; a partial index of the names that begin with punctuation. The
     step fills the index from the rows (SQL only, in the upgrade's
     transaction). New files run the same statements.
  12 sort keys in the data's language (:func:`_v11_to_v12`, :data:`ODD_NAME_SQL`):
     a name whose first letter's script sorts after the language's own (Latin for
     Russian) has a key that starts with a marker (U+0530 or U+4E01, see
     ``services.text.ORDERS``); the partial index ``customer_search_odd_name`` is made
     again so that it holds only the names whose key does not start with their first
     character once a marker is skipped (punctuation first, Chinese), not every Latin
     name of a Russian file. Nothing else changes; the index is rebuilt from the rows
     in the upgrade's transaction. New files run the same statements after the
     version 11 ones.
  13 names that do not begin like their sort key, found by their first character
     (:func:`_v12_to_v13`, :data:`NAME_START_INDEX_SQL`): the partial index
     ``customer_search_odd_name`` (Chinese names, whose key is their pinyin; names that
     begin with punctuation or «й») is made again on ``(substr(haystack, 1, 1),
     name_key)`` instead of ``name_key`` alone, so a keystroke reads only the odd names
     that begin with the query's first character, in name order, instead of all of them
     (15 % of the customers of the demo file). Same name, same condition as version 12's;
     new files run the same two statements after version 12's.
  14 the search rows' sort keys by id (:func:`_v13_to_v14`, :data:`ID_KEY_INDEX_SQL`): the
     index ``customer_search_id_key`` on ``customer_search ("id", "name_key")``, so a common
     query's candidates (ids from the n-gram index) are put in name order from the index
     alone, without reading each one's search text. SQL only (SQLite builds it from the
     rows); new files run the same statement.
  15 the search text's groups indexed apart (:func:`_v14_to_v15`, :data:`GROUP_INDEX_SQL`):
     the view ``customer_search_groups`` splits each ``customer_search`` text into the four
     groups a match is ranked by (``name``; ``reach``: email and phones; ``people``: the
     contacts; ``place``: city, country, tags; each followed by two U+001F terminators, as
     version 11's text), and four FTS5 tables with the trigram
     tokenizer and ``detail='none'``, external content from that view
     (``customer_search_name_fts``, ``…_reach_fts``, ``…_people_fts``, ``…_place_fts``, one
     column each, rowid = the customer's id), are kept by the triggers
     ``search_groups_insert|delete|update`` on ``customer_search``. A selective query learns
     which group of a text holds its term from these indexes alone, instead of reading every
     candidate's row. The step fills them from the rows (SQL only, in the upgrade's
     transaction); new files run the same statements.
  16 the contacts' stored sort keys (:func:`_v15_to_v16`, :data:`CONTACT_KEY_SQL`): the
     table ``contact_key`` (``id`` = the contact's id, ``name_key``: the key of its name, as
     ``customer_search.name_key`` is a customer's; NULL while it is to be made) with the index
     ``contact_key_name`` on ``name_key`` (the contact list's order, read from the index) and
     the partial index ``contact_key_stale`` of the NULL keys. Triggers on ``contact`` add a
     NULL key for a new contact, clear the key of a renamed one and drop a deleted one's,
     whoever writes, so an edit by another SQLite tool is re-keyed before a list reads (the
     key is made in Python: pinyin, each script's alphabet). The step adds a NULL key for
     every contact (SQL only); the start job makes them. New files run the same statements.
  17 the pipeline board from indexes (:func:`_v16_to_v17`, :data:`BOARD_INDEXES`):
     ``deal_stage_closed_at`` on ``deal (stage, closed_at)``, so that Won and Lost read their
     newest deals first a page at a time, and ``deal_stage_amount`` on ``deal (stage,
     amount_cents, probability)``, so that each stage's count, total and weighted total are
     summed from the index alone instead of every deal row. SQL only (SQLite builds them
     from the rows); new files run the same statements.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from crm_desktop.models.version import SCHEMA_VERSION  # bumped there by each new step

_V2_SQL = (
    'CREATE TABLE "customer_search" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"haystack" TEXT NOT NULL, "name_key" TEXT NOT NULL, "stamp" TEXT, '
    'FOREIGN KEY ("id") REFERENCES "customer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "customer_search_name_key" ON "customer_search" ("name_key")',
    'CREATE TABLE "trash_item" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"batch" INTEGER NOT NULL, "deleted_at" TEXT NOT NULL CHECK (deleted_at GLOB '
    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') "
    "DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
    '"entity" TEXT NOT NULL, "entity_id" INTEGER NOT NULL, "customer_id" INTEGER, '
    '"label" TEXT NOT NULL, "payload" TEXT NOT NULL, FOREIGN KEY ("customer_id") '
    'REFERENCES "customer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "trash_item_batch" ON "trash_item" ("batch")',
    'CREATE INDEX "trash_item_customer_id" ON "trash_item" ("customer_id")',
    'CREATE INDEX "trash_item_entity_entity_id" ON "trash_item" ("entity", "entity_id")',
)


def _v1_to_v2(db: SqliteDatabase) -> None:
    for statement in _V2_SQL:
        db.execute_sql(statement)
    # customer_search starts empty; the services notice and rebuild it on open.


_V3_SQL = (
    'CREATE TABLE "import_batch" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    "\"kind\" TEXT NOT NULL CHECK (kind IN ('import', 'merge')) DEFAULT 'import', "
    '"entity" TEXT NOT NULL, "source" TEXT NOT NULL DEFAULT \'\', "policy" TEXT, '
    '"started_at" TEXT NOT NULL CHECK (started_at GLOB '
    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') "
    "DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
    '"created_count" INTEGER NOT NULL DEFAULT 0, "updated_count" INTEGER NOT NULL DEFAULT 0, '
    '"skipped_count" INTEGER NOT NULL DEFAULT 0, "refused_count" INTEGER NOT NULL DEFAULT 0, '
    '"trash_batch" INTEGER, "undone_at" TEXT CHECK (undone_at IS NULL OR undone_at GLOB '
    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'))",
    'CREATE INDEX "import_batch_started_at" ON "import_batch" ("started_at")',
    'CREATE TABLE "import_item" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"batch_id" INTEGER NOT NULL, "entity" TEXT NOT NULL, "entity_id" INTEGER NOT NULL, '
    '"last_id" INTEGER, '
    "\"action\" TEXT NOT NULL CHECK (action IN ('create', 'update', 'move')), "
    '"changes" TEXT NOT NULL DEFAULT \'{}\', FOREIGN KEY ("batch_id") '
    'REFERENCES "import_batch" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "import_item_batch_id" ON "import_item" ("batch_id")',
    'CREATE INDEX "import_item_entity_entity_id" ON "import_item" ("entity", "entity_id")',
)


def _v2_to_v3(db: SqliteDatabase) -> None:
    for statement in _V3_SQL:
        db.execute_sql(statement)


# --- version 4: the database's own rules ---------------------------------------------------
# Frozen pieces of the column definitions of version 4; the tables are listed in full below.
_TIME_SHAPE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'"
_DATE_SHAPE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
_NOW = "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"


def _v4_time(column: str) -> str:
    return (
        f"{column} GLOB {_TIME_SHAPE} AND "
        f"strftime('%Y-%m-%dT%H:%M:%SZ', {column}, '+0 seconds') IS {column}"
    )


def _v4_date(column: str) -> str:
    return f"{column} GLOB {_DATE_SHAPE} AND date({column}, '+0 days') IS {column}"


def _v4_optional(column: str) -> tuple[str, str, str]:
    """(column, definition, copy expression) of optional text: NULL, never blank."""
    return (
        column,
        f"TEXT CHECK (length(trim({column})) > 0)",
        f'CASE WHEN length(trim("{column}")) > 0 THEN "{column}" END',
    )


def _v4_timestamp(column: str, *, null: bool = False) -> tuple[str, str, str]:
    readable = f"strftime('%Y-%m-%dT%H:%M:%SZ', \"{column}\", '+0 seconds')"
    repaired = f"COALESCE({readable}, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    if null:
        return (
            column,
            f"TEXT CHECK ({column} IS NULL OR ({_v4_time(column)}))",
            f'CASE WHEN "{column}" IS NULL THEN NULL ELSE {repaired} END',
        )
    return column, f"TEXT NOT NULL CHECK ({_v4_time(column)}) DEFAULT {_NOW}", repaired


def _v4_day(column: str, *, null: bool = True) -> tuple[str, str, str]:
    repaired = f"date(\"{column}\", '+0 days')"
    if null:
        return column, f"TEXT CHECK ({column} IS NULL OR ({_v4_date(column)}))", repaired
    return column, f"TEXT NOT NULL CHECK ({_v4_date(column)})", repaired


def _v4_decimal(column: str, rule: str, places: int, default: str = "") -> tuple[str, str, str]:
    scale = 10**places
    check = f"{rule} AND abs({column} * {scale} - round({column} * {scale})) < 0.000001"
    return column, f"REAL NOT NULL CHECK ({check}){default}", f'round("{column}", {places})'


def _v4_same(column: str, definition: str) -> tuple[str, str, str]:
    return column, definition, f'"{column}"'


_ID = _v4_same("id", "INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT")
_MONEY = "INTEGER NOT NULL CHECK (typeof({c}) = 'integer' AND {c} >= 0{limit}) DEFAULT 0"
_PRIORITY = "TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')) DEFAULT 'normal'"


def _v4_money(column: str, limit: str = "") -> tuple[str, str, str]:
    return _v4_same(column, _MONEY.format(c=column, limit=limit))


_PRICE_LIMIT = " AND unit_price_cents <= 1000000000"
_FK_CUSTOMER = 'FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE'
_FK_CONTACT = 'FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL'
_FK_PRODUCT = 'FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE SET NULL'

# table → (its columns: (name, definition, copy expression), its table constraints).
_V4_TABLES: dict[str, tuple[tuple[tuple[str, str, str], ...], tuple[str, ...]]] = {
    "customer": (
        (
            _ID,
            _v4_same(
                "kind",
                "TEXT NOT NULL CHECK (kind IN ('company', 'person')) DEFAULT 'company'",
            ),
            _v4_same("name", "TEXT NOT NULL CHECK (length(trim(name)) > 0)"),
            _v4_optional("email"),
            _v4_optional("phone"),
            _v4_optional("website"),
            _v4_optional("address"),
            _v4_optional("city"),
            _v4_optional("country"),
            _v4_same(
                "status",
                "TEXT NOT NULL CHECK (status IN ('lead', 'prospect', 'active', 'inactive')) "
                "DEFAULT 'lead'",
            ),
            _v4_optional("source"),
            _v4_optional("notes"),
            _v4_timestamp("created_at"),
            _v4_timestamp("updated_at"),
            _v4_timestamp("deleted_at", null=True),
        ),
        (),
    ),
    "contact": (
        (
            _ID,
            _v4_same("customer_id", "INTEGER NOT NULL"),
            _v4_same("name", "TEXT NOT NULL CHECK (length(trim(name)) > 0)"),
            _v4_optional("position"),
            _v4_optional("email"),
            _v4_optional("phone"),
            _v4_optional("notes"),
            _v4_same("is_primary", "INTEGER NOT NULL CHECK (is_primary IN (0, 1)) DEFAULT 0"),
        ),
        (_FK_CUSTOMER,),
    ),
    "product": (
        (
            _ID,
            _v4_optional("sku"),
            _v4_same("name", "TEXT NOT NULL CHECK (length(trim(name)) > 0)"),
            _v4_optional("description"),
            _v4_money("unit_price_cents", _PRICE_LIMIT),
            _v4_decimal("stock_qty", "stock_qty >= 0", 3, " DEFAULT 0"),
            _v4_same("active", "INTEGER NOT NULL CHECK (active IN (0, 1)) DEFAULT 1"),
        ),
        (),
    ),
    "deal": (
        (
            _ID,
            _v4_same("title", "TEXT NOT NULL CHECK (length(trim(title)) > 0)"),
            _v4_same("customer_id", "INTEGER NOT NULL"),
            _v4_same("contact_id", "INTEGER"),
            _v4_same(
                "stage",
                "TEXT NOT NULL CHECK (stage IN ('new', 'qualified', 'proposal', "
                "'negotiation', 'won', 'lost')) DEFAULT 'new'",
            ),
            _v4_money("amount_cents"),
            _v4_same(
                "probability",
                "INTEGER NOT NULL CHECK (typeof(probability) = 'integer' AND probability "
                "BETWEEN 0 AND 100) DEFAULT 10",
            ),
            _v4_day("expected_close"),
            _v4_day("closed_at"),
            _v4_optional("lost_reason"),
        ),
        (_FK_CUSTOMER, _FK_CONTACT, "CHECK (closed_at IS NULL OR stage IN ('won', 'lost'))"),
    ),
    "sales_order": (
        (
            _ID,
            _v4_same("number", "TEXT NOT NULL CHECK (length(trim(number)) > 0)"),
            _v4_same("customer_id", "INTEGER NOT NULL"),
            _v4_same("deal_id", "INTEGER"),
            _v4_day("order_date", null=False),
            _v4_same(
                "status",
                "TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'paid', 'shipped', "
                "'cancelled')) DEFAULT 'draft'",
            ),
            _v4_optional("notes"),
        ),
        (
            _FK_CUSTOMER,
            'FOREIGN KEY ("deal_id") REFERENCES "deal" ("id") ON DELETE SET NULL',
        ),
    ),
    "order_line": (
        (
            _ID,
            _v4_same("order_id", "INTEGER NOT NULL"),
            _v4_same("product_id", "INTEGER"),
            _v4_same("description", "TEXT NOT NULL DEFAULT ''"),
            (
                *_v4_decimal("quantity", "quantity > 0 AND quantity <= 1000000", 3)[:2],
                # A quantity that rounds to nothing keeps the smallest one there is.
                'CASE WHEN round("quantity", 3) > 0 THEN round("quantity", 3) ELSE 0.001 END',
            ),
            _v4_money("unit_price_cents", _PRICE_LIMIT),
            _v4_decimal(
                "discount_pct", "discount_pct >= 0 AND discount_pct <= 100", 2, " DEFAULT 0"
            ),
        ),
        (
            'FOREIGN KEY ("order_id") REFERENCES "sales_order" ("id") ON DELETE CASCADE',
            _FK_PRODUCT,
        ),
    ),
    "task": (
        (
            _ID,
            _v4_same("title", "TEXT NOT NULL CHECK (length(trim(title)) > 0)"),
            _v4_optional("notes"),
            _v4_day("due_date"),
            _v4_same(
                "status",
                "TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')) DEFAULT 'open'",
            ),
            _v4_same("priority", _PRIORITY),
            _v4_same("customer_id", "INTEGER"),
            _v4_same("contact_id", "INTEGER"),
            _v4_same("deal_id", "INTEGER"),
            _v4_timestamp("done_at", null=True),
        ),
        (
            _FK_CUSTOMER,
            _FK_CONTACT,
            'FOREIGN KEY ("deal_id") REFERENCES "deal" ("id") ON DELETE SET NULL',
        ),
    ),
    "interaction": (
        (
            _ID,
            _v4_same("customer_id", "INTEGER NOT NULL"),
            _v4_same("contact_id", "INTEGER"),
            _v4_same(
                "kind",
                "TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'note', 'visit')) "
                "DEFAULT 'note'",
            ),
            _v4_timestamp("occurred_at"),
            _v4_same("subject", "TEXT NOT NULL DEFAULT ''"),
            _v4_optional("notes"),
        ),
        (_FK_CUSTOMER, _FK_CONTACT),
    ),
    "campaign": (
        (
            _ID,
            _v4_same("name", "TEXT NOT NULL CHECK (length(trim(name)) > 0)"),
            _v4_same(
                "kind",
                "TEXT NOT NULL CHECK (kind IN ('email', 'event', 'advertising', 'social', "
                "'mailing', 'webinar', 'other')) DEFAULT 'email'",
            ),
            _v4_day("start_date"),
            _v4_day("end_date"),
            _v4_optional("location"),
            _v4_money("budget_cents"),
            _v4_optional("notes"),
        ),
        ("CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)",),
    ),
    "service_case": (
        (
            _ID,
            _v4_same("customer_id", "INTEGER NOT NULL"),
            _v4_same("product_id", "INTEGER"),
            _v4_same(
                "kind",
                "TEXT NOT NULL CHECK (kind IN ('question', 'complaint', 'repair', 'warranty', "
                "'return')) DEFAULT 'question'",
            ),
            _v4_same("subject", "TEXT NOT NULL CHECK (length(trim(subject)) > 0)"),
            _v4_optional("description"),
            _v4_same(
                "status",
                "TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', "
                "'closed')) DEFAULT 'open'",
            ),
            _v4_same("priority", _PRIORITY),
            _v4_timestamp("opened_at"),
            _v4_timestamp("resolved_at", null=True),
            _v4_optional("resolution"),
            _v4_money("cost_cents"),
        ),
        (_FK_CUSTOMER, _FK_PRODUCT),
    ),
    "audit_log": (
        (
            _ID,
            _v4_timestamp("at"),
            _v4_same("entity", "TEXT NOT NULL"),
            _v4_same("entity_id", "INTEGER NOT NULL"),
            _v4_same(
                "action",
                "TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore'))",
            ),
            (
                "changes",
                "TEXT NOT NULL CHECK (json_valid(changes)) DEFAULT '{}'",
                # Text that is not JSON is kept, as the old value of a field that says so.
                'CASE WHEN json_valid("changes") THEN "changes" '
                "ELSE json_object('(not JSON)', json_array(\"changes\", NULL)) END",
            ),
        ),
        (),
    ),
}


def _v4_create_sql(table: str, name: str) -> str:
    columns, constraints = _V4_TABLES[table]
    parts = [f'"{column}" {definition}' for column, definition, _ in columns]
    return f'CREATE TABLE "{name}" ({", ".join([*parts, *constraints])})'


def _v3_to_v4(db: SqliteDatabase) -> None:
    """Rebuild each table with its version-4 rules (SQLite's documented 12-step procedure).

    The new table is filled from the old one (values repaired on the way),
    the old one dropped and the new one renamed; the indexes and triggers the
    table had — ours, and any a later step of another version added — are
    created again from their own SQL, and the AUTOINCREMENT counter is kept,
    so an id is still never handed out twice. ``legacy_alter_table`` keeps the
    rename from rewriting (or tripping over) other tables' triggers.
    """
    db.execute_sql("PRAGMA legacy_alter_table = ON")
    try:
        for table, (columns, _constraints) in _V4_TABLES.items():
            names = [column for column, _, _ in columns]
            found = [row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")')]
            if found != names:
                raise RuntimeError(
                    f"migration to version 4 expects table {table} with columns {names}, "
                    f"found {found}"
                )
            keep = db.execute_sql(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', "
                "'trigger') AND sql IS NOT NULL ORDER BY type, name",
                (table,),
            ).fetchall()
            counter = db.execute_sql(
                "SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)
            ).fetchone()
            temporary = f"{table}__v4"
            db.execute_sql(_v4_create_sql(table, temporary))
            quoted = ", ".join(f'"{name}"' for name in names)
            copies = ", ".join(expression for _, _, expression in columns)
            db.execute_sql(f'INSERT INTO "{temporary}" ({quoted}) SELECT {copies} FROM "{table}"')
            db.execute_sql(f'DROP TABLE "{table}"')
            db.execute_sql(f'ALTER TABLE "{temporary}" RENAME TO "{table}"')
            for (statement,) in keep:
                db.execute_sql(statement)
            if counter is not None:  # the copy may have stopped lower (the last rows deleted)
                db.execute_sql(
                    "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?",
                    (counter[0], table),
                )
                db.execute_sql(
                    "INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? "
                    "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
                    (table, counter[0], table),
                )
    finally:
        db.execute_sql("PRAGMA legacy_alter_table = OFF")


# --- version 5: selling -------------------------------------------------------------------
# Columns added to existing tables by step 4 → 5, exactly as a new file declares them.
_V5_COLUMNS = (
    'ALTER TABLE "customer" ADD COLUMN "legal_name" TEXT',
    'ALTER TABLE "customer" ADD COLUMN "tax_id" TEXT',
    'ALTER TABLE "customer" ADD COLUMN "kpp" TEXT',
    'ALTER TABLE "product" ADD COLUMN "tax_pct" REAL CHECK (tax_pct IS NULL OR tax_pct BETWEEN 0 '
    "AND 100)",
    'ALTER TABLE "order_line" ADD COLUMN "tax_pct" REAL NOT NULL CHECK (tax_pct BETWEEN 0 AND '
    "100) DEFAULT 0",
    'ALTER TABLE "order_line" ADD COLUMN "tax_included" INTEGER NOT NULL CHECK (tax_included IN '
    "(0, 1)) DEFAULT 0",
)

# What is issued stays as issued: these columns of an invoice, its lines and its tax rows
# never change (its links to an order or a customer may be cleared or moved by a merge).
_FINAL = "SELECT RAISE(ABORT, 'An issued invoice cannot be changed: cancel it with a credit note.')"
_V5_TRIGGERS = (
    'CREATE TRIGGER "invoice_is_final" BEFORE UPDATE OF "kind", "number", "year", "sequence", '
    '"credited_invoice_id", "issue_date", "due_date", "currency", "tax_rounding", '
    '"seller_name", "seller_address", "seller_tax_id", "seller_kpp", "seller_bank", '
    '"payment_terms", "buyer_name", "buyer_address", "buyer_tax_id", "buyer_kpp", '
    '"net_cents", "tax_cents", "gross_cents", "notes", "issued_at" ON "invoice" '
    f"BEGIN {_FINAL}; END",
    'CREATE TRIGGER "invoice_line_is_final" BEFORE UPDATE OF "invoice_id", "position", "sku", '
    '"description", "quantity", "unit_price_cents", "discount_pct", "tax_pct", '
    f'"tax_included", "amount_cents" ON "invoice_line" BEGIN {_FINAL}; END',
    f'CREATE TRIGGER "invoice_tax_is_final" BEFORE UPDATE ON "invoice_tax" BEGIN {_FINAL}; END',
)

# The tables of step 4 → 5, by table: CREATE TABLE, its indexes, its triggers (frozen).
_V5_TABLES: dict[str, tuple[str, ...]] = {
    "quote": (
        'CREATE TABLE "quote" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "number" TEXT '
        'NOT NULL CHECK (length(trim(number)) > 0), "customer_id" INTEGER NOT NULL, "deal_id" '
        'INTEGER, "quote_date" TEXT NOT NULL CHECK (quote_date GLOB '
        "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(quote_date) IS quote_date), "
        '"valid_until" TEXT CHECK (valid_until IS NULL OR (valid_until GLOB '
        "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(valid_until) IS valid_until)), "
        "\"status\" TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'declined', "
        "'expired')) DEFAULT 'draft', \"order_id\" INTEGER, \"notes\" TEXT, FOREIGN KEY "
        '("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY '
        '("deal_id") REFERENCES "deal" ("id") ON DELETE SET NULL, FOREIGN KEY ("order_id") '
        'REFERENCES "sales_order" ("id") ON DELETE SET NULL, CHECK (valid_until IS NULL OR '
        "valid_until >= quote_date))",
        'CREATE UNIQUE INDEX "quote_number" ON "quote" ("number")',
        'CREATE INDEX "quote_customer_id" ON "quote" ("customer_id")',
        'CREATE INDEX "quote_deal_id" ON "quote" ("deal_id")',
        'CREATE INDEX "quote_order_id" ON "quote" ("order_id")',
        'CREATE INDEX "quote_quote_date_status" ON "quote" ("quote_date", "status")',
    ),
    "quote_line": (
        'CREATE TABLE "quote_line" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"quote_id" INTEGER NOT NULL, "product_id" INTEGER, "description" TEXT NOT NULL '
        "DEFAULT '', \"quantity\" REAL NOT NULL CHECK (quantity > 0 AND quantity <= 1000000), "
        "\"unit_price_cents\" INTEGER NOT NULL CHECK (typeof(unit_price_cents) = 'integer' AND "
        'unit_price_cents >= 0 AND unit_price_cents <= 1000000000) DEFAULT 0, "discount_pct" '
        'REAL NOT NULL CHECK (discount_pct BETWEEN 0 AND 100) DEFAULT 0, "tax_pct" REAL NOT '
        'NULL CHECK (tax_pct BETWEEN 0 AND 100) DEFAULT 0, "tax_included" INTEGER NOT NULL '
        'CHECK (tax_included IN (0, 1)) DEFAULT 0, FOREIGN KEY ("quote_id") REFERENCES '
        '"quote" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" '
        '("id") ON DELETE SET NULL)',
        'CREATE INDEX "quote_line_quote_id" ON "quote_line" ("quote_id")',
        'CREATE INDEX "quote_line_product_id" ON "quote_line" ("product_id")',
    ),
    "invoice": (
        'CREATE TABLE "invoice" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" TEXT '
        "NOT NULL CHECK (kind IN ('invoice', 'credit_note')) DEFAULT 'invoice', \"number\" TEXT "
        'NOT NULL CHECK (length(trim(number)) > 0), "year" INTEGER NOT NULL CHECK (year '
        'BETWEEN 1900 AND 2999), "sequence" INTEGER NOT NULL CHECK (sequence > 0), "order_id" '
        'INTEGER, "customer_id" INTEGER, "credited_invoice_id" INTEGER, "issue_date" TEXT NOT '
        "NULL CHECK (issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND "
        'date(issue_date) IS issue_date), "due_date" TEXT CHECK (due_date IS NULL OR '
        "(due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(due_date) IS "
        'due_date)), "currency" TEXT NOT NULL CHECK (length(currency) = 3), "tax_rounding" '
        "TEXT NOT NULL CHECK (tax_rounding IN ('line', 'document')) DEFAULT 'line', "
        "\"seller_name\" TEXT NOT NULL DEFAULT '', \"seller_address\" TEXT NOT NULL DEFAULT '', "
        "\"seller_tax_id\" TEXT NOT NULL DEFAULT '', \"seller_kpp\" TEXT NOT NULL DEFAULT '', "
        "\"seller_bank\" TEXT NOT NULL DEFAULT '', \"payment_terms\" TEXT NOT NULL DEFAULT '', "
        "\"buyer_name\" TEXT NOT NULL DEFAULT '', \"buyer_address\" TEXT NOT NULL DEFAULT '', "
        "\"buyer_tax_id\" TEXT NOT NULL DEFAULT '', \"buyer_kpp\" TEXT NOT NULL DEFAULT '', "
        "\"net_cents\" INTEGER NOT NULL CHECK (typeof(net_cents) = 'integer' AND net_cents >= "
        "0) DEFAULT 0, \"tax_cents\" INTEGER NOT NULL CHECK (typeof(tax_cents) = 'integer' AND "
        'tax_cents >= 0) DEFAULT 0, "gross_cents" INTEGER NOT NULL CHECK (typeof(gross_cents) '
        '= \'integer\' AND gross_cents >= 0) DEFAULT 0, "notes" TEXT, "issued_at" TEXT NOT NULL '
        "CHECK (issued_at GLOB "
        "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') "
        "DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), FOREIGN KEY (\"order_id\") REFERENCES "
        '"sales_order" ("id") ON DELETE SET NULL, FOREIGN KEY ("customer_id") REFERENCES '
        '"customer" ("id") ON DELETE SET NULL, FOREIGN KEY ("credited_invoice_id") REFERENCES '
        '"invoice" ("id") ON DELETE RESTRICT, CHECK (gross_cents = net_cents + tax_cents), '
        "CHECK (due_date IS NULL OR due_date >= issue_date), CHECK ((kind = 'credit_note') = "
        "(credited_invoice_id IS NOT NULL)))",
        'CREATE UNIQUE INDEX "invoice_number" ON "invoice" ("number")',
        'CREATE INDEX "invoice_order_id" ON "invoice" ("order_id")',
        'CREATE INDEX "invoice_customer_id" ON "invoice" ("customer_id")',
        'CREATE UNIQUE INDEX "invoice_credited_invoice_id" ON "invoice" ("credited_invoice_id")',
        'CREATE UNIQUE INDEX "invoice_kind_year_sequence" ON "invoice" ("kind", "year", '
        '"sequence")',
        'CREATE INDEX "invoice_issue_date" ON "invoice" ("issue_date")',
        'CREATE INDEX "invoice_due_date" ON "invoice" ("due_date")',
    ),
    "invoice_line": (
        'CREATE TABLE "invoice_line" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"invoice_id" INTEGER NOT NULL, "position" INTEGER NOT NULL CHECK (position > 0), '
        '"product_id" INTEGER, "sku" TEXT, "description" TEXT NOT NULL DEFAULT \'\', "quantity" '
        'REAL NOT NULL CHECK (quantity > 0 AND quantity <= 1000000), "unit_price_cents" '
        "INTEGER NOT NULL CHECK (typeof(unit_price_cents) = 'integer' AND unit_price_cents >= "
        '0 AND unit_price_cents <= 1000000000) DEFAULT 0, "discount_pct" REAL NOT NULL CHECK '
        '(discount_pct BETWEEN 0 AND 100) DEFAULT 0, "tax_pct" REAL NOT NULL CHECK (tax_pct '
        'BETWEEN 0 AND 100) DEFAULT 0, "tax_included" INTEGER NOT NULL CHECK (tax_included IN '
        '(0, 1)) DEFAULT 0, "amount_cents" INTEGER NOT NULL CHECK (typeof(amount_cents) = '
        "'integer' AND amount_cents >= 0) DEFAULT 0, FOREIGN KEY (\"invoice_id\") REFERENCES "
        '"invoice" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" '
        '("id") ON DELETE SET NULL)',
        'CREATE INDEX "invoice_line_invoice_id" ON "invoice_line" ("invoice_id")',
        'CREATE INDEX "invoice_line_product_id" ON "invoice_line" ("product_id")',
    ),
    "invoice_tax": (
        'CREATE TABLE "invoice_tax" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"invoice_id" INTEGER NOT NULL, "tax_pct" REAL NOT NULL CHECK (tax_pct BETWEEN 0 AND '
        "100) DEFAULT 0, \"net_cents\" INTEGER NOT NULL CHECK (typeof(net_cents) = 'integer' "
        'AND net_cents >= 0) DEFAULT 0, "tax_cents" INTEGER NOT NULL CHECK (typeof(tax_cents) '
        "= 'integer' AND tax_cents >= 0) DEFAULT 0, \"gross_cents\" INTEGER NOT NULL CHECK "
        "(typeof(gross_cents) = 'integer' AND gross_cents >= 0) DEFAULT 0, FOREIGN KEY "
        '("invoice_id") REFERENCES "invoice" ("id") ON DELETE CASCADE, CHECK (gross_cents = '
        "net_cents + tax_cents))",
        'CREATE INDEX "invoice_tax_invoice_id" ON "invoice_tax" ("invoice_id")',
        'CREATE UNIQUE INDEX "invoice_tax_invoice_id_tax_pct" ON "invoice_tax" ("invoice_id", '
        '"tax_pct")',
    ),
    "payment": (
        'CREATE TABLE "payment" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"invoice_id" INTEGER NOT NULL, "paid_on" TEXT NOT NULL CHECK (paid_on GLOB '
        "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(paid_on) IS paid_on), "
        "\"amount_cents\" INTEGER NOT NULL CHECK (typeof(amount_cents) = 'integer' AND "
        "amount_cents > 0), \"method\" TEXT NOT NULL CHECK (method IN ('bank_transfer', 'cash', "
        "'card', 'other')) DEFAULT 'bank_transfer', \"note\" TEXT, \"created_at\" TEXT NOT NULL "
        "CHECK (created_at GLOB "
        "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') "
        "DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), FOREIGN KEY (\"invoice_id\") "
        'REFERENCES "invoice" ("id") ON DELETE CASCADE)',
        'CREATE INDEX "payment_invoice_id" ON "payment" ("invoice_id")',
        'CREATE INDEX "payment_paid_on" ON "payment" ("paid_on")',
    ),
}
_V5_TABLES["invoice"] += (_V5_TRIGGERS[0],)
_V5_TABLES["invoice_line"] += (_V5_TRIGGERS[1],)
_V5_TABLES["invoice_tax"] += (_V5_TRIGGERS[2],)


# (table, column) of the columns step 4 → 5 added (tests make older files by dropping them).
V4_ADDED_COLUMNS = tuple(
    (statement.split('"')[1], statement.split('"')[3]) for statement in _V5_COLUMNS
)


_LATER_TABLES = {"custom_field": 8, "custom_value": 8, "saved_view": 9}


def introduced_in(table: str) -> int:
    """The schema version that added a documented table (1 for the brief's own tables)."""
    if table in _LATER_TABLES:
        return _LATER_TABLES[table]
    return 5 if table in _V5_TABLES else 1


def frozen_sql(table: str) -> tuple[str, ...]:
    """The statements that create ``table`` of step 4 → 5 (a new file runs these too)."""
    return _V5_TABLES[table]


def _v4_to_v5(db: SqliteDatabase) -> None:
    for statement in _V5_COLUMNS:
        db.execute_sql(statement)
    for statements in _V5_TABLES.values():
        for statement in statements:
            db.execute_sql(statement)


# --- version 6: search rows that cannot go stale ----------------------------------------------
_STALE = 'UPDATE "customer_search" SET "stamp" = NULL WHERE "id"'
SEARCH_TRIGGERS = (
    'CREATE TRIGGER "search_stale_customer" AFTER UPDATE ON "customer" '
    f'BEGIN {_STALE} = new."id"; END',
    'CREATE TRIGGER "search_gone_customer" AFTER DELETE ON "customer" '
    'BEGIN DELETE FROM "customer_search" WHERE "id" = old."id"; END',
    'CREATE TRIGGER "search_stale_contact_insert" AFTER INSERT ON "contact" '
    f'BEGIN {_STALE} = new."customer_id"; END',
    'CREATE TRIGGER "search_stale_contact_update" AFTER UPDATE ON "contact" '
    f'BEGIN {_STALE} IN (old."customer_id", new."customer_id"); END',
    'CREATE TRIGGER "search_stale_contact_delete" AFTER DELETE ON "contact" '
    f'BEGIN {_STALE} = old."customer_id"; END',
    'CREATE TRIGGER "search_stale_tag_link_insert" AFTER INSERT ON "customer_tag" '
    f'BEGIN {_STALE} = new."customer_id"; END',
    'CREATE TRIGGER "search_stale_tag_link_update" AFTER UPDATE ON "customer_tag" '
    f'BEGIN {_STALE} IN (old."customer_id", new."customer_id"); END',
    'CREATE TRIGGER "search_stale_tag_link_delete" AFTER DELETE ON "customer_tag" '
    f'BEGIN {_STALE} = old."customer_id"; END',
    'CREATE TRIGGER "search_stale_tag_rename" AFTER UPDATE OF "name" ON "tag" '
    f'BEGIN {_STALE} IN (SELECT "customer_id" FROM "customer_tag" WHERE "tag_id" = new."id"); END',
)


def _v5_to_v6(db: SqliteDatabase) -> None:
    for statement in SEARCH_TRIGGERS:
        db.execute_sql(statement)
    # The search text is now laid out in the groups a match is ranked by: every row is
    # marked stale, and the next search (or the window's start) re-indexes it.
    db.execute_sql('UPDATE "customer_search" SET "stamp" = NULL')


# --- version 7: Today from indexes alone ----------------------------------------------------
TODAY_INDEXES = ('CREATE INDEX "deal_stage_expected_close" ON "deal" ("stage", "expected_close")',)


def _v6_to_v7(db: SqliteDatabase) -> None:
    for statement in TODAY_INDEXES:
        db.execute_sql(statement)


# --- version 8: the owner's custom fields ------------------------------------------------
CUSTOM_FIELDS_SQL = (
    'CREATE TABLE "custom_field" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    "\"entity\" TEXT NOT NULL CHECK (entity IN ('customer', 'contact', 'deal', 'product', "
    "'sales_order')), "
    '"name" TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60 AND name = trim(name)), '
    "\"kind\" TEXT NOT NULL CHECK (kind IN ('text', 'number', 'money', 'date', 'yes_no', "
    "'choice', 'link')), "
    '"choices" TEXT CHECK (choices IS NULL OR json_valid(choices)), '
    '"searchable" INTEGER NOT NULL CHECK (searchable IN (0, 1)) DEFAULT 0, '
    '"position" INTEGER NOT NULL DEFAULT 0, '
    f'"deleted_at" TEXT CHECK (deleted_at IS NULL OR deleted_at GLOB {_TIME_SHAPE}))',
    'CREATE INDEX "custom_field_entity" ON "custom_field" ("entity", "position")',
    'CREATE TABLE "custom_value" ("field_id" INTEGER NOT NULL, "record_id" INTEGER NOT NULL, '
    '"text_value" TEXT, '
    '"number_value" NUMERIC CHECK (number_value IS NULL OR typeof(number_value) IN '
    "('integer', 'real')), "
    '"sort_key" TEXT, PRIMARY KEY ("field_id", "record_id"), '
    'FOREIGN KEY ("field_id") REFERENCES "custom_field" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "custom_value_sort_key" ON "custom_value" ("field_id", "sort_key", "record_id")',
    'CREATE INDEX "custom_value_number" ON "custom_value" ("field_id", "number_value", '
    '"record_id")',
)


def _v7_to_v8(db: SqliteDatabase) -> None:
    """Add the custom fields' two tables (new files run the same SQL)."""
    for statement in CUSTOM_FIELDS_SQL:
        db.execute_sql(statement)


# --- version 9: saved views ---------------------------------------------------------------
SAVED_VIEWS_SQL = (
    'CREATE TABLE "saved_view" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"entity" TEXT NOT NULL CHECK (length(entity) BETWEEN 1 AND 40), '
    '"name" TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80 AND name = trim(name)), '
    '"position" INTEGER NOT NULL DEFAULT 0, '
    '"state" TEXT NOT NULL CHECK (json_valid(state)))',
    'CREATE UNIQUE INDEX "saved_view_entity_name" ON "saved_view" ("entity", "name" COLLATE '
    "NOCASE)",
    'CREATE INDEX "saved_view_entity_position" ON "saved_view" ("entity", "position")',
)


def _v8_to_v9(db: SqliteDatabase) -> None:
    """Add the saved views' table (new files run the same SQL)."""
    for statement in SAVED_VIEWS_SQL:
        db.execute_sql(statement)


# --- version 10: sort keys in each script's own order ----------------------------------------
_V10_SQL = ('UPDATE "customer_search" SET "stamp" = NULL',)


def _v9_to_v10(db: SqliteDatabase) -> None:
    # The stored sort keys (name_key) were made by the old key, which put Chinese names
    # in code-point order: every row is marked stale and re-indexed by the next refresh.
    for statement in _V10_SQL:
        db.execute_sql(statement)


# --- version 11: a search index inside SQLite ---------------------------------------------
_FTS_ROW = 'new."id", new."haystack" || char(31, 31)'
_FTS_DELETE = (
    'INSERT INTO "customer_search_fts" ("customer_search_fts", rowid, "haystack") '
    'VALUES (\'delete\', old."id", old."haystack" || char(31, 31));'
)
NGRAM_INDEX_SQL = (
    'CREATE VIEW "customer_search_text" AS '
    'SELECT "id", "haystack" || char(31, 31) AS "haystack" FROM "customer_search"',
    'CREATE VIRTUAL TABLE "customer_search_fts" USING fts5("haystack", '
    "content='customer_search_text', content_rowid='id', "
    "tokenize='trigram case_sensitive 1', detail='none')",
    'CREATE VIRTUAL TABLE "customer_search_vocab" USING fts5vocab("customer_search_fts", \'row\')',
    'CREATE INDEX "customer_search_odd_name" ON "customer_search" ("name_key") '
    'WHERE substr("haystack", 1, 1) <> substr("name_key", 1, 1)',
    'CREATE TRIGGER "search_fts_insert" AFTER INSERT ON "customer_search" '
    f'BEGIN INSERT INTO "customer_search_fts" (rowid, "haystack") VALUES ({_FTS_ROW}); END',
    f'CREATE TRIGGER "search_fts_delete" AFTER DELETE ON "customer_search" BEGIN {_FTS_DELETE} END',
    'CREATE TRIGGER "search_fts_update" AFTER UPDATE OF "haystack" ON "customer_search" '
    'WHEN old."haystack" IS NOT new."haystack" '
    f'BEGIN {_FTS_DELETE} INSERT INTO "customer_search_fts" (rowid, "haystack") '
    f"VALUES ({_FTS_ROW}); END",
)


def _v10_to_v11(db: SqliteDatabase) -> None:
    for statement in NGRAM_INDEX_SQL:
        db.execute_sql(statement)
    # Filled here, in the upgrade's transaction: from then on the triggers delete what they
    # index, which an index missing some rows could not take.
    db.execute_sql('INSERT INTO "customer_search_fts" ("customer_search_fts") VALUES (\'rebuild\')')


# --- version 12: the odd names' index skips a script-order marker -----------------------
# A name's first character against its key's first character, after the marker of a script
# that sorts after the language's own (char(1328) = U+0530, char(19969) = U+4E01), if any.
# The search's query repeats this expression word for word, so that SQLite uses the index.
ODD_NAME = (
    'substr("haystack", 1, 1) <> substr("name_key", '
    '1 + (substr("name_key", 1, 1) IN (char(1328), char(19969))), 1)'
)
ODD_NAME_SQL = (
    'DROP INDEX "customer_search_odd_name"',
    f'CREATE INDEX "customer_search_odd_name" ON "customer_search" ("name_key") WHERE {ODD_NAME}',
)


# --- version 13: the odd names found by their first character ------------------------------
NAME_START_INDEX_SQL = (
    'DROP INDEX "customer_search_odd_name"',
    'CREATE INDEX "customer_search_odd_name" ON "customer_search" '
    f'(substr("haystack", 1, 1), "name_key") WHERE {ODD_NAME}',
)


# --- version 14: the search rows' sort keys by id ----------------------------------------
ID_KEY_INDEX_SQL = (
    'CREATE INDEX "customer_search_id_key" ON "customer_search" ("id", "name_key")',
)


# --- version 15: the search text's groups indexed apart -----------------------------------
# customer_search's text is its groups joined by char(30): name, reach, people, place. Each
# group is indexed with two terminators, as version 11's whole text: every occurrence of a
# one- or two-character query then begins a trigram. Frozen: never edit what these make.
def _group_texts(text: str) -> tuple[str, ...]:
    """The SQL of the four groups of the search text ``text`` (an SQL expression)."""
    after_name = f"substr({text}, instr({text}, char(30)) + 1)"
    after_reach = f"substr({after_name}, instr({after_name}, char(30)) + 1)"
    return tuple(
        f"{group} || char(31, 31)"
        for group in (
            f"substr({text}, 1, instr({text}, char(30)) - 1)",
            f"substr({after_name}, 1, instr({after_name}, char(30)) - 1)",
            f"substr({after_reach}, 1, instr({after_reach}, char(30)) - 1)",
            f"substr({after_reach}, instr({after_reach}, char(30)) + 1)",
        )
    )


SEARCH_GROUPS = ("name", "reach", "people", "place")
_GROUP_TABLES = tuple(f'"customer_search_{group}_fts"' for group in SEARCH_GROUPS)
# Every FTS5 index of the search rows (versions 11 and 15): checked and rebuilt alike.
SEARCH_INDEX_TABLES = (
    "customer_search_fts",
    *(f"customer_search_{group}_fts" for group in SEARCH_GROUPS),
)


def _group_rows(verb: str, source: str) -> str:
    """One INSERT per group table: ``verb`` "" adds the row of ``source``, "delete" removes it."""
    values = _group_texts(f'{source}."haystack"')
    return " ".join(
        f'INSERT INTO {table} ({table}, rowid, "{group}") '
        f"VALUES ('delete', {source}.\"id\", {value});"
        if verb
        else f'INSERT INTO {table} (rowid, "{group}") VALUES ({source}."id", {value});'
        for table, group, value in zip(_GROUP_TABLES, SEARCH_GROUPS, values, strict=True)
    )


GROUP_INDEX_SQL = (
    'CREATE VIEW "customer_search_groups" AS SELECT "id", '
    + ", ".join(
        f'{value} AS "{group}"'
        for group, value in zip(SEARCH_GROUPS, _group_texts('"haystack"'), strict=True)
    )
    + ' FROM "customer_search"',
    *(
        f'CREATE VIRTUAL TABLE {table} USING fts5("{group}", '
        "content='customer_search_groups', content_rowid='id', "
        "tokenize='trigram case_sensitive 1', detail='none')"
        for table, group in zip(_GROUP_TABLES, SEARCH_GROUPS, strict=True)
    ),
    'CREATE TRIGGER "search_groups_insert" AFTER INSERT ON "customer_search" '
    f"BEGIN {_group_rows('', 'new')} END",
    'CREATE TRIGGER "search_groups_delete" AFTER DELETE ON "customer_search" '
    f"BEGIN {_group_rows('delete', 'old')} END",
    'CREATE TRIGGER "search_groups_update" AFTER UPDATE OF "haystack" ON "customer_search" '
    'WHEN old."haystack" IS NOT new."haystack" '
    f"BEGIN {_group_rows('delete', 'old')} {_group_rows('', 'new')} END",
)
# The names of GROUP_INDEX_SQL's triggers (the demo sets them aside while it loads).
GROUP_TRIGGERS = frozenset({"search_groups_insert", "search_groups_delete", "search_groups_update"})
# Fills the group indexes from the rows (a new file has none: it runs them all the same).
GROUP_INDEX_FILL = tuple(
    f"INSERT INTO {table} ({table}) VALUES ('rebuild')" for table in _GROUP_TABLES
)


def _v14_to_v15(db: SqliteDatabase) -> None:
    for statement in (*GROUP_INDEX_SQL, *GROUP_INDEX_FILL):
        db.execute_sql(statement)


def _v11_to_v12(db: SqliteDatabase) -> None:
    for statement in ODD_NAME_SQL:
        db.execute_sql(statement)


def _v12_to_v13(db: SqliteDatabase) -> None:
    for statement in NAME_START_INDEX_SQL:
        db.execute_sql(statement)


def _v13_to_v14(db: SqliteDatabase) -> None:
    for statement in ID_KEY_INDEX_SQL:
        db.execute_sql(statement)


# --- version 16: the contacts' stored sort keys ----------------------------------------------
CONTACT_KEY_SQL = (
    'CREATE TABLE "contact_key" ("id" INTEGER NOT NULL PRIMARY KEY, "name_key" TEXT)',
    'CREATE INDEX "contact_key_name" ON "contact_key" ("name_key")',
    'CREATE INDEX "contact_key_stale" ON "contact_key" ("id") WHERE "name_key" IS NULL',
    'CREATE TRIGGER "contact_key_insert" AFTER INSERT ON "contact" '
    'BEGIN INSERT OR REPLACE INTO "contact_key" ("id", "name_key") VALUES (new."id", NULL); END',
    'CREATE TRIGGER "contact_key_update" AFTER UPDATE OF "id", "name" ON "contact" '
    'WHEN old."id" IS NOT new."id" OR old."name" IS NOT new."name" '
    'BEGIN DELETE FROM "contact_key" WHERE "id" = old."id"; '
    'INSERT OR REPLACE INTO "contact_key" ("id", "name_key") VALUES (new."id", NULL); END',
    'CREATE TRIGGER "contact_key_delete" AFTER DELETE ON "contact" '
    'BEGIN DELETE FROM "contact_key" WHERE "id" = old."id"; END',
)
# A NULL key for every contact of an upgraded file (the start job makes them).
CONTACT_KEY_FILL = (
    'INSERT INTO "contact_key" ("id", "name_key") SELECT "id", NULL FROM "contact"',
)


def _v15_to_v16(db: SqliteDatabase) -> None:
    for statement in (*CONTACT_KEY_SQL, *CONTACT_KEY_FILL):
        db.execute_sql(statement)


# --- version 17: the pipeline board from indexes ------------------------------------------
BOARD_INDEXES = (
    'CREATE INDEX "deal_stage_closed_at" ON "deal" ("stage", "closed_at")',
    'CREATE INDEX "deal_stage_amount" ON "deal" ("stage", "amount_cents", "probability")',
)


def _v16_to_v17(db: SqliteDatabase) -> None:
    for statement in BOARD_INDEXES:
        db.execute_sql(statement)


# The step that takes a file from version N to N + 1, by N.
STEPS: dict[int, Callable[[SqliteDatabase], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
    7: _v7_to_v8,
    8: _v8_to_v9,
    9: _v9_to_v10,
    10: _v10_to_v11,
    11: _v11_to_v12,
    12: _v12_to_v13,
    13: _v13_to_v14,
    14: _v14_to_v15,
    15: _v15_to_v16,
    16: _v16_to_v17,
}


def migrate(db: SqliteDatabase, from_version: int) -> None:
    """Step the open database from ``from_version`` to :data:`SCHEMA_VERSION` atomically.

    Foreign keys are switched off during the steps (SQLite's procedure for
    rebuilding tables) and checked as a whole before the commit.
    """
    if from_version >= SCHEMA_VERSION:
        return
    missing = [v for v in range(from_version, SCHEMA_VERSION) if v not in STEPS]
    if missing:
        raise RuntimeError(f"no migration step from schema version {missing[0]}")
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            for version in range(from_version, SCHEMA_VERSION):
                STEPS[version](db)
            problems = db.execute_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                table, rowid, parent, _ = problems[0]
                raise RuntimeError(
                    f"migration left a broken reference: {table} row {rowid} → {parent}"
                )
            db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
