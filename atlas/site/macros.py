"""The macros hand-written pages call, registered with mkdocs-macros; record pages are rendered by
the atlas plugin (plugin.py).

Each macro takes the current build's `SiteBuild` first; `define_env` binds it to the plugin's, so
a page calls `{{ home() }}`. Each returns escaped Markdown or HTML.
"""

from __future__ import annotations

import functools

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from atlas.publish import changelog

from atlas.publish import export
from atlas.site.author_macros import AUTHOR_MACROS
from atlas.site.browse_macros import MACROS as BROWSE_MACROS
from atlas.site.capped_lists import capped
from atlas.site.data_reference import data_reference_context
from atlas.site.index_pages import page_link, starts
from atlas.site.pages import PAGE_KINDS, coverage_context, index_groups, lens_count
from atlas.site.repository import REPORT_FORM, SUGGEST_FORM
from atlas.site.site_build import SiteBuild


def record_index(site: SiteBuild, kind: str, page: int = 1) -> Markup:
    """The records of `kind`, grouped, for its index page; past the plugin's `index_page_size`
    records, page `page` of the index (index_pages.py), the first saying where each group starts."""
    records = PAGE_KINDS[kind].records(site.data)
    noun = PAGE_KINDS[kind].title.lower()
    if kind == "practice":  # at most list_cap links; a cut lens links the explorer on its practices
        # A practice group's label already says its lens count (pages.LensCount).
        cautionary = len(records) - len(site.data.counted_practices)
        groups = index_groups(site.data, kind)
        cut = capped([(items, {"primary": anchor}) for _, anchor, items in groups], site.renderer.list_cap)
        return site.renderer.block(
            "index", groups=[(label, anchor, group.shown, group) for (label, anchor, _), group in zip(groups, cut)],
            total=len(records) - cautionary, noun=noun, cautionary=cautionary)
    pages = site.index_pages(kind)
    if not 1 <= page <= len(pages):
        raise ValueError(f"the index of {noun} has {len(pages)} page(s); there is no page {page}")
    return site.renderer.block(
        "index_page", groups=pages[page - 1], starts=starts(pages) if page == 1 and len(pages) > 1 else [],
        page=page, pages=len(pages), page_link=lambda number: Markup(page_link(number, page)),
        root=Markup("../" if page == 1 else "../../"), total=len(records), noun=noun)


def home(site: SiteBuild, root: str = "") -> Markup:
    """Lens cards and record counts, for a page at the top (root "") or one folder down ("../")."""
    if root not in ("", "../"):
        raise ValueError("home() takes root '' or '../'")
    data = site.data
    lenses = [(lens, lens_count(data, lens.id)) for lens in data.terms("lenses")]
    counts = {kind: len(page_kind.records(data)) for kind, page_kind in PAGE_KINDS.items()}
    counts["practice"] = len(data.counted_practices)
    counts["cautionary"] = len(data.practices) - counts["practice"]
    return site.renderer.block("home", lenses=lenses, counts=counts, root=Markup(root))


def source_coverage(site: SiteBuild) -> Markup:
    """The table of records per source document and kind, for the Sources page."""
    return site.renderer.block("coverage", **coverage_context(site.data))


def data_reference(site: SiteBuild) -> Markup:
    """Every field of every record kind, from the model, for the Data reference page."""
    return site.renderer.block("data_reference", **data_reference_context(site.data))


def data_downloads(site: SiteBuild) -> Markup:
    """The table of export files on the Data page (a page at the top of docs/)."""
    current = site.publication
    kinds = [(PAGE_KINDS[kind].title, Markup(PAGE_KINDS[kind].folder), len(site.data.table(kind)))
             for kind in export.RECORD_KINDS]
    # The tables of one kind each have their row above; the rest link records to one another.
    one_kind = {page_kind.folder for page_kind in PAGE_KINDS.values()} | {"terms"}
    link_tables = [(table.title, table.name) for table in export.tables(current) if table.name not in one_kind]
    return site.renderer.block("data", kinds=kinds, link_tables=link_tables, version=current.version,
                               license=export.DATA_LICENSE, code_license=export.CODE_LICENSE)


def changelog_days(site: SiteBuild) -> Markup:
    """The records added, changed and removed, day by day, on the Changelog page."""
    current = site.publication
    return site.renderer.block("changelog", days=changelog.days(current.history, site.data),
                               available=current.history.available, limit=changelog.DAYS_SHOWN)


def repository_link(site: SiteBuild, target: str) -> Markup:
    """An address in the site's repository, for the Contribute pages: `report` and `suggest` (the
    issue forms), `new-practice` (GitHub's new-file page in data/practices), `contributing`."""
    repository = site.repository
    targets = {
        "report": lambda: repository.issue_form_url(REPORT_FORM),
        "suggest": lambda: repository.issue_form_url(SUGGEST_FORM),
        "new-practice": lambda: repository.new_file_url("data/practices"),
        "contributing": lambda: repository.file_url("CONTRIBUTING.md"),
    }
    if target not in targets:
        raise ValueError(f"repository_link takes one of {', '.join(targets)}; got {target!r}")
    return Markup(targets[target]())


MACROS = (record_index, repository_link, home, source_coverage, data_reference, data_downloads, changelog_days, *BROWSE_MACROS)


def define_env(env) -> None:
    plugin = env.conf.plugins.get("atlas")
    if plugin is None:
        raise PluginError("the macros read the atlas plugin's data: list `- atlas` under `plugins:` in mkdocs.yml")
    for macro in MACROS:
        env.macro(_bound_to(plugin, macro), macro.__name__)
    for macro in AUTHOR_MACROS:
        env.macro(_bound_to(plugin, macro, lambda: _root_of(env.page)), macro.__name__)


def _bound_to(plugin, macro, *more):
    @functools.wraps(macro)
    def call(*args, **kwargs):
        return macro(plugin.site, *(value() for value in more), *args, **kwargs)
    return call


def _root_of(page) -> str:
    """From the folder of the page's Markdown file to the top of docs/ ("", "../", "../../")."""
    return "../" * page.file.src_uri.count("/")
