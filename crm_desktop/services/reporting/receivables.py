"""Receivables: who owes what on a day, aged by how long it is past due.

An invoice is owed on a day when it was issued by then, no credit note
issued by then cancels it, and the payments received by then leave a
balance. Its age is the days since its due date: not yet due, 0–30, 31–60,
61–90 and over 90 days past due (due today is 0). The report lists each
customer's balances by age and every open invoice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from crm_desktop.i18n import N_
from crm_desktop.models import database

BUCKETS = ("not_due", "0_30", "31_60", "61_90", "90_plus")
BUCKET_LABELS = {
    "not_due": N_("Not yet due"),
    "0_30": N_("0–30 days"),
    "31_60": N_("31–60 days"),
    "61_90": N_("61–90 days"),
    "90_plus": N_("Over 90 days"),
}


def bucket_of(days_past_due: int) -> str:
    if days_past_due < 0:
        return "not_due"
    if days_past_due <= 30:
        return "0_30"
    if days_past_due <= 60:
        return "31_60"
    if days_past_due <= 90:
        return "61_90"
    return "90_plus"


@dataclass(frozen=True)
class OpenInvoice:
    """One invoice with money owed on the day."""

    invoice_id: int
    number: str
    customer: str
    customer_id: int | None
    issue_date: date
    due_date: date
    days_past_due: int
    gross_cents: int
    paid_cents: int
    balance_cents: int

    @property
    def bucket(self) -> str:
        return bucket_of(self.days_past_due)


@dataclass
class CustomerBalance:
    """What one customer owes, by age."""

    customer: str
    customer_id: int | None
    invoice_count: int = 0
    by_bucket: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BUCKETS, 0))

    @property
    def total_cents(self) -> int:
        return sum(self.by_bucket.values())


@dataclass
class Receivables:
    """The whole report: per customer (largest first) and per invoice (oldest due first)."""

    as_of: date
    customers: list[CustomerBalance]
    invoices: list[OpenInvoice]
    currency: str = ""

    @property
    def by_bucket(self) -> dict[str, int]:
        return {b: sum(c.by_bucket[b] for c in self.customers) for b in BUCKETS}

    @property
    def total_cents(self) -> int:
        return sum(c.total_cents for c in self.customers)

    @property
    def overdue_cents(self) -> int:
        return self.total_cents - self.by_bucket["not_due"]

    @property
    def is_empty(self) -> bool:
        return not self.invoices


def receivables(as_of: date) -> Receivables:
    """Balances owed on ``as_of`` (payments and credit notes dated after it do not count)."""
    day = as_of.isoformat()
    rows = database.execute_sql(
        "SELECT i.id, i.number, coalesce(c.name, i.buyer_name), i.customer_id, i.issue_date, "
        "coalesce(i.due_date, i.issue_date), i.gross_cents, "
        "(SELECT coalesce(sum(p.amount_cents), 0) FROM payment p "
        " WHERE p.invoice_id = i.id AND p.paid_on <= :day) AS paid, "
        "CAST(julianday(:day) - julianday(coalesce(i.due_date, i.issue_date)) AS INTEGER) "
        "FROM invoice i LEFT JOIN customer c ON c.id = i.customer_id "
        "WHERE i.kind = 'invoice' AND i.issue_date <= :day AND NOT EXISTS (SELECT 1 FROM "
        "invoice n WHERE n.credited_invoice_id = i.id AND n.issue_date <= :day) "
        "AND paid < i.gross_cents ORDER BY coalesce(i.due_date, i.issue_date), i.number",
        {"day": day},
    ).fetchall()
    invoices = [
        OpenInvoice(
            invoice_id,
            number,
            customer,
            customer_id,
            date.fromisoformat(issued),
            date.fromisoformat(due),
            int(days),
            gross,
            paid,
            gross - paid,
        )
        for invoice_id, number, customer, customer_id, issued, due, gross, paid, days in rows
    ]
    by_customer: dict[object, CustomerBalance] = {}
    for invoice in invoices:
        key = invoice.customer_id if invoice.customer_id is not None else invoice.customer
        balance = by_customer.setdefault(
            key, CustomerBalance(invoice.customer, invoice.customer_id)
        )
        balance.invoice_count += 1
        balance.by_bucket[invoice.bucket] += invoice.balance_cents
    customers = sorted(by_customer.values(), key=lambda c: (-c.total_cents, c.customer))
    return Receivables(as_of, customers, invoices)
