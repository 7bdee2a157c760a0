"""What the business does, in plain Python: the only way the UI and the CLI touch data.

Importing this package registers every entity (customers, contacts, …) with
the record engine and the SQL functions (Unicode folding) with the database.
"""

from crm_desktop.services import (  # noqa: F401  (registration on import)
    campaigns,
    contacts,
    customers,
    deals,
    interactions,
    orders,
    products,
    service_cases,
    tasks,
    text,
)
from crm_desktop.services.session import open_session

__all__ = ["open_session"]
