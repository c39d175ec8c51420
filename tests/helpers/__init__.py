"""What test modules share, in one place (qutebrowser keeps its ``tests/helpers`` the same way).

- ``backends``: one uploader suite on two servers (the sandbox and a real Swift), as fixtures;
- ``dialogs``: answering the wizard's questions (message boxes) as a person would;
- ``corpus``: disks made at test time (VMDK variants, other formats, OVF/OVA/VMX);
- ``files``: reading what the app wrote under its home;
- ``reads``: counting the bytes and opens of what a piece of code reads (tests and benchmarks);
- ``sandbox_cloud``: a raw HTTP client of the sandbox cloud, for the sandbox's own tests;
- ``waiting``: ``wait_until``, the one way a test waits for a condition;
- ``wizard``: driving the wizard as a person would (sign in, pick an OS, click a box).

Fixtures are registered by the root ``conftest.py``; real OpenStack servers live in
``tests/servers``.
"""
