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
from crm_desktop.services import records
from crm_desktop.services.clock import today
from crm_desktop.services.contacts import check_belongs
from crm_desktop.services.fields import amount, probability
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.validation import a_date, choice, line, reference


def _prepare(values: Row, old: Row | None) -> None:
    check_belongs(values.get("contact_id"), values["customer_id"])
    stage = values["stage"]
    if stage == "won":
        values["probability"] = 100
    elif stage == "lost":
        values["probability"] = 0
    elif old is None:
        if values.get("probability") is None:
            values["probability"] = DEAL_STAGE_PROBABILITY[stage]
    elif (
        stage != old["stage"]
        and values.get("probability") == old["probability"]
        and (
            old["probability"] == DEAL_STAGE_PROBABILITY[old["stage"]]
            or old["stage"] in CLOSED_DEAL_STAGES
        )
    ):
        # The user never set their own figure for the old stage: follow the new one.
        values["probability"] = DEAL_STAGE_PROBABILITY[stage]
    if values.get("probability") is None:
        values["probability"] = DEAL_STAGE_PROBABILITY[stage]
    if stage in CLOSED_DEAL_STAGES:
        if not values.get("closed_at"):
            values["closed_at"] = today().isoformat()
    else:
        values["closed_at"] = None
        values["lost_reason"] = None
    if stage != "lost" and values.get("lost_reason"):
        values["lost_reason"] = None


DEAL = register(
    Entity(
        name="deal",
        label="deal",
        model=Deal,
        fields=(
            Field("title", N_("Title"), line(300), required=True),
            Field("customer_id", N_("Customer"), reference, required=True),
            Field("contact_id", N_("Contact"), reference),
            Field("stage", N_("Stage"), choice(DEAL_STAGES), required=True, default="new"),
            Field("amount_cents", N_("Amount"), amount, required=True, default=0),
            Field("probability", N_("Probability"), probability),
            Field("expected_close", N_("Expected close"), a_date),
            Field("closed_at", N_("Closed on"), a_date),
            Field("lost_reason", N_("Lost reason"), line(500)),
        ),
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
