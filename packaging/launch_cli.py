"""Entry point of the bundle's ``vmdkimport`` executable (the command line)."""

from vmdkimport.cli import main

raise SystemExit(main())
