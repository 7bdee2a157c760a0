"""Data exports to CSV stay machine-readable in every language: ISO dates, ``1234.50``, and
our own CSV imports back whatever language and locale wrote or reads it."""

from __future__ import annotations

import csv

import pytest

from crm_desktop import i18n
from crm_desktop.models import close_database, database
from crm_desktop.services import deals, exporting, importing, open_session, settings
from crm_desktop.services.customers import create_customer
from crm_desktop.services.products import create_product

LOCALES = {
    "ru": ("ru_RU", "RUB", "RU"),
    "zh_CN": ("zh_CN", "CNY", "CN"),
    "en": ("en_US", "USD", "US"),
}


@pytest.fixture
def speaking():
    def use(code: str) -> None:
        i18n.set_language(code)
        locale_name, currency, region = LOCALES[code]
        settings.set_many({"locale": locale_name, "currency": currency, "phone_region": region})

    yield use
    i18n.set_language(i18n.ENGLISH)


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _snapshot():
    return sorted(database.execute_sql(
        "SELECT c.name, c.phone, c.city, c.status, p.sku, p.name, p.unit_price_cents, "
        "p.stock_qty FROM customer c, product p ORDER BY c.name, p.sku"
    ).fetchall())  # fmt: skip


@pytest.mark.parametrize(("wrote", "reads"), [("ru", "zh_CN"), ("zh_CN", "ru"), ("ru", "en")])
def test_our_csv_is_machine_readable_and_imports_back_in_any_language(
    db, tmp_path, speaking, wrote, reads
):
    speaking(wrote)
    customer_id = create_customer(
        {"name": "Ёлкин и партнёры", "phone": "+7 495 123-45-67", "city": "Москва",
         "status": "prospect"}
    )  # fmt: skip
    create_product(
        {"sku": "=1", "name": "Стул 椅子", "unit_price_cents": 123450, "stock_qty": "2.5"}
    )
    deals.create_deal({"title": "Сделка", "customer_id": customer_id, "amount_cents": 123450,
                       "expected_close": "2026-12-05"})  # fmt: skip
    expected = _snapshot()
    for entity in ("customer", "product", "deal"):
        exporting.export_table(entity, tmp_path / f"{entity}.csv")
    product = _rows(tmp_path / "product.csv")[0]
    assert product["Unit price"] == "1234.50"  # not 1 234,50 ₽ nor ¥1,234.50
    assert product["Stock"] == "2.5" and product["SKU"] == "'=1"
    deal = _rows(tmp_path / "deal.csv")[0]
    assert "2026-12-05" in deal.values() and "1234.50" in deal.values()
    customer = _rows(tmp_path / "customer.csv")[0]
    assert customer["Status"] == "prospect"  # the stored value, not «Потенциальный»
    assert customer["Created (UTC)"].endswith("Z") and customer["Created (UTC)"][4] == "-"

    close_database()
    open_session(tmp_path / "other.sqlite3")
    speaking(reads)  # another computer, another language and locale
    for entity in ("customer", "product"):
        result = importing.run_import(tmp_path / f"{entity}.csv", entity, policy="create")
        assert result.refused == 0 and result.created == 1, result.refused_rows
    assert _snapshot() == expected
