"""What is owed past the due dates: the SQL of an invoice's paid amount, and the overdue sum.

Kept apart from :mod:`crm_desktop.services.invoices` (which loads the models) because
Today's overdue line is read at start with a plain ``sqlite3`` connection, before the
data layer has loaded (:mod:`crm_desktop.services.first_screen`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# SQL of an invoice's paid amount and state, over an ``invoice`` row aliased ``i``.
PAID_SQL = "(SELECT coalesce(sum(p.amount_cents), 0) FROM payment p WHERE p.invoice_id = i.id)"
CREDITED_SQL = "EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id)"


@dataclass(frozen=True)
class Overdue:
    """What a customer (or everyone) owes past the due dates."""

    count: int
    balance_cents: int
    oldest_due: str | None


def read_overdue(
    execute: Callable[[str, Sequence[Any]], Any], day: str, customer_id: int | None = None
) -> Overdue:
    """Invoices due before ``day`` (ISO date) with money still owed, of one customer or all;
    ``execute`` runs a statement (the open database's, or a plain connection's)."""
    where = "" if customer_id is None else " AND i.customer_id = ?"
    params: list[Any] = [day] + ([customer_id] if customer_id is not None else [])
    row = execute(
        f"SELECT count(*), coalesce(sum(i.gross_cents - {PAID_SQL}), 0), min(i.due_date) "
        f"FROM invoice i WHERE i.kind = 'invoice' AND NOT {CREDITED_SQL} "
        f"AND i.due_date < ? AND {PAID_SQL} < i.gross_cents{where}",
        params,
    ).fetchone()
    return Overdue(int(row[0]), int(row[1]), row[2])
