"""Quotes: offers with lines like an order's, valid until a date, turned into orders when accepted.

A quote is numbered ``<prefix><year>-<sequence>`` (``QU-2026-0007``) unless
the user types a number, is valid for the ``quote_validity_days`` setting
unless a date is given, and moves through draft → sent → accepted, declined
or expired. A draft or sent quote past its date *shows* as expired
(:func:`shown_status`) even before anyone sets it so.

:func:`accept_quote` makes the order — the same lines, the same way of
entering prices, the quote's deal — marks the quote accepted and, if asked,
moves the deal to Won, all in one transaction; :func:`undo_accept` takes all
of it back. While a deal has no amount of its own, its open quotes' net
totals are its amount (:func:`deal_amount_sql`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Quote, QuoteLine, database
from crm_desktop.models.enums import CLOSED_DEAL_STAGES, QUOTE_STATUSES
from crm_desktop.services import (
    deals,
    document_lines,
    orders,
    records,
    selling_settings,
    settings,
    trash,
)
from crm_desktop.services.changes import transaction
from crm_desktop.services.clock import today
from crm_desktop.services.deal_amounts import deal_amount_sql
from crm_desktop.services.numbering import next_prefixed_number
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.validation import a_date, choice, line, multiline, reference


def next_quote_number(on: date | None = None) -> str:
    """The next free number of the year, e.g. ``QU-2026-0007``."""
    prefix = f"{settings.get('quote_number_prefix')}{(on or today()).year}-"
    return next_prefixed_number("quote", prefix)


def default_valid_until(quote_date: date | str) -> str:
    day = date.fromisoformat(str(quote_date))
    return (day + timedelta(days=selling_settings.int_setting("quote_validity_days"))).isoformat()


def _prepare(values: Row, old: Row | None) -> None:
    if not values.get("number"):
        values["number"] = next_quote_number(date.fromisoformat(values["quote_date"]))
    clash = database.execute_sql(
        "SELECT id FROM quote WHERE number = ? AND id IS NOT ?",
        (values["number"], old["id"] if old else None),
    ).fetchone()
    if clash:
        raise ValidationError(
            {"number": _("Quote number {values} is already used.").format(values=values["number"])}
        )
    if old is None and not values.get("valid_until"):
        values["valid_until"] = default_valid_until(values["quote_date"])
    if values.get("valid_until") and values["valid_until"] < values["quote_date"]:
        raise ValidationError({"valid_until": _("A quote cannot expire before its date.")})
    deal_id = values.get("deal_id")
    if deal_id is not None:
        row = database.execute_sql(
            "SELECT customer_id FROM deal WHERE id = ?", (deal_id,)
        ).fetchone()
        if row and row[0] != values["customer_id"]:
            raise ValidationError({"deal_id": _("This deal belongs to another customer.")})


QUOTE = register(
    Entity(
        name="quote",
        label="quote",
        model=Quote,
        fields=(
            Field("number", N_("Number"), line(64)),
            Field("customer_id", N_("Customer"), reference, required=True),
            Field("deal_id", N_("Deal"), reference),
            Field(
                "quote_date", N_("Date"), a_date, required=True, default=lambda: today().isoformat()
            ),
            Field("valid_until", N_("Valid until"), a_date),
            Field("status", N_("Status"), choice(QUOTE_STATUSES), required=True, default="draft"),
            Field("notes", N_("Notes"), multiline()),
        ),
        describe=lambda row: row["number"],
        references={"customer_id": "customer", "deal_id": "deal"},
        prepare=_prepare,
    )
)

LINE = document_lines.line_entity("quote_line", "quote line", QuoteLine)
LINES = document_lines.DocumentLines(LINE, QuoteLine, "quote")


def quote_lines(quote_id: int) -> list[Row]:
    return LINES.read(quote_id)


def create_quote(
    data: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]] = (),
    *,
    prices_include_tax: bool | None = None,
) -> int:
    """Add a quote with its lines; returns its id."""
    cleaned = LINES.clean(lines, prices_include_tax)
    return records.create(QUOTE, data, write_extra=LINES.writer_for_new(cleaned))


def update_quote(
    quote_id: int,
    data: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]] | None = None,
    *,
    prices_include_tax: bool | None = None,
) -> dict[str, list[Any]]:
    """Change a quote; with ``lines``, its lines become exactly those.

    An accepted quote keeps its lines: its order was made from them.
    """
    cleaned = LINES.clean_change(quote_id, lines, prices_include_tax)

    def refuse_if_accepted(quote_id: int) -> None:
        if records.get(QUOTE, quote_id)["order_id"] is not None:
            raise ValidationError(
                {"lines": _("This quote was accepted and became an order: change the order.")}
            )

    write_lines = LINES.writer_for_change(cleaned, refuse_if_accepted)
    return records.update(QUOTE, quote_id, data, write_extra=write_lines)


def get_quote(quote_id: int) -> Row:
    """A quote with its ``lines``, figures (as :func:`orders.get_order`) and ``shown_status``."""
    row = records.get(QUOTE, quote_id)
    row["lines"] = quote_lines(quote_id)
    row["shown_status"] = shown_status(row)
    return document_lines.add_totals(row)


def find_quote(number: str) -> Row | None:
    row = database.execute_sql(
        "SELECT id FROM quote WHERE number = ?", ((number or "").strip(),)
    ).fetchone()
    return get_quote(row[0]) if row else None


def shown_status(row: Mapping[str, Any], on: date | None = None) -> str:
    """The status to show: a draft or sent quote past its validity date is expired."""
    valid_until = row.get("valid_until")
    if (
        row["status"] in ("draft", "sent")
        and valid_until
        and str(valid_until) < (on or today()).isoformat()
    ):
        return "expired"
    return str(row["status"])


def set_status(quote_ids: Sequence[int], status: str) -> dict[int, dict[str, list[Any]]]:
    """Give several quotes one status as one step; returns the changes (for undo)."""
    if status == "accepted":
        raise CrmError(_("Accept a quote with “Accept quote”: it makes the order."))
    return records.update_many(QUOTE, quote_ids, {"status": status})


# --- accepting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Acceptance:
    """What accepting a quote did, so that it can be taken back."""

    quote_id: int
    order_id: int
    quote_changes: dict[str, list[Any]]
    deal_changes: dict[str, list[Any]] | None
    order_number: str


def accept_quote(
    quote_id: int, *, win_deal: bool = False, order_date: date | None = None
) -> Acceptance:
    """Make the order of a quote (same lines, no retyping); the quote becomes accepted.

    ``win_deal`` moves the quote's deal to Won as well. One transaction.
    """
    with transaction():
        quote = get_quote(quote_id)
        if quote["order_id"] is not None:
            number = database.execute_sql(
                "SELECT number FROM sales_order WHERE id = ?", (quote["order_id"],)
            ).fetchone()
            raise CrmError(
                f"Quote {quote['number']} was accepted already"
                + (f": its order is {number[0]}." if number else ".")
            )
        if quote["status"] == "declined":
            raise CrmError(
                _("Quote {quote} was declined: set it to sent first.").format(quote=quote["number"])
            )
        if not quote["lines"]:
            raise CrmError(
                _("Quote {quote} has no lines: there is nothing to order.").format(
                    quote=quote["number"]
                )
            )
        lines = [{k: item[k] for k in document_lines.LINE_FIELDS} for item in quote["lines"]]
        notes = f"From quote {quote['number']}."
        if quote.get("notes"):
            notes += f"\n{quote['notes']}"
        order_id = orders.create_order(
            {
                "customer_id": quote["customer_id"],
                "deal_id": quote["deal_id"],
                "order_date": (order_date or today()).isoformat(),
                "status": "confirmed",
                "notes": notes,
            },
            lines,
            prices_include_tax=quote["prices_include_tax"],
        )
        quote_changes = records.update(QUOTE, quote_id, {"status": "accepted"})
        Quote.update(order=order_id).where(Quote.id == quote_id).execute()
        quote_changes["order_id"] = [None, order_id]
        deal_changes = None
        deal_id = quote["deal_id"]
        if win_deal and deal_id is not None:
            deal = deals.get_deal(deal_id)
            if deal["stage"] not in CLOSED_DEAL_STAGES:
                deal_changes = deals.move_deal(deal_id, "won")
        order_number = orders.get_order(order_id)["number"]
    return Acceptance(quote_id, order_id, quote_changes, deal_changes, order_number)


def undo_accept(acceptance: Acceptance) -> None:
    """Take an acceptance back: the order goes to the trash, the quote and deal as they were."""
    with transaction():
        if records.exists("sales_order", acceptance.order_id):
            trash.move_to_trash("sales_order", [acceptance.order_id])
        if records.exists("quote", acceptance.quote_id):
            Quote.update(order=None).where(Quote.id == acceptance.quote_id).execute()
            old = {k: v for k, v in acceptance.quote_changes.items() if k != "order_id"}
            records.revert(QUOTE, {acceptance.quote_id: old})
        if acceptance.deal_changes:
            records.revert(deals.DEAL, {_deal_of(acceptance): acceptance.deal_changes})


def _deal_of(acceptance: Acceptance) -> int:
    row = database.execute_sql(
        "SELECT deal_id FROM quote WHERE id = ?", (acceptance.quote_id,)
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else -1


def quotes_of_deal(deal_id: int) -> list[Row]:
    """The quotes of a deal, newest first (number, status, net total)."""
    return [
        get_quote(quote_id)
        for (quote_id,) in database.execute_sql(
            "SELECT id FROM quote WHERE deal_id = ? ORDER BY quote_date DESC, id DESC", (deal_id,)
        ).fetchall()
    ]


def deal_amount_cents(deal_id: int) -> int:
    """A deal's amount as the pipeline counts it (its own, else its open quotes')."""
    row = database.execute_sql(
        f"SELECT {deal_amount_sql('d')} FROM deal d WHERE d.id = ?", (deal_id,)
    ).fetchone()
    return int(row[0]) if row else 0
