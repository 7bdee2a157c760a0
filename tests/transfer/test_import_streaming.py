"""Big customer imports write as they go (skip/create): the result is the same as at once."""

from __future__ import annotations

import csv

import pytest
from transfer_db import count, rows

from crm_desktop.errors import CancelledError
from crm_desktop.services import importing, search
from crm_desktop.services.importing import runner

ROWS = 12_000  # over two FLUSH_ROWS: at least two writes before the end


def write_file(path, rows_count: int = ROWS) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Company", "Name", "E-mail", "Phone", "City", "Labels", "Notes"])
        for i in range(rows_count):
            out.writerow(
                [
                    f"Фирма {i}",
                    f"Иван Петров {i}",
                    f"shop{i}@example.com",
                    f"+1 415 555 {i % 10000:04d}" if i % 3 == 0 else "",
                    "Москва" if i % 2 else "Berlin",
                    "VIP" if i % 100 == 0 else "",
                    "=1+2" if i % 1000 == 0 else "",
                ]
            )
        # A duplicate of the first row (written long ago by now) with a new person.
        out.writerow(["Фирма 0", "Ольга Новая", "olga@example.com", "", "Berlin", "", ""])
        # A plain duplicate: skipped.
        out.writerow(["Фирма 5", "", "shop5@example.com", "", "", "", ""])


def test_a_streamed_import_writes_everything_once_and_undoes(db, tmp_path):
    assert runner.FLUSH_ROWS * 2 < ROWS
    source = tmp_path / "big.csv"
    write_file(source)
    result = importing.run_import(source, "customer")
    assert result.created == ROWS
    assert result.refused == 0
    assert result.skipped == 1 and result.updated == 1  # Фирма 0 got Ольга
    assert count("customer") == ROWS
    assert count("customer_search") == ROWS
    assert count("audit_log", "entity = 'customer' AND action = 'create'") == ROWS
    assert count("customer_tag") == ROWS // 100
    olga = rows(
        "SELECT c.name FROM contact ct JOIN customer c ON c.id = ct.customer_id "
        "WHERE ct.name = 'Ольга Новая'"
    )
    assert olga == [("Фирма 0",)]
    # The first customer was written in the first flush; its search text now has Ольга.
    assert search.search_customers("ольга новая") == search.search_customers("фирма 0 berlin")[:1]
    assert len(search.search_customers("ИВАН ПЕТРОВ 11999")) == 1
    assert rows("SELECT notes FROM customer WHERE name = 'Фирма 1000'") == [("=1+2",)]
    summary = importing.undo_batch(result.batch_id)
    assert count("customer", "deleted_at IS NULL") == 0, summary


def test_a_cancelled_streamed_import_leaves_nothing(db, tmp_path):
    source = tmp_path / "big.csv"
    write_file(source)
    calls = {"n": 0}

    def cancelled() -> bool:  # after the first flush has written thousands of rows
        calls["n"] += 1
        return calls["n"] > 30

    with pytest.raises(CancelledError):
        importing.run_import(source, "customer", cancelled=cancelled)
    for table in ("customer", "contact", "customer_search", "audit_log", "import_batch", "tag"):
        assert count(table) == 0, table
    assert search.search_customers("фирма") == []


@pytest.mark.parametrize("policy", ["skip", "update", "overwrite", "create"])
def test_the_search_rows_an_import_writes_are_the_ones_the_index_makes(db, tmp_path, policy):
    """New customers' search text comes from their row (made while validating): the same text."""
    source = tmp_path / "people.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Company", "Name", "E-mail", "Phone", "City", "Country", "Labels"])
        out.writerow(["Acme", "Jane Roe", "jane@acme.com", "+1 415 555 0101", "SF", "USA",
                      "VIP, vip, Partner"])  # fmt: skip
        out.writerow(["Фирма «Ёлка»", "", "elka@example.ru", "", "Москва", "Россия", ""])
        out.writerow(["北京贸易", "张伟", "", "+86 10 6552 9988", "北京", "中国", "批发"])
        out.writerow(["=cmd", "", "x@example.com", "", "", "", ""])
        # Later rows of the same customers: a new person, a new tag, a new city.
        out.writerow(["Acme", "John Doe", "jane@acme.com", "", "", "", "Wholesale"])
        out.writerow(["Фирма «Ёлка»", "Ольга", "elka@example.ru", "", "Тверь", "", "Опт"])
    result = importing.run_import(source, "customer", policy=policy)
    assert result.refused == 0
    query = "SELECT id, haystack, name_key FROM customer_search ORDER BY id"
    written = rows(query)
    assert len(written) == count("customer") >= 4
    search.rebuild_index()
    assert rows(query) == written
    if policy != "create":  # a duplicate row is a customer of its own under "create"
        assert search.search_customers("ольга") == search.search_customers("ёлка")
