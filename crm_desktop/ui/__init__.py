"""The Qt user interface: windows, table models, forms, dialogs and workers. No SQL here.

Importing this package also makes PySide6's import hook cheaper (see
:func:`_read_sources_quickly`): every module imported after PySide6 is checked by it,
and the start of the window imports a few hundred.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def _read_sources_quickly() -> None:
    """Answer PySide6's "does this module use PySide6?" from the file's bytes.

    PySide6 asks it of every module imported after it (for its ``__feature__``
    switches), through ``inspect.getsource``: linecache, decoding and splitting
    each source file, ~0.3 ms a module, ~50 ms of the window's start. The same
    question is answered by looking for the same word in the raw bytes (~7 ms).
    Where the hook is not there (another PySide6 version, a frozen build without
    sources), PySide6 keeps its own answer.
    """
    import PySide6  # noqa: F401  (its import installs the hook this adjusts)

    feature = sys.modules.get("PySide6.support.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        source = getattr(module, "__file__", None)
        if isinstance(source, str) and source.endswith(".py"):
            try:
                with open(source, "rb") as file:
                    return b"PySide6" in file.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_read_sources_quickly()
