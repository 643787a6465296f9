"""What each page shows: the context of every page kind, computed in Python, rendered by its template.

`PAGE_KINDS` lists the generated page kinds (folder, template, how to list its records and how to
build one record's context); the MkDocs hook and the macros both read it, so a page kind is
declared once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markdown.extensions.toc import slugify
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from atlas.model.dataset import Dataset
from atlas.model.records import CITING_KINDS, Country, Framework, Organization, Practice, Source, VocabularyTerm
from atlas.site.capped_lists import capped
from atlas.site.country_profile import Neighbourhoods
from atlas.site.framework_view import FrameworkView
from atlas.site.html_blocks import make_html_environment, render_block
from atlas.site.templating import make_environment, make_page_environment


@dataclass(frozen=True)
class LensCount:
    """How many practices a lens covers, said the same way on every page: all of them (primary or
    secondary lens) and those with it as their primary lens."""

    all: int
    primary: int

    def __str__(self) -> str:
        return f"{self.all} in all, {self.primary} primary"


def lens_count(data: Dataset, lens_id: str, practices=None) -> LensCount:
    """The count of `lens_id` among `practices` (default: every practice); cautionary examples are
    listed with the practices, never counted among them."""
    practices = data.counted_practices if practices is None else data.counted(practices)
    with_lens = [p for p in practices if lens_id in data.lenses_of(p)]
    return LensCount(len(with_lens), sum(1 for p in with_lens if p.lenses.primary.lens == lens_id))


def _by_title(records):
    return sorted(records, key=lambda record: record.label.lower())


def practice_context(site: PageRenderer, record: Practice) -> dict:
    data = site.data
    return {"related": data.related_links.get(record.id, [])}


def country_context(site: PageRenderer, record: Country) -> dict:
    data = site.data
    practices = _by_title(data.practices_by_country.get(record.id, []))
    lenses = data.terms("lenses")
    by_lens = capped([
        ([(p, p.lenses.primary.lens == lens.id) for p in practices if lens.id in data.lenses_of(p)],
         {"country": record.id, "lens": lens.id})
        for lens in lenses
    ], site.list_cap)
    lens_counts = {lens.id: lens_count(data, lens.id, practices) for lens in data.terms("lenses")}
    organization_ids = dict.fromkeys(
        [*(o.id for o in data.organizations_by_country.get(record.id, [])),
         *(actor.organization for p in practices for actor in p.actors)]
    )
    framework_ids = dict.fromkeys(link.framework for p in practices for link in p.frameworks)
    organizations = _by_title(data.organizations[i] for i in organization_ids)
    frameworks = _by_title(data.frameworks[i] for i in framework_ids)
    # Two fifths of the cap each: past it, the explorer on the country's practices lists every
    # organization and framework among its filters, with its count (at 10,000 practices a country
    # page listed 56 and 69 of them: 61 KB; 50 of each: 61.8 KB; 40 of each, and three shared
    # records named per neighbour: 59.5 KB).
    [organization_list, framework_list] = [
        capped([(records, {"country": record.id})], site.list_cap * 2 // 5)[0] for records in (organizations, frameworks)]
    return {
        "practices": practices,
        "counted": data.counted(practices),
        "practices_by_lens": {lens.id: group for lens, group in zip(lenses, by_lens)},
        "lens_counts": lens_counts,
        "neighbours": site.neighbourhoods.of(record),
        "organizations": organizations,
        "frameworks": frameworks,
        "organization_list": organization_list,
        "framework_list": framework_list,
    }


def framework_context(site: PageRenderer, record: Framework) -> dict:
    data = site.data
    # Each practice a framework page lists comes with its reason and passage, some 650 bytes: 40
    # of the 100 other pages list keep it under 60 KB (the PCMD and SDG pages: 97 and 82 KB with
    # 100, 64 and 66 KB with 50).
    view = FrameworkView(data, record, site.list_cap * 2 // 5)
    return {"view": view, "children": _by_title(data.frameworks_by_parent.get(record.id, []))}


def organization_context(site: PageRenderer, record: Organization) -> dict:
    data = site.data
    links = data.practices_by_organization.get(record.id, [])
    by_role = [
        (role, _by_title({link.practice.id: link.practice for link in links if link.role == role.id}.values()))
        for role in data.terms("actor-roles")
    ]
    groups = [(f"role-{role.id}", role.label, practices, {"organization": record.id})
              for role, practices in by_role if practices]
    if sum(len(practices) for *_, practices, _ in groups) > site.list_cap:
        # The explorer filters by organization, not by its role: cut lists group by lens instead,
        # which it can show exactly.
        practices = _by_title({link.practice.id: link.practice for link in links}.values())
        groups = [(lens.id, lens.label, [p for p in practices if lens.id in data.lenses_of(p)],
                   {"organization": record.id, "lens": lens.id}) for lens in data.terms("lenses")]
        groups = [group for group in groups if group[2]]
    cut = capped([(practices, where) for *_, practices, where in groups], site.list_cap)
    return {
        "grouped_by": "role" if not groups or groups[0][0].startswith("role-") else "lens",
        "practice_groups": [(anchor, label, group) for (anchor, label, *_), group in zip(groups, cut)],
        "frameworks": _by_title(data.frameworks_by_organization.get(record.id, [])),
        "members": _by_title(data.organizations_by_parent.get(record.id, [])),
    }


def source_context(site: PageRenderer, record: Source) -> dict:
    data = site.data
    supported = {kind: _by_title(items) for kind, items in data.records_by_source.get(record.id, {}).items()}
    kinds = [("practice", "Practices"), ("country", "Countries"), ("framework", "Frameworks"),
             ("organization", "Organizations")]
    cited_in_sections = [item for cited in data.records_by_section.get(record.id, {}).values() for item in cited]
    # Past the cap, sections count the records citing them instead of linking them (the explorer
    # cannot filter by section). The lists of the records drawn from the document, below them,
    # share one and a half times the cap, kind by kind (at most the cap of practices): a cut list
    # of practices links the explorer on all of them, a cut list of another kind points to the
    # data files (every record with the documents it cites). At 10,000 practices, lists of 100 of
    # each kind made a source page 81 KB; of 200 in all, 61 KB.
    link_in_sections = len(cited_in_sections) <= site.list_cap
    lists = dict(zip((kind for kind, _ in kinds), capped(
        [(supported.get(kind, []), {"source": record.id} if kind == "practice" else {}) for kind, _ in kinds],
        site.list_cap * 3 // 2)))
    lists["practice"] = capped([(supported.get("practice", []), {"source": record.id})],
                               min(site.list_cap, lists["practice"].shown_count))[0]
    return {"supported": supported, "kinds": kinds, "lists": lists,
            "link_in_sections": link_in_sections}




def coverage_context(data: Dataset) -> dict:
    """For each source document, how many records of each kind cite it (the Sources page)."""
    rows = [
        (source, {kind: len(data.records_by_source.get(source.id, {}).get(kind, [])) for kind in CITING_KINDS})
        for source in data.sources.values()
    ]
    totals = {kind: len(PAGE_KINDS[kind].records(data)) for kind in CITING_KINDS}
    return {"rows": rows, "kinds": CITING_KINDS, "totals": totals,
            "total_figures": sum(len(source.figures) for source in data.sources.values())}


def lens_context(site: PageRenderer, lens: VocabularyTerm) -> dict:
    data = site.data
    groups = data.practices_by_lens[lens.id]
    primary_ids = {p.id for p in groups["primary"]}
    practices = data.practices_in_lens(lens.id)
    by_mechanism = [
        (mechanism, [(p, p.id in primary_ids) for p in practices if mechanism.id in p.mechanisms])
        for mechanism in data.terms("mechanisms")
    ]
    by_mechanism = [(mechanism, items) for mechanism, items in by_mechanism if items]
    cut = capped([(items, {"lens": lens.id, "mechanism": mechanism.id}) for mechanism, items in by_mechanism],
                 site.list_cap)
    return {
        "lens": lens,
        "practices": practices,
        "primary_count": len(primary_ids),
        "count": lens_count(data, lens.id),
        "groups": [(mechanism, group) for (mechanism, _), group in zip(by_mechanism, cut)],
    }


@dataclass(frozen=True)
class PageKind:
    kind: str
    folder: str
    title: str  # of the index page
    records: Callable[[Dataset], dict]
    context: Callable[[PageRenderer, object], dict]  # what its template shows of one record


PAGE_KINDS: dict[str, PageKind] = {
    kind.kind: kind
    for kind in (
        PageKind("practice", "practices", "Practices", lambda d: d.practices, practice_context),
        PageKind("country", "countries", "Countries", lambda d: d.countries, country_context),
        PageKind("framework", "frameworks", "Frameworks", lambda d: d.frameworks, framework_context),
        PageKind("organization", "organizations", "Organizations", lambda d: d.organizations, organization_context),
        PageKind("source", "sources", "Sources", lambda d: d.sources, source_context),
        PageKind("lens", "lenses", "Lenses", lambda d: {t.id: t for t in d.terms("lenses")}, lens_context),
    )
}


class PageRenderer:
    """Renders record pages and the building blocks of hand-written pages for one data set."""

    def __init__(self, data: Dataset, cite_block: Callable, improve_links: Callable, list_cap: int = 100):
        self.data = data
        self.list_cap = list_cap  # practice links a page lists at most, in all (atlas/site/capped_lists.py)
        self.environment = make_environment(data)
        self.page_environment = make_page_environment(data, cite_block, improve_links)
        self.html_environment = make_html_environment()
        self.neighbourhoods = Neighbourhoods(data)

    def record_page(self, kind: str, record_id: str) -> str:
        """The HTML of a record's page (its content: the theme adds the rest)."""
        return self.record_page_and_headings(kind, record_id)[0]

    def record_page_and_headings(self, kind: str, record_id: str) -> tuple[str, list[tuple[int, str, str]]]:
        """The HTML of a record's page, and its headings in order (level, anchor, title)."""
        headings = self.page_environment.globals["heading"]
        page_kind = PAGE_KINDS[kind]
        record = page_kind.records(self.data)[record_id]
        template = self.page_environment.get_template(f"{kind}.html.j2")
        context = page_kind.context(self, record)
        # The title's anchor is its slug, as Python-Markdown's toc extension would make it...
        # Material's own elements have ids that start with "__" (__config, __drawer, __search):
        # a title such as "__config" would take one and stop the theme's scripts.
        title_id = slugify(record.label, "-").lstrip("_-") or "title"
        try:
            written = headings.start()
            page = template.render(record=record, title_id=title_id, **context)
            if page.count(f' id="{title_id}"') > 1:  # ...unless a section's fixed anchor has it.
                written = headings.start()
                page = template.render(record=record, title_id=f"{title_id}-title", **context)
        except RecursionError:
            # The validator bounds nesting; this is the last line of defence, should Markdown
            # find another construct it renders by recursion.
            raise PluginError(
                f"the {kind} '{record_id}' (data/{page_kind.folder}/{record_id}.yaml) has text nested too "
                "deeply to render: flatten its lists, quotes and emphasis"
            ) from None
        return page, written

    def html_block(self, template_name: str, **context) -> Markup:
        """A raw HTML block a hand-written page embeds whole (the explorer, the world map)."""
        return render_block(self.html_environment, template_name, **context)

    def block(self, template_name: str, **context) -> Markup:
        """A template for part of a hand-written page (an index, the home page's lens cards)."""
        return Markup(self.environment.get_template(f"{template_name}.md.j2").render(**context))


def _countries_of(data: Dataset, practice: Practice) -> str:
    return ", ".join(data.countries[code].name for code in practice.countries)


def index_groups(data: Dataset, kind: str) -> list[tuple[str, str, list]]:
    """The groups an index page lists its records in, each record with a short detail line."""
    if kind == "practice":
        return [
            (f"{lens.label}: {lens_count(data, lens.id)}", lens.id,
             [(p, _countries_of(data, p)) for p in _by_title(data.practices_by_lens[lens.id]["primary"])])
            for lens in data.terms("lenses")
        ]
    if kind == "country":
        grouping, vocabulary = (lambda c: c.region), "regions"
        detail = lambda c: f"{(n := len(data.practices_by_country.get(c.id, [])))} practice{'' if n == 1 else 's'}"  # noqa: E731
    elif kind == "framework":
        grouping, vocabulary = (lambda f: f.framework_kind), "framework-kinds"
        detail = lambda f: f"{len(f.components)} components" if f.components else ""  # noqa: E731
    elif kind == "organization":
        grouping, vocabulary = (lambda o: o.organization_kind), "organization-kinds"
        detail = lambda o: ", ".join(o.aliases)  # noqa: E731
    else:
        return [("Source documents", "documents", [(s, f"{s.id}, {s.year}") for s in data.sources.values()])]
    records = _by_title(PAGE_KINDS[kind].records(data).values())
    groups = [
        (term.label, term.id, [(r, detail(r)) for r in records if grouping(r) == term.id])
        for term in data.terms(vocabulary)
    ]
    return [group for group in groups if group[2]]
