"""Each import is a batch that "Undo this import" reverts as a whole, also days later."""

from __future__ import annotations

import pytest
from transfer_db import count, rows

from crm_desktop.errors import CrmError
from crm_desktop.services import importing, trash
from crm_desktop.services.customers import create_customer, get_customer, update_customer
from crm_desktop.services.products import create_product


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_undo_trashes_what_was_created_and_restores_what_was_updated(db, files):
    acme = create_customer({"name": "Acme", "email": "info@acme.example"}, tag_names=["old"])
    beta = create_customer({"name": "Beta", "email": "b@beta.example", "city": "Oslo"})
    path = write(
        files / "a.csv",
        "Name,Email,City,Phone,Tags,Contact name\n"
        "Acme,info@acme.example,Boston,+1 617 555 0100,VIP,Al Smith\n"
        "Beta,b@beta.example,Bergen,,,\n"
        "Gamma,g@gamma.example,Rome,,new,Gia\n",
    )
    result = importing.run_import(path, "customer", policy="overwrite")
    assert (result.created, result.updated) == (1, 2)
    assert get_customer(acme)["tags"] == ["old", "VIP"]
    # Days later the user changed Beta's city by hand: the undo keeps that.
    update_customer(beta, {"city": "Trondheim"})
    batches = importing.list_batches()
    assert batches[0].id == result.batch_id and batches[0].created == 1
    undone = importing.undo_batch(result.batch_id)
    assert undone.kept_fields == 1
    restored = get_customer(acme)
    assert (restored["city"], restored["phone"], restored["tags"]) == (None, None, ["old"])
    # Al Smith, a contact the import added to Acme, is in the trash.
    assert count("contact", f"customer_id = {acme}") == 0
    assert get_customer(beta)["city"] == "Trondheim"
    gamma = rows("SELECT id, deleted_at FROM customer WHERE name = 'Gamma'")[0]
    assert gamma[1] is not None  # in the trash, and can come back from there
    labels = [item["label"] for item in trash.list_trash()]
    assert "Gamma" in labels and "Al Smith" in labels
    assert importing.list_batches()[0].undone_at is not None
    with pytest.raises(CrmError, match="already undone"):
        importing.undo_batch(result.batch_id)


def test_undo_of_a_products_import(db, files):
    create_product({"sku": "A-1", "name": "Old chair", "unit_price_cents": 1000})
    path = write(files / "p.csv", "SKU,Name,Price,Stock\nA-1,Chair,12.50,4\nB-2,Table,99,1\n")
    result = importing.run_import(path, "product", policy="overwrite")
    assert (result.created, result.updated) == (1, 1)
    importing.undo_batch(result.batch_id)
    assert rows("SELECT sku, name, unit_price_cents, stock_qty FROM product") == [
        ("A-1", "Old chair", 1000, 0.0)
    ]
    assert [i["label"] for i in trash.list_trash()] == ["B-2 Table"]


def test_undo_of_a_contacts_import_puts_the_primary_back(db, files):
    acme = create_customer({"name": "Acme"})
    from crm_desktop.services.contacts import create_contact

    first = create_contact({"customer_id": acme, "name": "First"})
    path = write(files / "c.csv", "Name,Company,Primary\nNew Boss,Acme,yes\n")
    result = importing.run_import(path, "contact")
    assert result.created == 1
    assert rows("SELECT name, is_primary FROM contact ORDER BY id") == [
        ("First", 0),
        ("New Boss", 1),
    ]
    importing.undo_batch(result.batch_id)
    assert rows("SELECT id, is_primary FROM contact") == [(first, 1)]


def test_history_lists_imports_newest_first(db, files):
    path = write(files / "a.csv", "Name\nAcme\n")
    first = importing.run_import(path, "customer")
    second = importing.run_import(path, "customer")
    assert [b.id for b in importing.list_batches()] == [second.batch_id, first.batch_id]
    assert importing.list_batches()[0].describe == "Import of customers from a.csv"
