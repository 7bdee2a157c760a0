"""Backups that verify themselves and restores that cannot destroy data.

The modules, one job each:

``snapshot``  make a backup: online backup API, check, fsync, rename (and ``verify_backup``)
``verify``    check a file that is not the open database (two levels: standard, thorough)
``restore``   check a file as untrusted, then replace the database with a safety copy first
``catalog``   the backup folder, file names, and the JSON record beside each backup
``rotation``  which backups to keep (7 daily, 4 weekly, 12 monthly, and the rules of caution)
``auto``      automatic backups: before bulk changes and upgrades, daily, on exit
``files``     fsync of files and folders, temporary names, errors in plain words

Design notes and the reasons behind them: ``docs/backup.md``.
"""

# Imported for its effect: encrypted files find their key (keyring, recovery key).
from crm_desktop.services import encryption_keys as _keys  # noqa: F401
from crm_desktop.services.backups.catalog import (
    BackupRecord,
    backup_folder,
    choose_backup_folder,
    list_backups,
)
from crm_desktop.services.backups.restore import (
    PreparedRestore,
    RestoreError,
    RestoreResult,
    prepare_restore,
    release_connection,
    restore_backup,
)
from crm_desktop.services.backups.snapshot import BackupError, create_backup, verify_backup
from crm_desktop.services.backups.verify import (
    STANDARD,
    THOROUGH,
    BackupFileError,
    NewerBackupError,
)

__all__ = [
    "STANDARD",
    "THOROUGH",
    "BackupError",
    "BackupFileError",
    "BackupRecord",
    "NewerBackupError",
    "PreparedRestore",
    "RestoreError",
    "RestoreResult",
    "backup_folder",
    "choose_backup_folder",
    "create_backup",
    "list_backups",
    "prepare_restore",
    "release_connection",
    "restore_backup",
    "verify_backup",
]
