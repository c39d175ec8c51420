"""``python -m vmdkimport`` runs the command line."""

from vmdkimport.cli import main

raise SystemExit(main())
