"""The Migration Policy Integration Atlas: its data model, loader and checks (no MkDocs here),
and, in `atlas.site`, the only code that renders pages with MkDocs."""
