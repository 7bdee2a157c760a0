"""Taxes on a document's lines: net, tax per rate and gross, in integer minor units.

A line's *amount* is the brief's line total (quantity × unit price less the
discount, rounded half up to a cent) in the way its price was entered: net
(tax comes on top) or gross (the price includes the tax). From the amounts
of a document's lines and their rates come the figures an invoice prints:

* rounded **per line** — each line's tax is rounded half up, and a rate's tax
  is the sum of its lines' taxes;
* rounded **per document** — a rate's tax is rounded once, on the sum of its
  lines' amounts.

Net entry: tax = amount × rate / 100, gross = net + tax. Gross entry:
tax = amount × rate / (100 + rate), net = gross − tax. Rates have at most two
decimals and are computed as integer hundredths of a percent, so no step
ever uses a float: ``tax = (2·A·bp + D) // (2·D)`` is A·bp/D rounded half up
for A ≥ 0 (bp = rate × 100, D = 10 000 or 10 000 + bp).

Revenue stays net: :func:`line_net_sql` is a line's net amount in SQL (per
line: a gross line's net is its amount less its own rounded tax).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from crm_desktop.models.enums import TAX_ROUNDINGS
from crm_desktop.services.line_sql import HUNDRED_PERCENT_BP
from crm_desktop.services.line_sql import line_net_sql as line_net_sql  # its home
from crm_desktop.services.money import DISCOUNT_PLACES, line_total_cents, to_decimal


def rate_bp(rate: Decimal | float | int | str) -> int:
    """A rate in percent (``Decimal('20')``, ``7.5``) as integer hundredths of a percent."""
    value = to_decimal(rate, DISCOUNT_PLACES) if not isinstance(rate, Decimal) else rate
    return int((value * 100).to_integral_value())


def _divide_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, for numerator ≥ 0 and denominator > 0."""
    return (2 * numerator + denominator) // (2 * denominator)


def tax_on_net(amount_cents: int, bp: int) -> int:
    """The tax on a net amount: amount × rate, rounded half up."""
    return _divide_half_up(amount_cents * bp, HUNDRED_PERCENT_BP)


def tax_in_gross(amount_cents: int, bp: int) -> int:
    """The tax contained in a gross amount: amount × rate / (100 + rate), rounded half up."""
    return _divide_half_up(amount_cents * bp, HUNDRED_PERCENT_BP + bp)


@dataclass(frozen=True)
class TaxedLine:
    """What the tax figures need of one line: its amount, its rate, how its price was entered."""

    amount_cents: int
    tax_pct: Decimal
    tax_included: bool = False


@dataclass(frozen=True)
class RateTotals:
    """A document's figures at one tax rate."""

    tax_pct: Decimal
    net_cents: int
    tax_cents: int
    gross_cents: int


@dataclass(frozen=True)
class DocumentTotals:
    """Net, tax and gross of a document, overall and per rate (rates in ascending order)."""

    rates: list[RateTotals] = field(default_factory=list)

    @property
    def net_cents(self) -> int:
        return sum(r.net_cents for r in self.rates)

    @property
    def tax_cents(self) -> int:
        return sum(r.tax_cents for r in self.rates)

    @property
    def gross_cents(self) -> int:
        return sum(r.gross_cents for r in self.rates)


def line_figures(line: TaxedLine) -> tuple[int, int, int]:
    """(net, tax, gross) of one line rounded on its own (the per-line rule)."""
    bp = rate_bp(line.tax_pct)
    if line.tax_included:
        tax = tax_in_gross(line.amount_cents, bp)
        return line.amount_cents - tax, tax, line.amount_cents
    tax = tax_on_net(line.amount_cents, bp)
    return line.amount_cents, tax, line.amount_cents + tax


def document_totals(lines: Iterable[TaxedLine], rounding: str = "line") -> DocumentTotals:
    """The figures of a document whose lines are ``lines``, rounded per ``rounding``."""
    if rounding not in TAX_ROUNDINGS:
        raise ValueError(f"rounding must be one of {TAX_ROUNDINGS}, not {rounding!r}")
    # Per rate, the net-entered and the gross-entered lines (a document has one kind;
    # rows written by another tool may mix them, and each kind then rounds on its own).
    groups: dict[int, dict[bool, list[int]]] = {}
    for line in lines:
        bp = rate_bp(line.tax_pct)
        groups.setdefault(bp, {}).setdefault(bool(line.tax_included), []).append(line.amount_cents)
    rates = []
    for bp in sorted(groups):
        net = tax = gross = 0
        for included, amounts in groups[bp].items():
            if rounding == "line":
                for amount in amounts:
                    n, t, g = line_figures(TaxedLine(amount, Decimal(bp) / 100, included))
                    net, tax, gross = net + n, tax + t, gross + g
                continue
            total = sum(amounts)
            if included:
                t = tax_in_gross(total, bp)
                net, tax, gross = net + total - t, tax + t, gross + total
            else:
                t = tax_on_net(total, bp)
                net, tax, gross = net + total, tax + t, gross + total + t
        rates.append(RateTotals(_rate_decimal(bp), net, tax, gross))
    return DocumentTotals(rates)


def _rate_decimal(bp: int) -> Decimal:
    return (Decimal(bp) / 100).normalize() + Decimal(0)


def taxed_lines(rows: Iterable[Mapping[str, Any]]) -> list[TaxedLine]:
    """Lines as the services hold them (quantity, unit_price_cents, discount_pct, tax_pct…)."""
    found = []
    for row in rows:
        amount = row.get("total_cents")
        if amount is None:
            amount = line_total_cents(
                Decimal(row["quantity"]),
                int(row["unit_price_cents"]),
                Decimal(row.get("discount_pct") or 0),
            )
        found.append(
            TaxedLine(int(amount), Decimal(row.get("tax_pct") or 0), bool(row.get("tax_included")))
        )
    return found
