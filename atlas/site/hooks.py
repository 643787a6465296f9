"""MkDocs hooks: load the data, give every record its page, keep the search index lean, write pages.

Listed under `hooks:` in mkdocs.yml. MkDocs puts this folder first on sys.path while it loads the
file, so no module in this folder may be named like a library.
"""

from __future__ import annotations

import gc

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from atlas.site import build, explorer, publishing, search_index, theme_fixes, theme_parts, whitespace
from atlas.site.pages import PAGE_KINDS
from atlas.site.record_page import RecordPage
from atlas.site.redirects import redirect_files

# The source of every record page: a placeholder. RecordPage renders the page from the record
# instead, so record text never enters page source and mkdocs-macros' Jinja never sees it (these
# pages have no `render_macros`).
PAGE_SOURCE = "<!-- {kind} {id}: rendered by atlas/site/record_page.py -->\n"


def on_config(config):
    if not config.use_directory_urls:
        raise PluginError("record pages link each other as <folder>/<id>/: keep use_directory_urls on")
    build.start(config.config_file_path)
    publishing.start(config)
    # The data set stays as it is until the build ends: keep the garbage collector from scanning
    # its hundreds of thousands of objects again at each collection (unfrozen in on_post_build).
    gc.freeze()


def on_files(files, config):
    data = build.renderer().data
    for page_kind in PAGE_KINDS.values():
        for record_id, record in page_kind.records(data).items():
            generated = File.generated(
                config,
                f"{page_kind.folder}/{record_id}.md",
                content=PAGE_SOURCE.format(kind=page_kind.kind, id=record_id),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            RecordPage(generated, config, page_kind, record)  # becomes generated.page
            files.append(generated)
    for redirect in redirect_files(config, build.redirects()):
        files.append(redirect)
    files.append(File.generated(config, explorer.JSON_PATH, content=explorer.explorer_json(data)))
    return publishing.add_files(files, config)


def on_env(env, config, files):
    return theme_parts.install(env)


# The search plugin indexes page.content in its on_page_context (priority 0). A record page's HTML
# is made just before (its only copy while the page is written), the plugin is shown only its
# searchable part, and the whole page is put back right after, before the theme renders it.
@event_priority(100)
def _write_record_page(context, page, config, nav):
    if isinstance(page, RecordPage):
        page.write_content()
        page.set_aside = page.content
        page.content = search_index.searchable(page.content, page.page_kind.folder)
    return context


@event_priority(-100)
def _put_record_page_back(context, page, config, nav):
    if isinstance(page, RecordPage) and page.set_aside is not None:
        page.content, page.set_aside = search_index.unmarked(page.set_aside), None
    return context


on_page_context = CombinedEvent(_write_record_page, _put_record_page_back)


def on_post_page(output, page, config):
    # The page is written once this returns and nothing reads its HTML again: free it, or a build
    # holds every page of the site in memory until it ends. (Not its source: the navigation of
    # later pages takes its title from there.)
    page.content = None
    return whitespace.strip_indentation(theme_fixes.fix_page(output))


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config):
    gc.unfreeze()
    search = config.plugins.get("material/search")
    if search is not None:
        search_index.make_lean(search.search_index.entries, search.search_index.config["fields"])


def on_build_error(error):
    gc.unfreeze()
