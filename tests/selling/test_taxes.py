"""Taxes against hand-computed figures: several rates, net and gross entry, per line and per document."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from selling_helpers import rows

from crm_desktop.services import figures, orders, settings
from crm_desktop.services.taxes import (
    TaxedLine,
    document_totals,
    line_figures,
    line_net_sql,
    tax_in_gross,
    tax_on_net,
)


def test_half_up_at_the_half_cent():
    assert tax_on_net(50, 100) == 1  # 0.50 × 1 % = 0.5 cent → 1
    assert tax_on_net(49, 100) == 0  # 0.49 cent → 0
    assert tax_on_net(250, 2000) == 50  # 2.50 × 20 % = 0.50 exactly
    assert tax_in_gross(12, 2000) == 2  # 0.12 × 20/120 = 0.02 exactly
    assert tax_in_gross(3, 2000) == 1  # 0.5 cent → 1
    assert tax_in_gross(2, 2000) == 0  # 0.333 cent → 0


def test_net_entry_per_line_and_per_document_at_several_rates():
    lines = [
        TaxedLine(10, Decimal(7)),  # 0.10 at 7 %: 0.7 cent
        TaxedLine(10, Decimal(7)),
        TaxedLine(10, Decimal(7)),
        TaxedLine(29997, Decimal(19)),  # 299.97 at 19 % = 56.9943
        TaxedLine(4500, Decimal(20)),  # 45.00 at 20 % (Russia) = 9.00
        TaxedLine(1999, Decimal(13)),  # 19.99 at 13 % (China) = 2.5987
        TaxedLine(1999, Decimal(6)),  # 19.99 at 6 % = 1.1994
        TaxedLine(12000, Decimal(0)),
    ]
    per_line = document_totals(lines, "line")
    assert [(r.tax_pct, r.net_cents, r.tax_cents, r.gross_cents) for r in per_line.rates] == [
        (Decimal(0), 12000, 0, 12000),
        (Decimal(6), 1999, 120, 2119),
        (Decimal(7), 30, 3, 33),  # three lines of 0.7 cent → 1 cent each
        (Decimal(13), 1999, 260, 2259),
        (Decimal(19), 29997, 5699, 35696),
        (Decimal(20), 4500, 900, 5400),
    ]
    per_document = document_totals(lines, "document")
    assert [(r.tax_pct, r.tax_cents) for r in per_document.rates][2] == (Decimal(7), 2)  # 2.1 → 2
    assert per_line.net_cents == per_document.net_cents == 50525
    assert per_line.tax_cents == 6982 and per_document.tax_cents == 6981
    assert per_line.gross_cents == 57507 and per_document.gross_cents == 57506


def test_gross_entry_per_line_and_per_document():
    lines = [TaxedLine(100, Decimal(20), True)] * 3  # 1.00 incl. 20 %: 0.1667 tax
    per_line = document_totals(lines, "line")
    assert (per_line.net_cents, per_line.tax_cents, per_line.gross_cents) == (249, 51, 300)
    per_document = document_totals(lines, "document")  # 3.00 × 20 / 120 = 0.50
    assert (per_document.net_cents, per_document.tax_cents, per_document.gross_cents) == (
        250,
        50,
        300,
    )
    assert line_figures(TaxedLine(11900, Decimal(19), True)) == (10000, 1900, 11900)
    assert line_figures(TaxedLine(10700, Decimal("7"), True)) == (10000, 700, 10700)


def test_the_sql_net_amount_agrees_with_python(shop):
    generator = random.Random(7)
    order_id = orders.create_order({"customer_id": shop["buyer"]}, [])
    for included in (False, True):
        lines = [
            {
                "description": f"Line {n}",
                "quantity": str(Decimal(generator.randint(1, 500_000)) / 1000),
                "unit_price_cents": generator.randint(0, 5_000_000),
                "discount_pct": str(Decimal(generator.randint(0, 10_000)) / 100),
                "tax_pct": str(
                    Decimal(generator.choice([0, 600, 700, 1300, 1900, 2000, 2150])) / 100
                ),
            }
            for n in range(120)
        ]
        orders.update_order(order_id, {}, lines, prices_include_tax=included)
        order = orders.get_order(order_id)
        expected = [line_figures(TaxedLine(x["total_cents"], x["tax_pct"], included))[0]
                    for x in order["lines"]]  # fmt: skip
        found = [r[0] for r in rows(f"SELECT {line_net_sql('l')} FROM order_line l ORDER BY id")]
        assert found == expected
    # The largest line the schema allows stays exact (no overflow to float).
    orders.update_order(
        order_id, {}, [{"description": "Big", "quantity": "1000000", "unit_price_cents": 1_000_000_000,
                        "tax_pct": "99.99"}], prices_include_tax=True)  # fmt: skip
    amount = 10**15
    assert rows(f"SELECT {line_net_sql('l')} FROM order_line l")[0][0] == amount - tax_in_gross(
        amount, 9999
    )


@pytest.mark.parametrize("rounding", ["line", "document"])
def test_an_order_takes_rates_from_line_product_and_default(shop, rounding):
    settings.set_value("tax_rounding", rounding)
    order_id = orders.create_order(
        {"customer_id": shop["buyer"], "status": "confirmed"},
        [
            {"product_id": shop["chair"], "quantity": "3"},  # default 19 %
            {"product_id": shop["book"], "quantity": "2", "discount_pct": "10"},  # 7 %
            {"product_id": shop["service"], "quantity": "1.5"},  # 0 %
            {"description": "Delivery", "quantity": "1", "unit_price_cents": "9.95",
             "tax_pct": "20"},
        ],
    )  # fmt: skip
    order = orders.get_order(order_id)
    assert [line["tax_pct"] for line in order["lines"]] == [19, 7, 0, 20]
    # 299.97 @19 % = 56.9943; 36.00 @7 % = 2.52; 180.00 @0 %; 9.95 @20 % = 1.99
    assert [(r.tax_pct, r.tax_cents) for r in order["taxes"]] == [
        (0, 0), (7, 252), (19, 5699), (20, 199),
    ]  # fmt: skip
    assert (order["net_cents"], order["tax_cents"], order["gross_cents"]) == (
        52592, 6150, 58742,
    )  # fmt: skip
    # Revenue stays net.
    assert figures.revenue_cents() == 52592


def test_gross_entry_keeps_revenue_net(shop):
    settings.set_value("price_entry", "gross")
    orders.create_order(
        {"customer_id": shop["buyer"], "status": "paid"},
        [
            {
                "description": "Gift box",
                "quantity": "3",
                "unit_price_cents": "11.90",
                "tax_pct": "19",
            }
        ],
    )
    order = orders.find_order(orders.next_order_number().rsplit("-", 1)[0] + "-0001")
    assert order["prices_include_tax"]
    # 35.70 incl. 19 %: tax 35.70 × 19 / 119 = 5.70, net 30.00
    assert (order["net_cents"], order["tax_cents"], order["gross_cents"]) == (3000, 570, 3570)
    assert figures.revenue_cents() == 3000
