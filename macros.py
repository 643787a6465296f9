"""Entry point for mkdocs-macros: the macros themselves live in atlas.site.macros."""

from atlas.site.macros import define_env

__all__ = ["define_env"]
