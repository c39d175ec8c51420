"""The register call and everything after it.

``submit`` (register without losing an import id, then follow to the end), ``polling`` (how often
the status is asked for) and ``ledger`` (SQLite record of every attempt and import id, written
before the call is sent).
"""
