"""Import, export and duplicates in the window (issue: import/export). Placeholder for now."""


def install(window) -> None:
    """Add the import wizard, exports and "Find duplicates" to the main window."""
