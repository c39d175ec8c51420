"""VM Image Import Wizard: a VMware disk to a registered FUJITSU K5 / FJcloud-O image."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vmdk-import-wizard")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
