"""The Reports screen and "Print invoice" (issue: reports). Placeholder until that work lands."""


def install(window) -> None:
    """Add the Reports section and actions to the main window."""
