"""Qt-free core: everything that talks to the cloud or decides anything.

The CLI, the sandbox and the wizard import it; it never imports Qt. Its folders are its layers
(kept by import-linter's layers contract in pyproject.toml), each importing only those below:

1. ``plan`` - the wizard's model, the one module that sees all;
2. ``upload`` | ``register`` | ``guest`` - a disk to an object; the register call and after;
   inside the disk (will the guest boot in the cloud?);
3. ``cloud`` | ``disk`` - the provider over HTTP; what is on the workstation;
4. the vocabulary every layer may use, importing no subsystem: ``rules``, ``request``,
   ``errors``, ``error_catalog``, ``text``, ``units``, ``paths``, ``logsetup``.
"""
