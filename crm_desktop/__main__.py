"""``python -m crm_desktop``: the same entry point as the ``crm-desktop`` command."""

import sys

from crm_desktop.cli import main

if __name__ == "__main__":
    # A frozen build starts the import's helper processes through this entry point.
    if getattr(sys, "frozen", False):  # a PyInstaller build: import helper processes
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
