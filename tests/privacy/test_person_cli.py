"""``crm-desktop person export|erase``: the same service, and erase refuses without --yes."""

from __future__ import annotations

import json
from pathlib import Path

from crm_desktop.cli import main
from crm_desktop.models import close_database


def _make(db_path: Path) -> tuple[int, int]:
    from crm_desktop.services import contacts, customers, open_session

    open_session(db_path)
    customer = customers.create_customer({"name": "Ольга =SUM(A1) 🎉", "email": "olga@example.com"})
    contact = contacts.create_contact({"customer_id": customer, "name": "李娜 <b>&"})
    close_database()
    return customer, contact


def _count(db_path: Path, sql: str) -> int:
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchone()[0]


def test_export_writes_the_json(tmp_path: Path, capsys):
    db = tmp_path / "crm.sqlite3"
    customer, _ = _make(db)
    out = tmp_path / "olga.json"
    assert (
        main(["--db", str(db), "person", "export", "customer", str(customer), "-o", str(out)]) == 0
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["records"]["customer"][0]["name"] == "Ольга =SUM(A1) 🎉"
    assert document["records"]["contact"][0]["name"] == "李娜 <b>&"


def test_erase_refuses_without_yes_and_says_what_it_would_erase(tmp_path: Path, capsys):
    db = tmp_path / "crm.sqlite3"
    customer, _ = _make(db)
    assert main(["--db", str(db), "person", "erase", "customer", str(customer)]) == 1
    captured = capsys.readouterr()
    assert "Would erase customer" in captured.out and "Ольга" in captured.out
    assert "contacts: 1" in captured.out
    assert "--yes" in captured.err
    close_database()
    assert _count(db, "SELECT count(*) FROM customer") == 1

    assert main(["--db", str(db), "person", "erase", "customer", str(customer), "--yes"]) == 0
    assert "Erased customer" in capsys.readouterr().out
    close_database()
    assert _count(db, "SELECT count(*) FROM customer") == 0
    assert _count(db, "SELECT count(*) FROM contact") == 0


def test_erase_contact_and_unknown_id(tmp_path: Path, capsys):
    db = tmp_path / "crm.sqlite3"
    _customer, contact = _make(db)
    assert main(["--db", str(db), "person", "erase", "contact", str(contact), "--yes"]) == 0
    close_database()
    assert _count(db, "SELECT count(*) FROM contact") == 0
    assert _count(db, "SELECT count(*) FROM customer") == 1
    assert main(["--db", str(db), "person", "erase", "customer", "999", "--yes"]) == 1
    assert "no customer with id 999" in capsys.readouterr().err
