"""What the screenshot scripts on a big demo file share: a private home, a copy, an event pump.

Import it first (before Qt widgets are made): it points ``CRM_DESKTOP_HOME`` at a
temporary folder so the scripts never touch the user's own settings.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
WORK = Path(tempfile.mkdtemp(prefix="crm-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(WORK / "home")
os.environ["CRM_DESKTOP_AUTO_BACKUP"] = "0"


def pump(app, seconds: float) -> None:
    """Let Qt run for ``seconds`` (layouts, lazy rows, paints)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def copy_of(original: str) -> Path:
    """A copy of the demo file to open: opening migrates a file, never the original's job."""
    db = WORK / "big.sqlite3"
    shutil.copy(original, db)
    return db
