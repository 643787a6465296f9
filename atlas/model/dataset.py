"""The loaded data set: records by kind, and every derived relation computed once.

Back-references (a country's practices, an organization's practices by role, a framework
component's practices, the records a source supports, inverse relations between practices) and
the lens groupings live here, so templates only display what is already computed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pydantic import BaseModel

from atlas.model.records import (
    CITING_KINDS,
    Citation,
    Country,
    Framework,
    FrameworkLink,
    Organization,
    Practice,
    Record,
    RefTo,
    Source,
    Vocabulary,
    VocabularyTerm,
)
from atlas.model.locators import section_anchors, section_of
from atlas.model.references import references


def citations_in(model: BaseModel):
    """Every citation a record makes, wherever it stands (its sources, a figure's, a role's...)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Citation):
                yield item
            elif isinstance(item, BaseModel):
                yield from citations_in(item)


@dataclass(frozen=True)
class RoleLink:
    """A practice seen from an organization: the practice and the organization's role in it."""

    practice: Practice
    role: str


@dataclass(frozen=True)
class ComponentLink:
    """A practice seen from a framework or one of its components: the practice and its link."""

    practice: Practice
    link: FrameworkLink


@dataclass(frozen=True)
class RelationLink:
    """A related practice seen from this one, with the label that reads from this side."""

    practice: Practice
    label: str


@dataclass
class Dataset:
    practices: dict[str, Practice] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)

    # derived, filled by build()
    practices_by_country: dict[str, list[Practice]] = field(default_factory=dict)
    practices_by_organization: dict[str, list[RoleLink]] = field(default_factory=dict)
    practices_by_framework: dict[str, dict[str | None, list[Practice]]] = field(default_factory=dict)
    # Per framework, per component id (None: the framework as a whole), each practice's link.
    links_by_framework: dict[str, dict[str | None, list[ComponentLink]]] = field(default_factory=dict)
    practices_by_lens: dict[str, dict[str, list[Practice]]] = field(default_factory=dict)
    related_links: dict[str, list[RelationLink]] = field(default_factory=dict)
    records_by_source: dict[str, dict[str, list[Record]]] = field(default_factory=dict)
    # Per source: each section heading's anchor, and the records that cite that section.
    section_anchors: dict[str, dict[str, str]] = field(default_factory=dict)
    records_by_section: dict[str, dict[str, list[Record]]] = field(default_factory=dict)
    organizations_by_country: dict[str, list[Organization]] = field(default_factory=dict)
    organizations_by_parent: dict[str, list[Organization]] = field(default_factory=dict)
    frameworks_by_parent: dict[str, list[Framework]] = field(default_factory=dict)
    frameworks_by_organization: dict[str, list[Framework]] = field(default_factory=dict)

    @classmethod
    def build(cls, records: list[Record | Vocabulary]) -> Dataset:
        data = cls()
        tables = {
            "practice": data.practices,
            "country": data.countries,
            "framework": data.frameworks,
            "organization": data.organizations,
            "source": data.sources,
            "vocabulary": data.vocabularies,
        }
        for record in sorted(records, key=lambda r: r.id):
            tables[record.kind][record.id] = record
        data._derive()
        return data

    # --- lookups used by the pages ---------------------------------------------------------

    def term(self, vocabulary: str, term_id: str) -> VocabularyTerm:
        return self._terms[vocabulary][term_id]

    def component(self, framework_id: str, component_id: str):
        return next(c for c in self.frameworks[framework_id].components if c.id == component_id)

    def terms(self, vocabulary: str) -> list[VocabularyTerm]:
        return self.vocabularies[vocabulary].terms

    def table(self, kind: str) -> dict[str, Record]:
        return {
            "practice": self.practices,
            "country": self.countries,
            "framework": self.frameworks,
            "organization": self.organizations,
            "source": self.sources,
        }[kind]


    # --- derivation ------------------------------------------------------------------------

    def _derive(self) -> None:
        self._terms = {
            name: {term.id: term for term in vocabulary.terms} for name, vocabulary in self.vocabularies.items()
        }
        by_country = defaultdict(list)
        by_organization = defaultdict(list)
        links_by_framework: dict = defaultdict(lambda: defaultdict(list))
        by_lens: dict = {lens.id: {"primary": [], "secondary": []} for lens in self.terms("lenses")}
        related = defaultdict(list)
        for practice in self.practices.values():
            for code in dict.fromkeys([*practice.countries, *(city.country for city in practice.cities)]):
                by_country[code].append(practice)
            for actor in practice.actors:
                by_organization[actor.organization].append(RoleLink(practice, actor.role))
            for link in practice.frameworks:
                links_by_framework[link.framework][link.component].append(ComponentLink(practice, link))
            by_lens[practice.lenses.primary.lens]["primary"].append(practice)
            for secondary in practice.lenses.secondary:
                by_lens[secondary.lens]["secondary"].append(practice)
            for relation in practice.related:
                term = self.term("relations", relation.relation)
                related[practice.id].append(RelationLink(self.practices[relation.practice], term.label))
                inverse = term.inverse or term.label
                related[relation.practice].append(RelationLink(practice, inverse))
        by_source: dict = defaultdict(lambda: defaultdict(list))
        for kind in CITING_KINDS:
            for record in self.table(kind).values():
                for source_id in dict.fromkeys(
                    ref.value for ref in references(record)
                    if isinstance(ref.target, RefTo) and ref.target.kind == "source"
                ):
                    by_source[source_id][kind].append(record)
        organizations_by_country = defaultdict(list)
        organizations_by_parent = defaultdict(list)
        for organization in self.organizations.values():
            if organization.country:
                organizations_by_country[organization.country].append(organization)
            if organization.parent:
                organizations_by_parent[organization.parent].append(organization)
        frameworks_by_parent = defaultdict(list)
        frameworks_by_organization = defaultdict(list)
        for framework in self.frameworks.values():
            if framework.parent:
                frameworks_by_parent[framework.parent].append(framework)
            for organization in framework.organizations:
                frameworks_by_organization[organization].append(framework)
        self.practices_by_country = dict(by_country)
        self.practices_by_organization = dict(by_organization)
        self.links_by_framework = {key: dict(value) for key, value in links_by_framework.items()}
        # The validator refuses a link given twice, so each practice stands once per component.
        self.practices_by_framework = {
            framework: {component: [link.practice for link in links] for component, links in by_component.items()}
            for framework, by_component in self.links_by_framework.items()
        }
        self.practices_by_lens = by_lens
        self.related_links = dict(related)
        self.records_by_source = {key: dict(value) for key, value in by_source.items()}
        self.section_anchors = {source.id: section_anchors(source.sections) for source in self.sources.values()}
        by_section: dict = defaultdict(lambda: defaultdict(dict))
        for kind in CITING_KINDS:
            for record in self.table(kind).values():
                for citation in citations_in(record):
                    heading = section_of(self.sources[citation.source].sections, citation.locator)
                    if heading is not None:
                        by_section[citation.source][heading][(record.kind, record.id)] = record
        self.records_by_section = {
            source: {heading: list(records.values()) for heading, records in headings.items()}
            for source, headings in by_section.items()
        }
        self.organizations_by_country = dict(organizations_by_country)
        self.organizations_by_parent = dict(organizations_by_parent)
        self.frameworks_by_parent = dict(frameworks_by_parent)
        self.frameworks_by_organization = dict(frameworks_by_organization)

    def section_anchor(self, citation: Citation) -> str | None:
        """The anchor, on its source's page, of the section a citation names (None if none)."""
        heading = section_of(self.sources[citation.source].sections, citation.locator)
        return self.section_anchors[citation.source][heading] if heading is not None else None

    def practices_in_lens(self, lens: str) -> list[Practice]:
        """Every practice with `lens` as its primary or a secondary lens."""
        groups = self.practices_by_lens[lens]
        return sorted([*groups["primary"], *groups["secondary"]], key=lambda p: p.title.lower())

    @property
    def counted_practices(self) -> list[Practice]:
        """The practices a count counts: all but the cautionary examples, which the sources give
        as policy to learn from, not to follow."""
        return self.counted(self.practices.values())

    @staticmethod
    def counted(practices) -> list[Practice]:
        return [practice for practice in practices if practice.cautionary is None]

    def lenses_of(self, practice: Practice) -> list[str]:
        return [practice.lenses.primary.lens, *(s.lens for s in practice.lenses.secondary)]
