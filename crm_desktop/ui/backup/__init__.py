"""Backups and restore in the window (issue: backups). Placeholder until that work lands."""


def install(window) -> None:
    """Add "Back up now…", "Restore from backup…" and the Backups dialog to the window."""
