"""Qt-free core: API clients, request rules, error catalog, ledger. Imported by the CLI, the
sandbox and the wizard; it must never import Qt (checked by import-linter in CI)."""
