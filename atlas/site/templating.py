"""The two Jinja environments that turn records into pages.

- `make_page_environment`: record pages (a practice, a country...), written as HTML that MkDocs
  takes as it is: no Markdown pass, which would cost more than the rest of the page's build.
  Jinja's HTML autoescaping escapes every `{{ value }}` that is not already `Markup` (sanitized
  prose, or a link built from a validated id).
- `make_environment`: blocks of Markdown for hand-written pages (index lists, the home page...).
  `finalize` escapes every value for Markdown with `escape_markdown`.

Records are only ever template *data*: no record text becomes template source.
"""

from __future__ import annotations

from pathlib import Path

import re

import jinja2
from markupsafe import Markup, escape

from atlas.model.dataset import Dataset, citations_in
from atlas.publish import citation as citation_formats
from atlas.model.records import ID_PATTERN, KINDS
from atlas.model.web_address import display_host
from atlas.site import search_index
from atlas.site.framework_view import LINK_KINDS
from atlas.site.text import ProseRenderer, SourceMarker, escape_markdown

TEMPLATES = Path(__file__).parent / "templates"
PAGE_TEMPLATES = TEMPLATES / "pages"
# Where a record page sits: `<folder>/<id>/index.html` (MkDocs' use_directory_urls).
_TAG = re.compile(r"<[^>]+>")
PAGE_ROOT = "../../"


def _format_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def document_date(value: str) -> str:
    """A source's date as a reader writes it: "2018-12" -> "December 2018", "2017-11-01" ->
    "1 November 2017", "2013" -> "2013"."""
    parts = str(value).split("-")
    if len(parts) >= 2 and all(part.isdigit() for part in parts) and 1 <= int(parts[1]) <= 12:
        month = f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return f"{int(parts[2])} {month}" if len(parts) == 3 else month
    return str(value)


def path_segment(identifier: str) -> Markup:
    """A validated id used as part of a link target or an HTML id; anything else is a bug."""
    if not ID_PATTERN.fullmatch(identifier):
        raise ValueError(f"not an id: {identifier!r}")
    return Markup(identifier)


CAUTIONARY_BADGE = Markup(' <span class="atlas-badge atlas-badge--cautionary">Cautionary example</span>')


def badge(record) -> Markup:
    """What a list shows after a record's link: a cautionary example says it is one, wherever it is listed."""
    return CAUTIONARY_BADGE if getattr(record, "cautionary", None) else Markup("")


def make_environment(dataset: Dataset) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # One environment per build (made in on_config): no need to stat each template file
        # again on every get_template and `{% import %}`, thousands of times per build.
        auto_reload=False,
        # The output is Markdown: finalize escapes each value for it; autoescape only makes macro
        # output Markup so that it is not escaped twice.
        autoescape=True,
        finalize=escape_markdown,
        undefined=jinja2.StrictUndefined,
        # Markdown headings carry `{#anchor}` attribute lists, so Jinja comments need other marks.
        comment_start_string="<#--",
        comment_end_string="--#>",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def path_of(record, root: str = "../", anchor: str | None = None) -> Markup:
        """Relative link target of a record's page; MkDocs checks it exists and rewrites it."""
        folder = record.folder if hasattr(record, "folder") else KINDS[record].folder
        target = f"{root}{folder}/{record.id}.md"
        return Markup(target + (f"#{anchor}" if anchor else ""))

    def anchor(identifier: str) -> Markup:
        """The attribute list that gives a Markdown heading a stable id."""
        return Markup("{#" + path_segment(identifier) + "}")

    environment.filters.update(anchor=anchor, path_segment=path_segment, path=path_of, badge=badge)
    environment.globals.update(
        data=dataset,
        term=dataset.term,
        terms=dataset.terms,
    )
    return environment


class Headings:
    """The `heading(level, anchor, text)` of record page templates: a heading with its fixed anchor
    and a ¶ permalink beside it (the markup Material styles on every page), noted as it is written,
    so that a page's table of contents is made from the headings it has (`start` before a page)."""

    _HTML = Markup('<h{0} id="{1}">{2}<a class="headerlink" href="#{1}" title="Permanent link to this section">'
                   "&para;</a></h{0}>\n")

    def __init__(self):
        self.written: list[tuple[int, str, str]] = []  # level, anchor, title as HTML without tags

    def start(self) -> list[tuple[int, str, str]]:
        self.written = []
        return self.written

    def __call__(self, level: int, anchor: str, text) -> Markup:
        html = self._HTML.format(level, anchor, text)
        self.written.append((level, str(escape(anchor)), _TAG.sub("", str(escape(text)))))
        return html


def make_page_environment(dataset: Dataset, cite_block, improve_links) -> jinja2.Environment:
    """`cite_block(record)` gives what a record page's "Cite this page" section shows;
    `improve_links(record)`, where to edit its file and report an error in it (or None)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PAGE_TEMPLATES),
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def url(record, anchor: str | None = None) -> Markup:
        """Relative address of a record's page from another record page."""
        target = f"{PAGE_ROOT}{record.folder}/{path_segment(record.id)}/"
        return Markup(target + (f"#{path_segment(anchor)}" if anchor else ""))

    # The pieces every page uses dozens of times are Python, not Jinja macros, whose calls were a
    # large share of a page's rendering in the profile. Markup.format escapes every argument that
    # is not already Markup.
    def link(record, anchor: str | None = None) -> Markup:
        return Markup('<a href="{}">{}</a>{}').format(url(record, anchor), record.label, badge(record))

    def citation(cite) -> Markup:
        """The source, linked to the section the locator names on the source's page."""
        source = dataset.sources[cite.source]
        # Named by its short title: its short id ("002") is editors' shorthand, on its own page.
        return Markup('<a href="{}">{}</a>, {}').format(
            url(source, dataset.section_anchor(cite)), source.short_title, cite.locator)

    def term_labels(vocabulary: str, ids) -> str:
        return ", ".join(dataset.term(vocabulary, term_id).label for term_id in ids)

    def evidence(record) -> list:
        """The source documents a record rests on, each once, in the order it first cites them."""
        return [dataset.sources[source_id] for source_id in dict.fromkeys(c.source for c in citations_in(record))]

    environment.globals.update(evidence=evidence, document_formats=citation_formats.document_formats)
    country_names = frozenset(name for country in dataset.countries.values()
                              for name in (country.name, *country.aliases))
    environment.filters.update(
        document_date=document_date,
        host=display_host,
        url=url,
        path_segment=path_segment,
        prose=ProseRenderer({
            source.id: SourceMarker(url(source), source.marker, source.short_title)
            for source in dataset.sources.values()
        }),
        number=_format_number,
    )
    environment.globals.update(
        data=dataset,
        term=dataset.term,
        terms=dataset.terms,
        root=Markup(PAGE_ROOT),
        link=link,
        badge=badge,
        heading=Headings(),
        citation=citation,
        term_labels=term_labels,
        cite_block=cite_block,
        improve_links=improve_links,
        link_kinds=LINK_KINDS,
        # A kind's noun, singular and plural: its records' folder is the plural ("countries").
        kind_nouns={kind: (kind, record_type.folder) for kind, record_type in KINDS.items()},
        title_weight=search_index.title_weight,
        names_field=lambda record: search_index.names_field(record, country_names),
    )
    # The shared macros, made once: an `{% import %}` in each template would make them again for
    # every page.
    environment.globals["parts"] = environment.get_template("_parts.html.j2").module
    return environment
