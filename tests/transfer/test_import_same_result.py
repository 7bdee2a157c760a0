"""The fast paths of a big import give the same database as the plain one.

A big import validates its rows in helper processes (``parallel.py``: this
process takes chunks back when it would otherwise wait) and writes the new
customers' search rows in one statement a chunk (``search_rows.py``). The
same file imported with helpers, small chunks and streaming flushes, and
imported here alone, must leave the same rows in every table the import
writes, and the n-gram index must hold exactly what a rebuild from the
search rows makes.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from crm_desktop.models import close_database, database
from crm_desktop.services import importing, open_session, search, settings

FIRST = ("Иван", "Мария", "伟", "芳", "Anna", "José", "Zoë", "محمد", "😀Emoji")
LAST = ("Петров", "张", "Smith", "Müller", "O'Brien", "=SUM(A1)", "<b>&amp;")


def _write_file(path: Path) -> None:
    rng = random.Random(5)
    lines = ["Name,Email,Phone,City,Tags,Contact name,Contact email,Notes"]
    for i in range(700):
        name = f"{rng.choice(LAST)} {rng.choice(FIRST)} {i}"
        if i % 97 == 5:
            name = ""  # refused: no name
        email = f"c{i}@example{i % 7}.com" if i % 41 else "not-an-email"  # kept in the notes
        phone = f"+1 212 555 {i % 10000:04d}" if i % 3 else "8 (916) 555-01-02"
        city = rng.choice(("Москва", "上海", "Berlin", ""))
        tags = rng.choice(("", "VIP", "VIP, Опт", "批发"))
        contact = rng.choice(("", f"{rng.choice(FIRST)} {rng.choice(LAST)}"))
        contact_email = f"p{i}@example.org" if contact else ""
        notes = rng.choice(("", "Звонить после обеда", "=1+2", "多行\nnote"))
        cells = [name, email, phone, city, tags, contact, contact_email, notes]
        lines.append(",".join('"' + c.replace('"', '""') + '"' for c in cells))
    for i in (3, 10, 400):  # duplicates of earlier rows (same email): skipped
        lines.append(f"Again {i},c{i}@example{i % 7}.com,,,,,,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _snapshot() -> dict[str, list[tuple]]:
    """Every table an import writes, without the clock's stamps."""
    queries = {
        "customer": "SELECT id, name, kind, status, email, phone, city, notes FROM customer",
        "contact": "SELECT id, customer_id, name, email, phone, is_primary, notes FROM contact",
        "tag": "SELECT id, name FROM tag",
        "customer_tag": "SELECT customer_id, tag_id FROM customer_tag",
        "customer_search": "SELECT id, haystack, name_key FROM customer_search",
        "audit_log": "SELECT entity, entity_id, action, changes FROM audit_log",
        "import_item": "SELECT entity, entity_id, last_id, action, changes FROM import_item",
        "ngrams": "SELECT term, doc FROM customer_search_vocab",
    }
    found = {name: database.execute_sql(sql).fetchall() for name, sql in queries.items()}
    # Entries made by SQLite (json_object) and by Python (json.dumps) differ in spaces only.
    found["audit_log"] = [(*row[:3], json.loads(row[3])) for row in found["audit_log"]]
    # A streaming import logs its runs of new ids flush by flush: the same ids in more runs.
    found["import_item"] = [
        (entity, record_id, action, changes)
        for entity, first, last, action, changes in found["import_item"]
        for record_id in range(first, (last or first) + 1)
    ]
    return {name: sorted(rows, key=repr) for name, rows in found.items()}


def _import(path: Path, db_path: Path) -> tuple[dict[str, list[tuple]], importing.ImportResult]:
    open_session(db_path)
    settings.set_many({"phone_region": "US", "currency": "USD", "locale": "en_US"})
    result = importing.run_import(path, "customer")
    snapshot = _snapshot()
    # The index the triggers made from one statement a chunk is the one a rebuild makes.
    database.execute_sql(
        "INSERT INTO customer_search_fts (customer_search_fts) VALUES ('integrity-check')"
    )
    database.execute_sql("INSERT INTO customer_search_fts (customer_search_fts) VALUES ('rebuild')")
    assert _snapshot()["ngrams"] == snapshot["ngrams"]
    found = search.search_customers("Петров")
    named = {row[0] for row in snapshot["customer"] if "Петров" in row[1]}
    named |= {row[1] for row in snapshot["contact"] if "Петров" in row[2]}
    assert named and set(found) == named
    close_database()
    return snapshot, result


def test_helpers_and_bulk_search_rows_give_the_same_database(tmp_path, files, monkeypatch):
    from crm_desktop.services.importing import parallel, runner

    path = files / "customers.csv"
    _write_file(path)
    close_database()  # the autouse fixtures opened nothing here; two files of our own
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 10**9)
    alone, alone_result = _import(path, tmp_path / "alone.sqlite3")

    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "CHUNK_ROWS", 16)  # 44 chunks: takebacks and steals
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(runner, "FLUSH_ROWS", 50)  # streaming writes, many of them
    helped, helped_result = _import(path, tmp_path / "helped.sqlite3")

    assert alone_result.summary() == helped_result.summary()
    assert (alone_result.created, alone_result.skipped, alone_result.refused) == (692, 3, 8)
    assert alone_result.kept > 0
    for table in alone:
        assert helped[table] == alone[table], table
    assert len(alone["ngrams"]) > 1000


@pytest.mark.parametrize("rows", [0, 1, 3])
def test_search_rows_in_one_statement_are_found(db, rows):
    from crm_desktop.services.search_rows import insert_search_rows

    for i in range(1, rows + 1):
        database.execute_sql(
            "INSERT INTO customer (id, name, kind, status) VALUES (?, 'x', 'company', 'lead')", (i,)
        )
    database.execute_sql("DELETE FROM customer_search")  # the rows come from the test alone
    with database.atomic():
        insert_search_rows([(i, f"строка {i} 张伟", "k", None) for i in range(1, rows + 1)])
    assert database.execute_sql("SELECT count(*) FROM customer_search").fetchone()[0] == rows
    hits = database.execute_sql(
        "SELECT count(*) FROM customer_search_fts WHERE customer_search_fts MATCH '\"стр\"'"
    ).fetchone()[0]
    assert hits == rows
    if rows:  # the staging table is left empty for the next chunk
        staged = database.execute_sql("SELECT count(*) FROM temp.search_rows_staged")
        assert staged.fetchone()[0] == 0


def test_the_summary_and_the_reasons_speak_the_owners_language(db, files, language):
    path = files / "ru.csv"
    path.write_text(
        "Name,Email,Phone,Kundennummer\n"
        "Ромашка,info@romashka.example,8 (916) 555-01-02,17\n"
        "Лютик,lutik@example.org,,18\n"
        "Ромашка снова,info@romashka.example,,19\n",
        encoding="utf-8",
    )
    language("ru")
    result = importing.run_import(path, "customer")
    summary, details = result.summary(), result.details()
    language("zh_CN")
    chinese = result.summary()
    assert summary.startswith(
        "Создано 2 клиента, обновлено: 0, пропущено: 1, отклонено: 0. 1 значение не подошло"
    ), summary
    assert "Сохранено в заметках как «Заголовок: значение»: Kundennummer." in details
    assert any("прочитаны как номера региона US" in line for line in details)
    assert result.skipped_rows == [
        (4, "тот же адрес эл. почты info@romashka.example, как у существующего клиента")
    ]
    assert chinese.startswith("已创建 2 个客户，更新 0 条，跳过 1 条，拒绝 0 条。"), chinese


def test_the_undo_summary_speaks_the_owners_language(language):
    from crm_desktop.services.importing.batches import UndoResult

    result = UndoResult(trashed=2, reverted=5, kept_fields=1)
    language("ru")
    russian = result.summary()
    language("zh_CN")
    chinese = result.summary()
    assert russian == (
        "2 записи перемещены в корзину, 5 изменений отменено; "
        "1 поле изменили после импорта, и оно сохранено."
    ), russian
    assert chinese == "2 条记录已移到回收站，5 处更改已撤销；1 个字段在导入后被修改过，已保留。"
    language("en")
    assert UndoResult(trashed=1, reverted=0).summary() == (
        "1 record moved to the trash, 0 changes reverted."
    )
