"""VM Image Import Wizard: a VMware disk to a registered FUJITSU K5 / FJcloud-O image."""

from __future__ import annotations

from typing import Any

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    """``__version__`` on first use: importlib.metadata costs ~20 ms of every start."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("vmdk-import-wizard")
    except PackageNotFoundError:  # a source tree that was never installed
        value = "0.0.0+unknown"
    globals()["__version__"] = value
    return value
