"""What the business does, in plain Python: the only way the UI and the CLI touch data.

Each entity module (customers, contacts, …) registers its entity with the
record engine when imported; :func:`~crm_desktop.services.session.open_session`
imports them all, so anything that opened a database finds every entity
registered. The package imports nothing until asked: a light service module (the
instance lock, say) stays light, and no module imports its own package back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


def __getattr__(name: str) -> Any:
    # ``from crm_desktop.services import open_session`` keeps working, imported on first use;
    # session.py never imports this package's names back, so there is no circle.
    if name in ("open_session", "load_entities"):
        from crm_desktop.services import session

        return getattr(session, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    from crm_desktop.services.session import load_entities, open_session

__all__ = ["load_entities", "open_session"]
