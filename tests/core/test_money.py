"""Exact money: Python and SQL compute the same line totals, to the cent, half up."""

from __future__ import annotations

import random
from decimal import Decimal

from crm_desktop.models import database
from crm_desktop.services import money


def test_line_total_rounds_half_up():
    assert money.line_total_cents(Decimal("1"), 1, Decimal("50")) == 1  # 0.5 → 1
    assert money.line_total_cents(Decimal("3"), 333, Decimal("0")) == 999
    assert money.line_total_cents(Decimal("0.5"), 333, Decimal("0")) == 167  # 166.5 → 167
    assert money.line_total_cents(Decimal("1.5"), 199999, Decimal("12.5")) == 262499


def test_sql_line_total_matches_python_on_random_lines(db):
    rng = random.Random(7)
    database.execute_sql(
        "CREATE TEMP TABLE order_line_t (quantity REAL, unit_price_cents INTEGER, discount_pct REAL)"
    )
    cases = []
    for _ in range(3000):
        quantity = Decimal(rng.randint(1, 10**9)) / 1000  # up to 1,000,000 with 3 decimals
        price = rng.choice([rng.randint(0, 1000), rng.randint(0, 10**9)])
        discount = Decimal(rng.randint(0, 10000)) / 100
        cases.append((quantity, price, discount))
    for extreme in [
        (Decimal(1_000_000), 1_000_000_000, Decimal(0)),
        (Decimal("0.001"), 1, Decimal("99.99")),
    ]:
        cases.append(extreme)
    conn = database.connection()
    conn.executemany(
        "INSERT INTO order_line_t VALUES (?, ?, ?)",
        [(float(q), p, float(d)) for q, p, d in cases],
    )
    sql_totals = [
        row[0]
        for row in conn.execute(
            f"SELECT {money.line_total_sql('order_line_t')} FROM order_line_t ORDER BY rowid"
        )
    ]
    python_totals = [money.line_total_cents(q, p, d) for q, p, d in cases]
    assert sql_totals == python_totals
    assert all(isinstance(total, int) for total in sql_totals)


def test_stored_reals_come_back_as_the_decimals_entered():
    assert money.to_decimal(0.1, 3) == Decimal("0.1")
    assert money.to_decimal(1.005, 3) == Decimal("1.005")
    assert money.to_decimal(2.0, 3) == Decimal("2")


def test_weighted_amount_rounds_half_up():
    assert money.weighted_cents(101, 50) == 51
    assert money.weighted_cents(100, 33) == 33


def test_formatting_by_locale():
    assert money.format_money(123456789, "USD", "en_US") == "$1,234,567.89"
    assert money.format_money(123456789, "RUB", "ru_RU") == "1\u00a0234\u00a0567,89\u00a0₽"
    assert money.format_money(-5, "EUR", "de_DE") == "-0,05\u00a0€"
    assert money.format_money(1500, "JPY", "ja_JP") == "￥1,500"
