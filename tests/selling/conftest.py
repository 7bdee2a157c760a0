"""A small shop for the selling tests: a seller with bank details, buyers, products at several rates."""

from __future__ import annotations

from datetime import date

import pytest
from selling_helpers import CYRILLIC_BUYER


@pytest.fixture
def day(monkeypatch):
    """Today is 2026-03-10 for the services and for the SQL of the lists."""
    from crm_desktop.services import clock

    fixed = date(2026, 3, 10)
    monkeypatch.setattr(clock, "today", lambda: fixed)
    for module in ("quotes", "invoices", "orders", "deals", "payments", "listing"):
        target = f"crm_desktop.services.{module}"
        monkeypatch.setattr(f"{target}.today", lambda: fixed, raising=False)
    return fixed


@pytest.fixture
def shop(db, day):
    from crm_desktop.services import customers, products, settings

    settings.set_many(
        {
            "currency": "EUR",
            "locale": "en_US",
            "company_name": "Acme Trading",
            "company_legal_name": "Acme Trading GmbH",
            "company_address": "Hauptstraße 1\n10115 Berlin",
            "company_country": "DE",
            "company_tax_id": "DE136695976",
            "company_bank_details": "IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX",
            "tax_default_pct": "19",
            "payment_terms_days": "14",
        }
    )
    ids = {
        "buyer": customers.create_customer(
            {
                "name": "Romashka",
                "legal_name": CYRILLIC_BUYER,
                "country": "Россия",
                "city": "Москва",
                "tax_id": "7707083893",
                "kpp": "773601001",
            }
        ),
        "other": customers.create_customer({"name": "张伟贸易", "country": "中国"}),
        "chair": products.create_product(
            {"sku": "CH-1", "name": "Chair", "unit_price_cents": "99.99"}
        ),  # the default rate (19 %)
        "book": products.create_product(
            {"sku": "BK-1", "name": "Book", "unit_price_cents": "20.00", "tax_pct": "7"}
        ),
        "service": products.create_product(
            {"name": "Consulting hour", "unit_price_cents": "120.00", "tax_pct": "0"}
        ),
    }
    return ids
