"""The tax report: net, tax and gross by tax rate for a period, from issued documents.

It adds up what the invoices printed (``invoice_tax``: each invoice's figures
per rate, rounded as it was issued), dated by issue date; a credit note
counts against its period with the opposite sign. This is the figure an
accountant files, and it matches the invoices to the cent whatever the
rounding rule was when each was issued.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from crm_desktop.models import database
from crm_desktop.services.fields import percent_from_db
from crm_desktop.services.reporting.periods import Bucket, Period, bucket_of, buckets


@dataclass(frozen=True)
class TaxRow:
    """The figures of one rate (in one bucket of the period, or over all of it)."""

    tax_pct: Decimal
    net_cents: int
    tax_cents: int
    gross_cents: int
    invoice_count: int
    credit_note_count: int


@dataclass
class TaxReport:
    period: Period
    grouping: str
    rates: list[TaxRow]  # over the whole period, by rate
    by_bucket: list[tuple[Bucket, list[TaxRow]]]

    @property
    def net_cents(self) -> int:
        return sum(r.net_cents for r in self.rates)

    @property
    def tax_cents(self) -> int:
        return sum(r.tax_cents for r in self.rates)

    @property
    def gross_cents(self) -> int:
        return sum(r.gross_cents for r in self.rates)

    @property
    def is_empty(self) -> bool:
        return not self.rates


def _rows(found: dict[int, list[int]]) -> list[TaxRow]:
    return [TaxRow(percent_from_db(bp / 100), *found[bp]) for bp in sorted(found)]


def tax_report(period: Period, grouping: str = "month") -> TaxReport:
    """Net, tax and gross per rate of the invoices and credit notes issued in ``period``."""
    rows = database.execute_sql(
        "SELECT i.issue_date, i.kind, CAST(round(t.tax_pct * 100) AS INTEGER), "
        "t.net_cents, t.tax_cents, t.gross_cents FROM invoice_tax t "
        "JOIN invoice i ON i.id = t.invoice_id WHERE i.issue_date BETWEEN ? AND ? "
        "ORDER BY i.issue_date",
        (period.start.isoformat(), period.end.isoformat()),
    ).fetchall()
    totals: dict[int, list[int]] = {}
    per_bucket: dict[str, dict[int, list[int]]] = {}
    for issued, kind, bp, net, tax, gross in rows:
        sign = -1 if kind == "credit_note" else 1
        key = bucket_of(_date(issued), grouping)[0]
        for target in (totals, per_bucket.setdefault(key, {})):
            figures = target.setdefault(bp, [0, 0, 0, 0, 0])
            figures[0] += sign * net
            figures[1] += sign * tax
            figures[2] += sign * gross
            figures[3 if sign > 0 else 4] += 1
    return TaxReport(
        period,
        grouping,
        _rows(totals),
        [(b, _rows(per_bucket[b.key])) for b in buckets(period, grouping) if b.key in per_bucket],
    )


def _date(text: str):
    from datetime import date

    return date.fromisoformat(text)
