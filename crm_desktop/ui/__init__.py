"""The Qt user interface: windows, table models, forms, dialogs and workers. No SQL here."""
