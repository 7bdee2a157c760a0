"""CRM Desktop: a local, single-user CRM for a small-business owner on one laptop."""

__version__ = "0.1.0"
APP_NAME = "CRM Desktop"
APP_ID = "crm-desktop"
