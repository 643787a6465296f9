"""Macros of the browsing pages: the explorer, the comparison tables and the world map; and the
form that proposes a practice.

Each takes the build's `SiteBuild` first (bound by macros.define_env), then `root`, the way from
the calling page to the top of the site ("" or "../").
"""

from __future__ import annotations

from markupsafe import Markup

from atlas.site.explorer import FACETS, FIRST_PAGE, explorer_list
from atlas.site.overviews import cross_tables
from atlas.site.practice_form import practice_form
from atlas.site.repository import SUGGEST_FORM


def _root(root: str) -> Markup:
    if root not in ("", "../"):
        raise ValueError("root is '' or '../'")
    return Markup(root)


def explorer(site, root: str = "../") -> Markup:
    """The explorer: its controls (filled in by explorer.js) and the first page of practices."""
    return site.renderer.html_block("explorer.html.j2", items=explorer_list(site.data, FIRST_PAGE),
                                    total=len(site.data.practices), counted=len(site.data.counted_practices),
                                    page_size=FIRST_PAGE, facets=FACETS,
                                    root=_root(root))


def compare_tables(site, root: str = "../") -> Markup:
    return site.renderer.block("overviews", tables=cross_tables(site.data), root=_root(root))


def world_map(site, root: str = "../") -> Markup:
    """The world map's frame and legend; map.js fetches the drawing into it (worldmap.DRAWING_FILE)."""
    return site.renderer.html_block("world-map.html.j2", **site.world_map, root=_root(root))


def propose_form(site) -> Markup:
    """The "Propose a practice" form, made from the data model (practice_form.py)."""
    return site.renderer.html_block("practice-form.html.j2", fields=practice_form(site.data),
                                    suggest_url=site.repository.issue_form_url(SUGGEST_FORM))


MACROS = (explorer, compare_tables, world_map, propose_form)
