"""The explorer's data: every practice with the facet values it has, as the JSON file the page filters.

The explorer page (`/explore/`) holds its controls and the first page of practices by title
(`FIRST_PAGE`), so that its HTML stays the same size however many practices there are; a reader
without JavaScript gets that page and the ways in to every practice (lens, country and framework
pages). `docs/assets/explorer.js` loads `/explore/practices.json` once, filters it by facet and
text, and renders the matches a page at a time. The file is kept lean because every visitor of
the explorer downloads it: each facet's value ids and labels are listed once, and a practice
refers to them by position in that list; everything a list item shows is in it.

Facet names are also the URL query parameters of the explorer (a contract with the benchmark):
`lens` (any of a practice's lenses), `primary` (its primary lens), `level`, `sector`, `mechanism`, `country`, `region`, `organization`, `framework`,
`component`, `source`, `year` (of the newest source document a practice rests on), `example`
(`practice` or `cautionary`), plus `q` for the text filter. A component's value is `framework.component`
(`component=pcmd.criterion-1`); its facet lists the components some practice links to, each under
its framework's name (a value's third item).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from atlas.model.dataset import Dataset
from atlas.model.records import Practice, RefTo
from atlas.model.references import references
from atlas.site.text import plain_text

# How much of a summary the text filter searches: enough for the words a reader types, short
# enough that the file stays small as records grow.
SUMMARY_CHARACTERS = 240
JSON_PATH = "explore/practices.json"
# Practices the page lists at first, and each "Show more" adds: the page's HTML holds this many.
FIRST_PAGE = 50


# A practice to learn from, or a cautionary example: one the sources give as incoherent or harmful.
EXAMPLE_KINDS = {"practice": "Practice", "cautionary": "Cautionary example"}


@dataclass(frozen=True)
class Facet:
    key: str  # the URL query parameter
    label: str
    values: Callable[[Dataset], list[tuple[str, ...]]]  # (id, label[, group]) in display order
    of: Callable[[Dataset, Practice], list[str]]  # the value ids one practice has


def _terms(vocabulary: str) -> Callable[[Dataset], list[tuple[str, str]]]:
    return lambda data: [(term.id, term.label) for term in data.terms(vocabulary)]


def _with_acronym(record) -> str:
    """A label with the record's first alias when the label lacks it: "Joint ... Initiative (JMDI)",
    so readers recognise it and the text filter finds it."""
    aliases = getattr(record, "aliases", None)
    if aliases and len(aliases[0]) <= 12 and aliases[0] not in record.label:
        return f"{record.label} ({aliases[0]})"
    return record.label


def _records(kind: str) -> Callable[[Dataset], list[tuple[str, str]]]:
    def values(data: Dataset) -> list[tuple[str, str]]:
        records = sorted(data.table(kind).values(), key=lambda record: record.label.lower())
        return [(record.id, _with_acronym(record)) for record in records]

    return values


def component_value(framework_id: str, component_id: str) -> str:
    """A framework component as the explorer's `component` parameter names it. Ids never hold a
    dot, so the pair reads back unambiguously, and a dot needs no escaping in an address."""
    return f"{framework_id}.{component_id}"


def _components(data: Dataset) -> list[tuple[str, str, str]]:
    """The components practices link to, framework by framework, each in its framework's order."""
    values = []
    for framework in sorted(data.frameworks.values(), key=lambda record: record.label.lower()):
        linked = data.links_by_framework.get(framework.id, {})
        for component in framework.components:
            if linked.get(component.id):
                label = f"{component.label}: {component.title}" if component.label else component.title
                values.append((component_value(framework.id, component.id), label, _with_acronym(framework)))
    return values


def countries_of(practice: Practice) -> list[str]:
    """The countries a practice takes place in: its countries and its cities' countries."""
    return list(dict.fromkeys([*practice.countries, *(city.country for city in practice.cities)]))


def _sources_of(data: Dataset, practice: Practice) -> list[str]:
    """Every source the practice cites anywhere (as its source page counts it)."""
    return list(dict.fromkeys(
        ref.value for ref in references(practice) if isinstance(ref.target, RefTo) and ref.target.kind == "source"
    ))


FACETS: tuple[Facet, ...] = (
    Facet("lens", "Lens", _terms("lenses"), lambda data, p: data.lenses_of(p)),
    # The lens a practice is listed under (the practices index, the counts "N primary").
    Facet("primary", "Primary lens", _terms("lenses"), lambda data, p: [p.lenses.primary.lens]),
    Facet("level", "Level of government", _terms("levels"), lambda data, p: list(p.levels)),
    Facet("sector", "Sector", _terms("sectors"), lambda data, p: list(p.sectors)),
    Facet("mechanism", "Mechanism", _terms("mechanisms"), lambda data, p: list(p.mechanisms)),
    Facet("region", "Region", _terms("regions"),
          lambda data, p: list(dict.fromkeys(data.countries[c].region for c in countries_of(p)))),
    Facet("country", "Country", _records("country"), lambda data, p: countries_of(p)),
    Facet("organization", "Organization", _records("organization"),
          lambda data, p: list(dict.fromkeys(actor.organization for actor in p.actors))),
    Facet("framework", "Framework", _records("framework"),
          lambda data, p: list(dict.fromkeys(link.framework for link in p.frameworks))),
    Facet("component", "Framework component", _components,
          lambda data, p: [component_value(link.framework, link.component) for link in p.frameworks if link.component]),
    Facet("source", "Source document", _records("source"), _sources_of),
    # How old the evidence is: the year of the newest document a practice rests on, newest first.
    Facet("year", "Evidence year",
          lambda data: [(str(year), str(year)) for year in sorted({s.year for s in data.sources.values()}, reverse=True)],
          lambda data, p: [str(evidence_year(data, p))]),
    Facet("example", "Kind of example", lambda data: list(EXAMPLE_KINDS.items()),
          lambda data, p: ["cautionary" if p.cautionary else "practice"]),
)
FACET_KEYS = tuple(facet.key for facet in FACETS)
# Facets the file does not repeat for each practice, since explorer.js reads them off another:
# the primary lens is the first of a practice's lenses (`lens`), as the lens facet lists them.
DERIVED = {"primary": "lens"}


def explorer_data(data: Dataset) -> dict:
    """The JSON document the explorer loads: facets with their values once, then the practices."""
    facets = []
    positions: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        values = facet.values(data)
        positions[facet.key] = {value[0]: i for i, value in enumerate(values)}
        described = {"key": facet.key, "label": facet.label, "values": [list(v) for v in values]}
        if facet.key == "country":  # a list item names a country plainly: "Türkiye", not "Türkiye (Turkey)"
            described["names"] = [data.countries[value[0]].name for value in values]
        facets.append(described)
    practices = []
    for practice in sorted(data.practices.values(), key=lambda p: p.title.lower()):
        entry: dict = {"id": practice.id, "title": practice.title}
        if practice.aliases:
            entry["aliases"] = practice.aliases
        if practice.search_spellings:  # found by the words filter, never shown
            entry["spellings"] = practice.search_spellings
        entry["text"] = plain_text(practice.summary, SUMMARY_CHARACTERS)
        for facet in FACETS:
            if facet.key in DERIVED:
                continue
            indexes = [positions[facet.key][value] for value in facet.of(data, practice)]
            if indexes:
                entry[facet.key] = indexes
        practices.append(entry)
    return {"facets": facets, "practices": practices}


def explorer_json(data: Dataset) -> str:
    return json.dumps(explorer_data(data), ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class ExplorerItem:
    """One practice as the server-rendered list shows it (what a reader without JavaScript sees)."""

    practice: Practice
    countries: list[str]  # names
    lenses: list[str]  # labels, primary first
    sectors: list[str]  # labels
    year: int  # of the newest source document it rests on: how old its evidence is


def evidence_year(data: Dataset, practice: Practice) -> int:
    return max(data.sources[source_id].year for source_id in _sources_of(data, practice))


def explorer_list(data: Dataset, limit: int | None = None) -> list[ExplorerItem]:
    """The practices by title, as the list shows them: the first `limit` of them, or all."""
    practices = sorted(data.practices.values(), key=lambda p: p.title.lower())[:limit]
    return [
        ExplorerItem(
            practice,
            [data.countries[code].name for code in countries_of(practice)],
            [data.term("lenses", lens).label for lens in data.lenses_of(practice)],
            [data.term("sectors", sector).label for sector in practice.sectors],
            evidence_year(data, practice),
        )
        for practice in practices
    ]
