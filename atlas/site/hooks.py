"""MkDocs hooks: load the data, generate one page per record, and title those pages safely.

Listed under `hooks:` in mkdocs.yml. MkDocs puts this folder first on sys.path while it loads the
file, so no module in this folder may be named like a library.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from atlas.site import build, explorer, publishing, search_index, theme_fixes
from atlas.site.pages import PAGE_KINDS
from atlas.site.redirects import redirect_files

# The page source of every generated page: a placeholder, replaced in on_page_markdown by the
# page our own templates render from the record (after mkdocs-macros, which skips these pages:
# no `render_macros`). Record text never enters page source, so mkdocs-macros' Jinja never sees
# it, and no page source is compiled as a template (that cost ~10 ms a page).
PAGE_SOURCE = "<!-- {kind} {id}: rendered by atlas/site/hooks.py -->\n"


def on_config(config):
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
    return theme_fixes.fix_page(output)


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
        # Plain str: Markup would escape whatever Python-Markdown concatenates to it.
        return str(build.renderer().record_page(page_kind.kind, record.id))
    return markdown


def _record_of(page):
    parts = page.file.src_uri.removesuffix(".md").split("/")
    if len(parts) != 2 or not page.file.generated_by:
        return None, None
    for page_kind in PAGE_KINDS.values():
        if page_kind.folder == parts[0]:
            return page_kind, page_kind.records(build.renderer().data).get(parts[1])
    return None, None
