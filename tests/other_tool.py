"""Another SQLite program at work on a file: the sqlite3 module alone, foreign keys off (its
default), none of our SQL functions or services."""

from __future__ import annotations

import os
import sqlite3


def other_tool(path: str | os.PathLike[str], *statements: str) -> None:
    """Run ``statements`` on the file at ``path`` and commit them, as another program would."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
