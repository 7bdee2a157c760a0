"""Encryption at rest in the window: File › Encryption…, and the recovery key asked at start.

:func:`install` adds the menu entry; the dialog (:mod:`.dialog`) and the
recovery-key dialogs (:mod:`.recovery_key`) are imported when first used.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def open_dialog(window: Any) -> Any:
    from crm_desktop.ui.encryption.dialog import EncryptionDialog

    dialog = EncryptionDialog(
        window.db_path,
        window if hasattr(window, "isVisible") else None,
        reload=window.reload_database,
        status=window.show_status,
    )
    dialog.open()
    return dialog


def install(window: Any) -> QAction:
    action = QAction(QCoreApplication.translate("Encryption", "En&cryption…"), window)
    action.setToolTip(
        QCoreApplication.translate(
            "Encryption", "Encrypt the database on this laptop's disk, or show its recovery key"
        )
    )
    action.triggered.connect(lambda: open_dialog(window))
    window.add_action("File", action)
    return action
