"""What the business does, in plain Python: the only way the UI and the CLI touch data.

Each entity module (customers, contacts, …) registers its entity with the
record engine when imported; :func:`load_entities` imports them all, and
:func:`~crm_desktop.services.session.open_session` calls it, so anything that
opened a database finds every entity registered. Nothing is imported by the
package itself: a light service module (the instance lock, say) stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

ENTITY_MODULES = (
    "customers", "contacts", "products", "deals", "orders", "tasks", "interactions",
    "campaigns", "service_cases", "quotes", "invoices", "payments", "selling_lists",
    "custom_fields",
)  # fmt: skip


def load_entities() -> None:
    """Import every entity module, so the record engine and the trash know them all."""
    for name in ("text", *ENTITY_MODULES):
        importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> Any:
    if name == "open_session":
        from crm_desktop.services.session import open_session

        return open_session
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    from crm_desktop.services.session import open_session

__all__ = ["load_entities", "open_session"]
