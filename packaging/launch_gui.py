"""Entry point of the bundle's ``vmdk-import-wizard`` executable (the wizard)."""

from vmdkimport.qt.app import main

raise SystemExit(main())
