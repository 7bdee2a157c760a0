"""A document line's totals in integer SQL, for every read that sums lines in the database.

The same figures as :func:`money.line_total_cents` and :mod:`taxes` (tests hold them
together), kept apart from those modules (``Decimal``, regular expressions, messages)
because Today's deals at start need only this SQL, on the opening job's thread, where
every import takes turns with the window's build for the interpreter
(services/first_screen.py).
"""

from __future__ import annotations

HUNDRED_PERCENT_BP = 10_000  # 100 % in hundredths of a percent


def line_total_sql(alias: str = "order_line") -> str:
    """The same total as :func:`money.line_total_cents`, in integer SQL over a line's columns.

    With q = quantity in thousandths and m = (100 − discount) in hundredths of a
    percent, the total is round_half_up(q × price × m / 10⁷); splitting q × price
    at 10⁷ keeps every intermediate product inside 64 bits.
    """
    q = f"CAST(round({alias}.quantity * 1000) AS INTEGER)"
    m = f"(10000 - CAST(round({alias}.discount_pct * 100) AS INTEGER))"
    a = f"({q} * {alias}.unit_price_cents)"
    return f"(({a} / 10000000) * {m} + (({a} % 10000000) * {m} + 5000000) / 10000000)"


def line_net_sql(alias: str) -> str:
    """A line's net amount in integer SQL (the line total less a gross line's own tax).

    ``alias`` names a row of ``order_line``, ``quote_line`` or ``invoice_line``.
    """
    amount = line_total_sql(alias)
    bp = f"CAST(round({alias}.tax_pct * 100) AS INTEGER)"
    denominator = f"({HUNDRED_PERCENT_BP} + {bp})"
    # amount = h·D + r: the tax is h·bp + round_half_up(r·bp / D), every product inside 64 bits.
    tax = (
        f"(({amount}) / {denominator} * {bp} + "
        f"(2 * (({amount}) % {denominator}) * {bp} + {denominator}) / (2 * {denominator}))"
    )
    return f"(CASE WHEN {alias}.tax_included THEN ({amount}) - {tax} ELSE ({amount}) END)"
