"""The Trash section: restore deleted records, or delete them for good."""
