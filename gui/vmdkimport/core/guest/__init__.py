"""Inside the guest: will this disk boot in the provider's cloud? Read-only, before any upload.

The pre-flight (``core/disk``) judges the disk *file*; this package judges the *guest* in it:
``partitions`` (MBR/GPT, the ESP, BIOS boot code), ``volumes`` (LVM2 logical volumes),
``filesystems`` (ext2/3/4, XFS, NTFS behind one small read-only interface, :mod:`.fs`),
``linux`` and ``windows`` (what the OS is and how it is set up, as :mod:`.facts`), ``rules``
(the provider's published rules, as data), ``checks`` (facts and rules to findings with reason
codes) and ``inspect`` (one verdict per disk). Nothing here writes, mounts or needs root.
"""
