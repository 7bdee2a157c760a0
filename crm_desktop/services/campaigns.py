"""Campaigns (mailings, events, adverts) and the customers taking part in them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Campaign, CampaignMember, database
from crm_desktop.models.enums import CAMPAIGN_KINDS, CAMPAIGN_MEMBER_STATUSES
from crm_desktop.services import catalogue, records
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.changes import transaction
from crm_desktop.services.fields import amount
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.validation import a_date, choice, line, multiline, reference


def _prepare(values: Row, old: Row | None) -> None:
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})


# Every field of a campaign, once (alias cp).
FIELDS = catalogue.declare(
    "campaign",
    FieldDef("name", N_("Name"), sql="cp.name", sort="fold", nullable=False, parse=line(300),
             required=True, placeholder=N_("e.g. Spring newsletter")),
    FieldDef("kind", N_("Kind"), "enum", "cp.kind", sort="enum", nullable=False,
             values=CAMPAIGN_KINDS, parse=choice(CAMPAIGN_KINDS), required=True,
             default="email"),
    FieldDef("start_date", N_("Start"), "date", "cp.start_date", parse=a_date),
    FieldDef("end_date", N_("End"), "date", "cp.end_date", parse=a_date),
    FieldDef("location", N_("Location"), sql="cp.location", sort="fold", parse=line(300)),
    FieldDef("budget_cents", N_("Budget"), "money", "cp.budget_cents", nullable=False,
             parse=amount, required=True, default=0),
    FieldDef("member_count", N_("Members"), "int",
             "(SELECT count(*) FROM campaign_member m JOIN customer c ON c.id = m.customer_id "
             "WHERE m.campaign_id = cp.id AND c.deleted_at IS NULL)", nullable=False),
    FieldDef("notes", N_("Notes"), "longtext", "substr(cp.notes, 1, 300)", sort=None,
             export_sql="cp.notes", parse=multiline()),
)  # fmt: skip

CAMPAIGN = register(
    Entity(
        name="campaign",
        label="campaign",
        model=Campaign,
        fields=catalogue.record_fields(FIELDS),
        describe=lambda row: row["name"],
        prepare=_prepare,
    )
)


def _member_prepare(values: Row, old: Row | None) -> None:
    clash = database.execute_sql(
        "SELECT id FROM campaign_member WHERE campaign_id = ? AND customer_id = ? AND id IS NOT ?",
        (values["campaign_id"], values["customer_id"], old["id"] if old else None),
    ).fetchone()
    if clash:
        raise ValidationError({"customer_id": _("This customer is already in the campaign.")})


MEMBER = register(
    Entity(
        name="campaign_member",
        label="campaign member",
        model=CampaignMember,
        fields=(
            Field("campaign_id", N_("Campaign"), reference, required=True),
            Field("customer_id", N_("Customer"), reference, required=True),
            Field(
                "status",
                N_("Status"),
                choice(CAMPAIGN_MEMBER_STATUSES),
                required=True,
                default="planned",
            ),
        ),
        describe=lambda row: f"member {row['customer_id']} of campaign {row['campaign_id']}",
        references={"campaign_id": "campaign", "customer_id": "customer"},
        prepare=_member_prepare,
    )
)


def create_campaign(data: Mapping[str, Any]) -> int:
    return records.create(CAMPAIGN, data)


def update_campaign(campaign_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    return records.update(CAMPAIGN, campaign_id, data)


def get_campaign(campaign_id: int) -> Row:
    return records.get(CAMPAIGN, campaign_id)


def add_members(
    campaign_id: int, customer_ids: Sequence[int], status: str = "planned"
) -> list[int]:
    """Add customers to a campaign (those already in it are left alone); returns new member ids."""
    existing = {
        row[0]
        for row in database.execute_sql(
            "SELECT customer_id FROM campaign_member WHERE campaign_id = ?", (campaign_id,)
        )
    }
    with transaction():
        return [
            records.create(
                MEMBER, {"campaign_id": campaign_id, "customer_id": cid, "status": status}
            )
            for cid in dict.fromkeys(customer_ids)
            if cid not in existing
        ]


def set_member_status(member_id: int, status: str) -> dict[str, list[Any]]:
    return records.update(MEMBER, member_id, {"status": status})


def members_of(campaign_id: int) -> list[Row]:
    cursor = database.execute_sql(
        "SELECT m.id, m.customer_id, c.name AS customer_name, m.status FROM campaign_member m "
        "JOIN customer c ON c.id = m.customer_id AND c.deleted_at IS NULL "
        "WHERE m.campaign_id = ? ORDER BY crm_sort_key(c.name)",
        (campaign_id,),
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
