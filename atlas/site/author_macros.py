"""Macros for authors of hand-written pages (a guide to diaspora engagement, a country brief...):
a practice card, a list of practices filtered like the explorer, a framework component with its
practices. docs/contribute/writing-pages.md shows each one.

Each takes the build's `SiteBuild` and `root`, the way from the calling page to the top of the
site (both bound by macros.define_env from the page being rendered), then the author's arguments.
Each writes escaped Markdown whose links MkDocs checks like any other. A wrong id or filter
stops the build with a message saying what exists.
"""

from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup

from atlas.site.explorer import FACET_KEYS, FACETS, countries_of
from atlas.site.site_build import SiteBuild
from atlas.site.text import plain_text

# How much of a summary a card shows.
CARD_SUMMARY_CHARACTERS = 220


def _practice(site: SiteBuild, practice_id: str):
    if practice_id not in site.data.practices:
        raise ValueError(f"no practice has the id '{practice_id}' (see data/practices/)")
    return site.data.practices[practice_id]


def _items(site: SiteBuild, practices) -> list[dict]:
    data = site.data
    return [{
        "practice": practice,
        "lens": data.term("lenses", practice.lenses.primary.lens).label,
        "countries": [data.countries[code] for code in countries_of(practice)],
        "summary": plain_text(practice.summary, CARD_SUMMARY_CHARACTERS),
    } for practice in sorted(practices, key=lambda p: p.title.lower())]


def practice_card(site: SiteBuild, root: str, practice_id: str) -> Markup:
    """A card for one practice: its title, primary lens, countries and the start of its summary.

    Example: `{{ practice_card("moldova-hometown-associations") }}`
    """
    return site.renderer.block("author", part="cards", items=_items(site, [_practice(site, practice_id)]),
                               root=Markup(root))


def practice_list(site: SiteBuild, root: str, **filters: str) -> Markup:
    """The practices that have every value given, each filter named like the explorer's
    (lens, level, sector, mechanism, region, country, organization, framework, source), with a
    link that opens the same list in the explorer.

    Example: `{{ practice_list(lens="engagement", sector="diaspora") }}`
    """
    unknown = sorted(set(filters) - set(FACET_KEYS))
    if unknown or not filters:
        raise ValueError(f"practice_list takes one or more of {', '.join(FACET_KEYS)}; got {', '.join(unknown) or 'none'}")
    data = site.data
    practices = list(data.practices.values())
    for facet in FACETS:
        if facet.key not in filters:
            continue
        value = filters[facet.key]
        allowed = [value_id for value_id, _ in facet.values(data)]
        if value not in allowed:
            raise ValueError(f"practice_list: '{value}' is not a {facet.label.lower()} of the data "
                             f"({len(allowed)} are; see the explorer's {facet.label} filter)")
        practices = [p for p in practices if value in facet.of(data, p)]
    query = Markup(urlencode([(key, filters[key]) for key in FACET_KEYS if key in filters]))
    return site.renderer.block("author", part="list", items=_items(site, practices), query=query,
                               root=Markup(root))


def component_practices(site: SiteBuild, root: str, framework: str, component: str) -> Markup:
    """A framework component (a PCMD criterion, a GCM objective, an SDG target), what it is, and
    the practices linked to it.

    Example: `{{ component_practices("pcmd", "criterion-1") }}`
    """
    data = site.data
    if framework not in data.frameworks:
        raise ValueError(f"no framework has the id '{framework}' (see data/frameworks/)")
    components = {c.id: c for c in data.frameworks[framework].components}
    if component not in components:
        raise ValueError(f"the framework '{framework}' has no component '{component}'; it has: "
                         f"{', '.join(components) or 'none'}")
    practices = data.practices_by_framework.get(framework, {}).get(component, [])
    return site.renderer.block("author", part="component", framework=data.frameworks[framework],
                               component=components[component], items=_items(site, practices),
                               query=Markup(urlencode([("framework", framework)])), root=Markup(root))


def examples(site: SiteBuild, root: str) -> dict:
    """Ids for the Writing pages page to show each macro with, taken from the data being built
    (so that the page builds from any data set): a practice, filters it matches, and the framework
    component with the most practices (None when no practice is linked to a component)."""
    data = site.data
    practice = data.practices.get("moldova-hometown-associations") or next(iter(data.practices.values()))
    filters = {"lens": practice.lenses.primary.lens, "sector": practice.sectors[0]}
    if countries_of(practice):
        filters["country"] = countries_of(practice)[0]
    linked = [(len(practices), framework, component)
              for framework, by_component in data.practices_by_framework.items()
              for component, practices in by_component.items() if component]
    component = max(linked, key=lambda item: (item[0], item[1], item[2]))[1:] if linked else None
    return {"practice": practice.id, "filters": filters,
            "filter_text": ", ".join(f'{key}="{value}"' for key, value in filters.items()),
            "component": component}


AUTHOR_MACROS = (practice_card, practice_list, component_practices, examples)
