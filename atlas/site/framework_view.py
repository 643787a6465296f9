"""What a framework page shows of the practices linked to it: for each component (and for the
framework as a whole), its practices grouped by primary lens and then by region, each with its
reason and the kind of its link; how many links of each kind; and the components × lenses matrix,
whose counts open the explorer on the same practices.
"""

from __future__ import annotations

from dataclasses import dataclass

from atlas.model.dataset import ComponentLink, Dataset
from atlas.model.records import Component, Framework, Practice, VocabularyTerm
from atlas.site.capped_lists import shares
from atlas.site.explorer import component_value, countries_of

# What each kind of link says to a reader, on every page that shows one.
LINK_KINDS = {"stated": "a source document links it", "classified": "classified by the atlas"}
NO_REGION = "No single country (regional or global)"
SEVERAL_REGIONS = "Several regions"


def region_label(data: Dataset, practice: Practice) -> str:
    """The one region a practice's countries lie in, or which of the two catch-alls it falls in."""
    regions = dict.fromkeys(data.countries[code].region for code in countries_of(practice))
    if not regions:
        return NO_REGION
    if len(regions) > 1:
        return SEVERAL_REGIONS
    return data.term("regions", next(iter(regions))).label


@dataclass(frozen=True)
class RegionGroup:
    region: str
    links: list[ComponentLink]


@dataclass(frozen=True)
class LensGroup:
    lens: VocabularyTerm
    regions: list[RegionGroup]  # the links the page shows
    count: int  # all of them, shown or not


@dataclass(frozen=True)
class ComponentSection:
    """A component's practices (`component` None: links to the framework as a whole)."""

    component: Component | None
    lenses: list[LensGroup]
    stated: int
    classified: int
    explorer_query: str  # the explorer's address query that shows exactly these practices
    more: int = 0  # links not shown, to keep the page small (atlas/site/capped_lists.py)

    @property
    def count(self) -> int:
        return self.stated + self.classified


@dataclass(frozen=True)
class MatrixRow:
    component: Component
    cells: list[tuple[VocabularyTerm, int, str]]  # lens, practices with it (any lens), explorer query
    total: int


class FrameworkView:
    """The linked practices of one framework, computed once for its page."""

    def __init__(self, data: Dataset, framework: Framework, list_cap: int = 100):
        self.data = data
        self.framework = framework
        links = data.links_by_framework.get(framework.id, {})
        # Key None: links to the framework as a whole.
        parts: dict[str | None, Component | None] = {c.id: c for c in framework.components}
        if links.get(None):
            parts[None] = None
        # If the page would list too many practices, each part's list stops after its share, in
        # the page's order (by lens, then region); the explorer shows the part's whole list.
        shown = dict(zip(parts, shares([len(links.get(key, [])) for key in parts], list_cap)))
        sections = {key: self._section(part, links.get(key, []), shown[key]) for key, part in parts.items()}
        self.whole = sections.pop(None, None)
        self.sections = sections

    def _section(self, component: Component | None, links: list[ComponentLink], shown: int) -> ComponentSection:
        by_title = sorted(links, key=lambda item: item.practice.title.lower())
        lenses = []
        for lens in self.data.terms("lenses"):
            in_lens = [item for item in by_title if item.practice.lenses.primary.lens == lens.id]
            regions: dict[str, list[ComponentLink]] = {}
            for item in in_lens:
                regions.setdefault(region_label(self.data, item.practice), []).append(item)
            if in_lens:
                lenses.append(LensGroup(lens, [RegionGroup(name, items) for name, items in sorted(
                    regions.items(), key=lambda pair: (pair[0] in (NO_REGION, SEVERAL_REGIONS), pair[0]))],
                    len(in_lens)))
        stated = sum(1 for item in links if item.link.kind == "stated")
        query = (f"component={component_value(self.framework.id, component.id)}" if component
                 else f"framework={self.framework.id}")
        return ComponentSection(component, _first(lenses, shown), stated, len(links) - stated, query,
                                more=len(links) - shown)

    @property
    def covered(self) -> list[Component]:
        """The components at least one practice serves."""
        return [c for c in self.framework.components if self.sections[c.id].count]

    def matrix(self) -> list[MatrixRow]:
        """Components × lenses: practices linked to the component with the lens, primary or not."""
        rows = []
        for component in self.framework.components:
            practices = [item.practice for item in self.data.links_by_framework.get(
                self.framework.id, {}).get(component.id, [])]
            value = component_value(self.framework.id, component.id)
            cells = [(lens, sum(1 for p in practices if lens.id in self.data.lenses_of(p)),
                      f"component={value}&lens={lens.id}") for lens in self.data.terms("lenses")]
            rows.append(MatrixRow(component, cells, len(practices)))
        return rows


def _first(lenses: list[LensGroup], count: int) -> list[LensGroup]:
    """The groups with only their first `count` links in all, in the order the page lists them;
    a group keeps its full count, and a group left with no link is dropped."""
    kept = []
    for group in lenses:
        regions = []
        for region in group.regions:
            if count > 0:
                regions.append(RegionGroup(region.region, region.links[:count]))
                count -= len(regions[-1].links)
        if regions:
            kept.append(LensGroup(group.lens, regions, group.count))
    return kept
