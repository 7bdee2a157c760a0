"""A fresh interpreter, for what importing costs: the modules and Qt types a start makes."""

from __future__ import annotations

import subprocess
import sys


def printed_by(code: str) -> str:
    """What ``python -c code`` prints, stripped (a failure raises, with its output)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()
