"""A deal's amount as the pipeline counts it: its own, or its open quotes' when it has none.

A deal whose ``amount_cents`` is 0 has no amount of its own; then the net
totals of its quotes that are still open (draft, sent) or accepted are its
amount. Computed by the database wherever a deal's amount is read (lists,
pipeline, forecast), so it is never out of date after any write.
"""

from __future__ import annotations

from crm_desktop.models.enums import ACTIVE_QUOTE_STATUSES
from crm_desktop.services.line_sql import line_net_sql

_ACTIVE = ", ".join(f"'{s}'" for s in ACTIVE_QUOTE_STATUSES)


def quotes_total_sql(deal_alias: str = "d") -> str:
    """The net total of a deal's open and accepted quotes, in SQL."""
    return (
        f"(SELECT coalesce(sum({line_net_sql('ql')}), 0) FROM quote q "
        f"JOIN quote_line ql ON ql.quote_id = q.id "
        f"WHERE q.deal_id = {deal_alias}.id AND q.status IN ({_ACTIVE}))"
    )


def deal_amount_sql(deal_alias: str = "d") -> str:
    """A deal's amount: its own, or (when it has none) the net total of its quotes."""
    return (
        f"(CASE WHEN {deal_alias}.amount_cents > 0 THEN {deal_alias}.amount_cents "
        f"ELSE {quotes_total_sql(deal_alias)} END)"
    )
