"""Orders and quotes take their lines through one DocumentLines: the same checks and errors,
the same audit of a change, each with its own reason to refuse a change."""

from __future__ import annotations

import pytest

from crm_desktop.errors import ValidationError
from crm_desktop.services import audit, orders, quotes

HOSTILE = [
    {"description": "=1+1 <b>&", "quantity": "2", "unit_price_cents": "10.00"},
    {"description": "", "quantity": "1", "unit_price_cents": "5"},  # no description, no product
    {"description": "Ремонт 修理 🛠", "quantity": "x", "unit_price_cents": "1"},
    {"description": "שירות", "quantity": "1"},  # no price
]


def _errors(create, shop) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        create({"customer_id": shop["buyer"]}, HOSTILE)
    return refused.value.errors


def test_orders_and_quotes_check_lines_alike(shop):
    order_errors = _errors(orders.create_order, shop)
    assert order_errors == _errors(quotes.create_quote, shop)
    assert set(order_errors) == {
        "lines.1.description",
        "lines.2.quantity",
        "lines.3.unit_price_cents",
    }


def test_a_change_of_lines_is_audited_alike_and_refused_for_its_own_reason(shop):
    first = [{"product_id": shop["chair"], "quantity": "1"}]
    second = [{"product_id": shop["book"], "quantity": "3", "description": "Книга 书"}]
    order_id = orders.create_order({"customer_id": shop["buyer"]}, first)
    quote_id = quotes.create_quote({"customer_id": shop["buyer"]}, first)
    orders.update_order(order_id, {}, second)
    quotes.update_quote(quote_id, {}, second)
    order_change = audit.history("sales_order", [order_id])[0]["changes"]["lines"]
    quote_change = audit.history("quote", [quote_id])[0]["changes"]["lines"]
    assert order_change == quote_change
    assert order_change[1][0][0] == "Книга 书"
    assert orders.update_order(order_id, {}, second) == {}  # the same lines: nothing to log

    quotes.accept_quote(quote_id)
    with pytest.raises(ValidationError, match="accepted"):
        quotes.update_quote(quote_id, {}, first)
