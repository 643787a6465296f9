"""`python -m atlas` runs the contributor command line."""

from atlas.contrib.cli import main

raise SystemExit(main())
