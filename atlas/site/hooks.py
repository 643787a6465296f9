"""MkDocs hooks: load the data, generate one page per record, and title those pages safely.

Listed under `hooks:` in mkdocs.yml. MkDocs puts this folder first on sys.path while it loads the
file, so no module in this folder may be named like a library.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from atlas.site import build, explorer, publishing, record_html, search_index, theme_fixes, whitespace
from atlas.site.pages import PAGE_KINDS
from atlas.site.redirects import redirect_files

# The page source of every generated page: a placeholder. Our templates render the page as HTML
# in on_page_markdown, which hands Python-Markdown an empty page instead, and on_page_content puts
# the HTML in its place. Record text never enters page source, so mkdocs-macros' Jinja never sees
# it (these pages have no `render_macros`), and no record page pays for a Markdown pass.
PAGE_SOURCE = "<!-- {kind} {id}: rendered by atlas/site/hooks.py -->\n"

# Record pages rendered in on_page_markdown, waiting for on_page_content: src_uri -> (folder, HTML).
_rendered: dict[str, tuple[str, str]] = {}
# Record pages' full HTML while the search plugin reads only their searchable part: src_uri -> HTML.
_set_aside: dict[str, str] = {}


def on_config(config):
    if not config.use_directory_urls:
        raise PluginError("record pages link each other as <folder>/<id>/: keep use_directory_urls on")
    build.start(config.config_file_path)
    publishing.start(config)


def on_files(files, config):
    data = build.renderer().data
    for page_kind in PAGE_KINDS.values():
        for record_id in page_kind.records(data):
            generated = File.generated(
                config,
                f"{page_kind.folder}/{record_id}.md",
                content=PAGE_SOURCE.format(kind=page_kind.kind, id=record_id),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            files.append(generated)
    for redirect in redirect_files(config, build.redirects()):
        files.append(redirect)
    files.append(File.generated(config, explorer.JSON_PATH, content=explorer.explorer_json(data)))
    return publishing.add_files(files, config)


def on_post_page(output, page, config):
    # The page is written once this returns and nothing reads its HTML again: free it, or a build
    # holds every page of the site in memory until it ends. (Not its source: the navigation of
    # later pages takes its title from there.)
    page.content = None
    return whitespace.strip_indentation(theme_fixes.fix_page(output))


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.is_file():
        search_index.rewrite(index_file)


def on_page_markdown(markdown, page, config, files):
    page_kind, record = _record_of(page)
    if record is not None:
        # The theme prints page titles unescaped, and mkdocs-macros renders a title containing
        # "{{" as a template: store the title HTML-escaped, braces included.
        title = html.escape(record.label).replace("{", "&#123;").replace("}", "&#125;")
        page.meta["title"] = title
        # "Edit this page" opens the record's YAML file, not a page that exists only in the build.
        repository_edit = config.edit_uri.removesuffix("/").removesuffix("docs")
        data_file = f"{record.folder}/{record.id}" if hasattr(record, "folder") else "vocabularies/lenses"
        page.edit_url = f"{repository_edit}data/{data_file}.yaml"
        _rendered[page.file.src_uri] = (page_kind.folder, build.renderer().record_page(page_kind.kind, record.id))
        return ""
    return markdown


def on_page_content(html, page, config, files):
    if page.file.src_uri not in _rendered:
        return html
    folder, rendered = _rendered.pop(page.file.src_uri)
    page.toc = record_html.table_of_contents(rendered)
    page.present_anchor_ids = record_html.anchor_ids(rendered)
    _set_aside[page.file.src_uri] = rendered
    return search_index.searchable(rendered, folder)


# The search plugin indexes page.content in its on_page_context (priority 0). A record page's
# content holds only its searchable part until then; the whole page is put back right after,
# before the theme renders it.
@event_priority(-100)
def on_page_context(context, page, config, nav):
    if page.file.src_uri in _set_aside:
        page.content = search_index.unmarked(_set_aside.pop(page.file.src_uri))
    return context


def _record_of(page):
    parts = page.file.src_uri.removesuffix(".md").split("/")
    if len(parts) != 2 or not page.file.generated_by:
        return None, None
    for page_kind in PAGE_KINDS.values():
        if page_kind.folder == parts[0]:
            return page_kind, page_kind.records(build.renderer().data).get(parts[1])
    return None, None
