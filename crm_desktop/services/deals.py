"""Deals: the pipeline, from a new lead to won or lost.

A deal's probability follows its stage (:data:`DEAL_STAGE_PROBABILITY`)
unless the user set another one; won is always 100 and lost 0. Closing a
deal dates it (today unless a date is given); reopening clears the date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from crm_desktop.i18n import N_
from crm_desktop.models import Deal, database
from crm_desktop.models.enums import (
    CLOSED_DEAL_STAGES,
    DEAL_STAGE_PROBABILITY,
    DEAL_STAGES,
)
from crm_desktop.services import catalogue, records
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.clock import today
from crm_desktop.services.contacts import check_belongs
from crm_desktop.services.deal_amounts import deal_amount_sql
from crm_desktop.services.fields import amount, probability
from crm_desktop.services.records import Entity, Row, register
from crm_desktop.services.validation import a_date, choice, line, reference


def probability_after(stage: str, *, old_stage: str | None, probability: int | None) -> int:
    """The probability a deal has at ``stage`` when it had ``probability`` at ``old_stage``.

    The one rule every path follows (the form, the board's drag, bulk "Set stage",
    imports): won is 100 and lost 0; a figure that was the old stage's default (or
    that of a closed stage) follows the new stage's default; a figure the user set
    by hand stays.
    """
    if stage == "won":
        return 100
    if stage == "lost":
        return 0
    if probability is None or old_stage is None:
        return DEAL_STAGE_PROBABILITY[stage]
    if stage != old_stage and (
        old_stage in CLOSED_DEAL_STAGES or probability == DEAL_STAGE_PROBABILITY[old_stage]
    ):
        return DEAL_STAGE_PROBABILITY[stage]
    return probability


def _prepare(values: Row, old: Row | None) -> None:
    check_belongs(values.get("contact_id"), values["customer_id"])
    stage = values["stage"]
    if old is None or values.get("probability") != old["probability"]:
        # A new deal, or a figure the user just typed: it holds at this stage.
        values["probability"] = probability_after(
            stage, old_stage=stage, probability=values.get("probability")
        )
    else:
        values["probability"] = probability_after(
            stage, old_stage=old["stage"], probability=old["probability"]
        )
    if stage in CLOSED_DEAL_STAGES:
        if not values.get("closed_at"):
            values["closed_at"] = today().isoformat()
    else:
        values["closed_at"] = None
        values["lost_reason"] = None
    if stage != "lost" and values.get("lost_reason"):
        values["lost_reason"] = None


_DEAL_AMOUNT = deal_amount_sql("d")

# Every field of a deal, once (alias d; its customer c, its contact ct).
FIELDS = catalogue.declare(
    "deal",
    FieldDef("title", N_("Title"), sql="d.title", sort="fold", nullable=False, parse=line(300),
             required=True, placeholder=N_("e.g. 20 licences for the Berlin office")),
    FieldDef("customer_id", N_("Customer"), "reference", "d.customer_id", header=N_("Customer ID"),
             sort=None, parse=reference, required=True),
    FieldDef("customer_name", N_("Customer"), sql="c.name", sort="fold", nullable=False),
    FieldDef("customer_email", N_("Customer email"), "email", "c.email", in_list=False),
    FieldDef("contact_id", N_("Contact"), "reference", "d.contact_id", sort=None, parse=reference,
             in_list=False, in_export=False),
    FieldDef("contact_name", N_("Contact"), sql="ct.name", sort="fold"),
    FieldDef("stage", N_("Stage"), "enum", "d.stage", sort="enum", nullable=False,
             values=DEAL_STAGES,
             parse=choice(DEAL_STAGES), required=True, default="new"),
    # The list shows its own amount, or its quotes' while it has none; the export its own.
    FieldDef("amount_cents", N_("Amount"), "money", _DEAL_AMOUNT, nullable=False, parse=amount,
             required=True, default=0, export_sql="d.amount_cents"),
    FieldDef("probability", N_("Probability"), "percent", "d.probability",
             header=N_("Probability %"),
             nullable=False,
             parse=probability, placeholder=N_("stage default")),
    FieldDef("weighted_cents", N_("Weighted amount"), "money",
             f"(({_DEAL_AMOUNT} * d.probability + 50) / 100)", nullable=False, in_export=False),
    FieldDef("expected_close", N_("Expected close"), "date", "d.expected_close", parse=a_date),
    FieldDef("closed_at", N_("Closed"), "date", "d.closed_at", parse=a_date),
    FieldDef("lost_reason", N_("Lost reason"), sql="d.lost_reason", sort="fold", parse=line(500),
             placeholder=N_("e.g. price, timing, competitor")),
)  # fmt: skip

DEAL = register(
    Entity(
        name="deal",
        label="deal",
        model=Deal,
        fields=catalogue.record_fields(FIELDS),
        describe=lambda row: row["title"],
        references={"customer_id": "customer", "contact_id": "contact"},
        prepare=_prepare,
    )
)


def create_deal(data: Mapping[str, Any]) -> int:
    return records.create(DEAL, data)


def update_deal(deal_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    return records.update(DEAL, deal_id, data)


def get_deal(deal_id: int) -> Row:
    return records.get(DEAL, deal_id)


def move_deal(
    deal_id: int,
    stage: str,
    *,
    closed_at: date | str | None = None,
    lost_reason: str | None = None,
) -> dict[str, list[Any]]:
    """Move a deal to another stage (the pipeline board's drag)."""
    data: dict[str, Any] = {"stage": stage}
    if closed_at is not None:
        data["closed_at"] = closed_at
    if lost_reason is not None:
        data["lost_reason"] = lost_reason
    return records.update(DEAL, deal_id, data)


def undo_move(deal_id: int, changes: Mapping[str, Sequence[Any]]) -> None:
    """Take back a :func:`move_deal`: its stage, probability and close details as they were."""
    records.revert(DEAL, {deal_id: changes})


def set_stage(deal_ids: Sequence[int], stage: str) -> dict[int, dict[str, list[Any]]]:
    """Move several deals to one stage as one step; returns the changes (for undo)."""
    return records.update_many(DEAL, deal_ids, {"stage": stage})


def deals_of(customer_id: int) -> list[Row]:
    cursor = database.execute_sql(
        "SELECT * FROM deal WHERE customer_id = ? ORDER BY (stage IN ('won', 'lost')), "
        "expected_close IS NULL, expected_close, id",
        (customer_id,),
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
