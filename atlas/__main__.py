"""`python -m atlas` runs the contributor command line."""

from .cli import main

raise SystemExit(main())
