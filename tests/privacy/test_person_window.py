"""The customer page's "Export personal data…" and "Erase this person…", answered by the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crm_desktop.models import database
from crm_desktop.services import contacts, customers
from crm_desktop.ui.customers.detail import CustomerDetailPage

NAME = "Пётр 王 <b>&</b> 🎉"


@pytest.fixture
def page(qtbot, db):
    widget = CustomerDetailPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def petr(db):
    customer = customers.create_customer({"name": NAME, "email": "petr@example.com"})
    contacts.create_contact({"customer_id": customer, "name": "Анна"})
    customers.create_customer({"name": "Stays"})
    return customer


def _answer(monkeypatch, *, erase: bool) -> list[str]:
    """Answer the confirmation without showing it; returns what it said."""
    said: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        said.append(box.text() + "\n" + box.informativeText())
        wanted = "erase_for_good" if erase else ""
        chosen = [b for b in box.buttons() if b.objectName() == wanted] or [box.defaultButton()]
        monkeypatch.setattr(box, "clickedButton", lambda: chosen[0])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    return said


def test_export_from_the_more_menu(qtbot, page, petr, monkeypatch, tmp_path: Path):
    page.show_customer(petr)
    target = tmp_path / "petr.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _answer(monkeypatch, erase=False)
    assert page.more_button.menu().actions()[0] is page.export_person_action
    page.export_person_action.trigger()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["records"]["customer"][0]["name"] == NAME
    assert [c["name"] for c in document["records"]["contact"]] == ["Анна"]


def test_erase_asks_naming_the_person_and_cancel_keeps_them(qtbot, page, petr, monkeypatch):
    page.show_customer(petr)
    said = _answer(monkeypatch, erase=False)
    page.erase_person_action.trigger()
    assert NAME in said[0] and "cannot be undone" in said[0] and "contacts: 1" in said[0]
    assert "No backup holds them." in said[0]
    assert database.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 2


def test_erase_confirmed_deletes_them_and_goes_back(qtbot, page, petr, monkeypatch, db):
    from crm_desktop.services.backups import create_backup

    backup = create_backup(db, reason="test")
    page.show_customer(petr)
    said = _answer(monkeypatch, erase=True)
    with qtbot.waitSignal(page.back_requested, timeout=2000):
        page.erase_person_action.trigger()
    assert backup.path.name in said[0]
    assert database.execute_sql("SELECT name FROM customer").fetchall() == [("Stays",)]
    assert database.execute_sql("SELECT count(*) FROM contact").fetchone()[0] == 0


def test_contact_form_erases_the_contact_only(qtbot, petr, monkeypatch):
    from crm_desktop.ui.forms.contact import ContactForm

    contact = database.execute_sql("SELECT id FROM contact").fetchone()[0]
    form = ContactForm(record_id=contact)
    qtbot.addWidget(form)
    said = _answer(monkeypatch, erase=True)
    form.erase_person_action.trigger()
    assert "Анна" in said[0] and "cannot be undone" in said[0]
    assert database.execute_sql("SELECT count(*) FROM contact").fetchone()[0] == 0
    assert database.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 2
    assert not form.isVisible()
