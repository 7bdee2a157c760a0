"""How a backup is described to the user: counts with names, sizes, dates (shared by CLI and UI)."""

from __future__ import annotations

from datetime import datetime

# The record counts shown when choosing a backup, in the order shown, with their names.
COUNT_LABELS: dict[str, str] = {
    "customer": "Customers",
    "customer_in_trash": "  of them in the trash",
    "contact": "Contacts",
    "product": "Products",
    "sales_order": "Orders",
    "order_line": "Order lines",
    "deal": "Deals",
    "task": "Tasks",
    "interaction": "Interactions",
    "campaign": "Campaigns",
    "campaign_member": "Campaign members",
    "service_case": "Service cases",
    "tag": "Tags",
    "trash_item": "Items in the trash",
    "audit_log": "History entries",
    "setting": "Settings",
}


def compare(
    backup: dict[str, int], current: dict[str, int] | None
) -> list[tuple[str, int | None, int | None]]:
    """Rows of (label, in the backup, now) for every known count present in either."""
    current = current or {}
    return [
        (label, backup.get(key), current.get(key))
        for key, label in COUNT_LABELS.items()
        if key in backup or key in current
    ]


def human_size(size: int) -> str:
    """``532 KB``, ``170.8 MB``: sizes as a file manager shows them (powers of 1024)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            if unit == "bytes":
                return f"{int(value)} bytes"
            return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"  # pragma: no cover


def local_time(moment: datetime) -> str:
    """``2026-06-15 09:30`` in the user's time zone."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def headline(counts: dict[str, int]) -> str:
    """``150 customers, 612 orders``: the two numbers a user recognises a backup by, in the
    user's language («1 428 клиентов, 612 заказов»)."""
    from crm_desktop.i18n import ngettext
    from crm_desktop.services.locale_facts import grouped

    customers, orders = counts.get("customer", 0), counts.get("sales_order", 0)
    return ", ".join(
        (
            ngettext("{n} customer", "{n} customers", customers).format(n=grouped(customers)),
            ngettext("{n} order", "{n} orders", orders).format(n=grouped(orders)),
        )
    )
