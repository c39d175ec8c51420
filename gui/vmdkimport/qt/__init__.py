"""The desktop wizard: the only package that imports PySide6.

It calls :mod:`vmdkimport.core` on worker threads (:mod:`~vmdkimport.qt.tasks`) and re-emits
the core's events as Qt signals; it decides nothing on its own.

**Start-up rule.** The window must paint before anything it does not show is loaded. Imports are
at module level, except:
- what a later step needs: the HTTP stack, the keyring, the ledger (SQLite), hashing, the disk
  pre-flight, the uploader, the register call, the task module, pages 2-7 (built after the
  first paint) and the dialogs;
- PySide6 classes the first paint does not use, the ``Qt`` namespace first of all: PySide6
  sets up a class's Python type, with its enums, on first use (1-25 ms each).

Those are imported in the function that needs them, and only those: an import of a module the
first paint loads anyway belongs at the top. tests/qt/test_startup.py runs the wizard to its
first paint and names each deferred module and class, with why; extend its lists when you
defer something new. benchmarks/gui.py measures the cold start itself.
"""
