"""Subcommands of ``crm-desktop``, one module per area; each has ``register(subparsers)``."""
