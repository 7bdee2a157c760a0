"""A small, known data set for the report tests (not the random demo).

Customers in several scripts and with hostile names, orders on the edges of
months (the 1st, the 31st, the 28th of February), every order status, lines
with fractional quantities and discounts that need rounding, deals in every
stage, tasks and interactions around local midnight.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reports.known_names import ARABIC, CHINESE, CYRILLIC, HOSTILE_NAMES


@dataclass
class Known:
    """Ids of the known data set, by name."""

    customers: dict[str, int] = field(default_factory=dict)
    products: dict[str, int] = field(default_factory=dict)
    orders: dict[str, int] = field(default_factory=dict)
    deals: dict[str, int] = field(default_factory=dict)


def _line(description: str, quantity: str, cents: int, discount: str = "0", product=None) -> dict:
    return {
        "description": description,
        "quantity": quantity,
        "unit_price_cents": cents,
        "discount_pct": discount,
        "product_id": product,
    }


@pytest.fixture
def known(db: Path) -> Known:
    """The known data set in a fresh database (phone region US, USD, en_US)."""
    from crm_desktop.services import (
        customers,
        deals,
        interactions,
        orders,
        products,
        settings,
        tasks,
    )

    settings.set_many({"company_name": "Acme «Тест» 北京 Ltd", "company_address": "1 Main St"})
    data = Known()
    names = (CYRILLIC, CHINESE, ARABIC, "Zeta GmbH", "Alpha Inc", *HOSTILE_NAMES)
    for name in names:
        data.customers[name] = customers.create_customer(
            {"name": name, "status": "active", "city": "Київ", "country": "Україна"}
        )
    data.products["widget"] = products.create_product(
        {"sku": "W-1", "name": "Widget Ω", "unit_price_cents": 1999}
    )
    data.products["cn"] = products.create_product(
        {"sku": "CN-1", "name": "茶叶 Tea", "unit_price_cents": 1001}
    )
    specs = [
        # key, customer, date, status, lines
        ("feb28", "Alpha Inc", "2026-02-28", "paid",
         [_line("Widget", "3", 1999, product=data.products["widget"])]),
        ("mar01", CYRILLIC, "2026-03-01", "confirmed",
         [_line("Чай", "0.333", 1001, "12.5", product=data.products["cn"]),
          _line("Service hour", "1.5", 4500, "10")]),
        ("mar15", CHINESE, "2026-03-15", "shipped",
         [_line("茶叶", "7", 1001, "33.33", product=data.products["cn"]),
          _line("Widget", "2", 1999, product=data.products["widget"])]),
        ("mar31", ARABIC, "2026-03-31", "paid", [_line("Late March", "1", 100001, "0.5")]),
        ("mar31draft", "Zeta GmbH", "2026-03-31", "draft", [_line("Not yet", "10", 99999)]),
        ("mar20cancel", "Zeta GmbH", "2026-03-20", "cancelled", [_line("Never", "1", 50000)]),
        ("apr01", "Zeta GmbH", "2026-04-01", "confirmed", [_line("April fool", "2.25", 333)]),
        ("mar10hostile", HOSTILE_NAMES[0], "2026-03-10", "paid", [_line("<b>bold</b>", "1", 777)]),
        ("mar11formula", HOSTILE_NAMES[4], "2026-03-11", "paid", [_line("=1+1", "1", 1234)]),
        ("mar12empty", "Alpha Inc", "2026-03-12", "confirmed", []),
        ("mar13", CYRILLIC, "2026-03-13", "paid", [_line("Скидка", "1", 1005, "50")]),
    ]  # fmt: skip
    for key, customer, day, status, lines in specs:
        data.orders[key] = orders.create_order(
            {
                "number": f"T-{key}",
                "customer_id": data.customers[customer],
                "order_date": day,
                "status": status,
                "notes": "Pay within 14 days. <b>not bold</b>",
            },
            lines,
        )
    deal_specs = [
        ("new1", "Alpha Inc", "new", 100000, "2026-04-15", None),
        ("qual1", CYRILLIC, "qualified", 250050, "2026-04-30", None),
        ("prop1", CHINESE, "proposal", 333333, "2026-05-01", None),
        ("neg1", "Zeta GmbH", "negotiation", 99999, None, None),
        ("won1", "Alpha Inc", "won", 120000, "2026-03-01", "2026-03-05"),
        ("won2", CYRILLIC, "won", 80000, "2026-03-31", "2026-03-31"),
        ("lost1", CHINESE, "lost", 50000, "2026-03-01", "2026-03-01"),
        ("lost_apr", "Zeta GmbH", "lost", 70000, "2026-04-01", "2026-04-01"),
    ]
    for key, customer, stage, amount, expected, closed in deal_specs:
        data.deals[key] = deals.create_deal(
            {
                "title": f"Deal {key}",
                "customer_id": data.customers[customer],
                "stage": stage,
                "amount_cents": amount,
                "expected_close": expected,
                "closed_at": closed,
            }
        )
    for title, status, due, done_at, priority in (
        ("Call back", "done", "2026-03-02", "2026-03-02T10:00:00Z", "high"),
        ("Late call", "done", "2026-03-31", "2026-03-31T23:30:00Z", "normal"),
        ("Send quote", "open", "2026-03-20", None, "urgent"),
        ("Visit", "open", "2099-01-01", None, "low"),
    ):
        tasks.create_task(
            {
                "title": title,
                "status": status,
                "due_date": due,
                "done_at": done_at,
                "priority": priority,
                "customer_id": data.customers["Alpha Inc"],
            }
        )
    for kind, when in (
        ("call", "2026-03-01T00:30:00Z"),
        ("email", "2026-03-15T12:00:00Z"),
        ("email", "2026-03-31T23:30:00Z"),
        ("meeting", "2026-02-28T23:59:00Z"),
    ):
        interactions.log_interaction(
            {
                "customer_id": data.customers[CYRILLIC],
                "kind": kind,
                "occurred_at": when,
                "subject": f"{kind} at {when}",
            }
        )
    return data
