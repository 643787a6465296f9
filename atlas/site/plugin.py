"""The atlas plugin: owns one build of the site. It loads the data, gives every record its page,
adds the further pages of long indexes, the data the explorer and the map fetch, the exports and
redirects, marks what search indexes and, once the site is written, indexes it.

Registered as the `atlas` entry point of `mkdocs.plugins` (pyproject.toml) and listed under
`plugins:` in mkdocs.yml; ProperDocs runs it the same way. All the build's state is on the
plugin's `site` (a `SiteBuild`), made anew in each `on_config`; the macros of hand-written pages
read it from there.
"""

from __future__ import annotations

import json

from mkdocs.exceptions import PluginError
from mkdocs.config import base, config_options
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel

from atlas.site import explorer, practice_form, publishing, search_index, theme_parts, whitespace, worldmap
from atlas.site.index_pages import page_file
from atlas.site.pages import PAGE_KINDS
from atlas.site.previews import preview_of
from atlas.site.record_page import RecordPage
from atlas.site.redirects import redirect_files
from atlas.site.repository import Repository
from atlas.site.site_build import SiteBuild

# The source of every record page: a placeholder. RecordPage renders the page from the record
# instead, so record text never enters page source and mkdocs-macros' Jinja never sees it (these
# pages have no `render_macros`).
PAGE_SOURCE = "<!-- {kind} {id}: rendered by atlas/site/record_page.py -->\n"
# The indexes that go on on further pages past `index_page_size` records (the practices' index
# links at most `list_cap` practices instead), and the source of each further page: the same macro
# as the index's own page (docs/<folder>/index.md), for its page `number`. Search leaves them out:
# each record they list is found on its own page.
INDEXED_KINDS = ("country", "framework", "organization", "source")
INDEX_PAGE_SOURCE = """---
description: "{title} of the atlas, page {number} of {pages}."
render_macros: true
search:
  exclude: true
---
# {title}, page {number} of {pages}

{{{{ record_index("{kind}", {number}) }}}}
"""


class AtlasConfig(base.Config):
    # The GitHub repository the site is built from: its edit links and error reports go there.
    repository = config_options.Type(str)
    branch = config_options.Type(str, default="main")
    # Practice links a page lists at most, in all; past it, lists are cut and link the explorer.
    list_cap = config_options.Type(int, default=100)
    # Records an index page (countries, frameworks, organizations, sources) lists at most; past
    # it, the index goes on on pages index/2/, index/3/... (atlas/site/index_pages.py).
    index_page_size = config_options.Type(int, default=200)


class AtlasPlugin(BasePlugin[AtlasConfig]):
    def __init__(self):
        super().__init__()
        self._site: SiteBuild | None = None

    @property
    def site(self) -> SiteBuild:
        if self._site is None:
            raise PluginError("the atlas data is not loaded yet: the plugin's on_config has not run")
        return self._site

    def on_config(self, config):
        if not config.use_directory_urls:
            raise PluginError("record pages link each other as <folder>/<id>/: keep use_directory_urls on")
        try:
            repository = Repository(self.config.repository, self.config.branch)
        except ValueError as error:
            raise PluginError(f"plugins > atlas > repository in mkdocs.yml: {error}") from None
        # Material's "Edit this page" on hand-written pages; record pages edit their YAML file.
        config.edit_uri = repository.docs_edit_uri
        self._site = SiteBuild(config, repository, self.config.list_cap, self.config.index_page_size)
        # Shown in the footer of every page (overrides/partials/copyright.html).
        config.extra["atlas_data_version"] = self._site.publication.version.label
        return config

    def on_files(self, files, config):
        site = self.site
        for page_kind in PAGE_KINDS.values():
            for record_id, record in page_kind.records(site.data).items():
                generated = File.generated(
                    config,
                    f"{page_kind.folder}/{record_id}.md",
                    content=PAGE_SOURCE.format(kind=page_kind.kind, id=record_id),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
                RecordPage(generated, config, page_kind, record, site.renderer, site.repository)  # becomes generated.page
                files.append(generated)
        for kind in INDEXED_KINDS:
            page_kind = PAGE_KINDS[kind]
            for number in range(2, len(site.index_pages(kind)) + 1):
                files.append(File.generated(
                    config, f"{page_kind.folder}/{page_file(number)}",
                    content=INDEX_PAGE_SOURCE.format(title=page_kind.title, kind=kind, number=number,
                                                     pages=len(site.index_pages(kind))),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                ))
        for redirect in redirect_files(config, site.redirects):
            files.append(redirect)
        files.append(File.generated(config, explorer.JSON_PATH, content=explorer.explorer_json(site.data)))
        # The countries index's map fetches its drawing, whose links are written for that page.
        drawing = site.renderer.html_block("world-map-drawing.html.j2", **site.world_map, root="../")
        files.append(File.generated(config, f"{PAGE_KINDS['country'].folder}/{worldmap.DRAWING_FILE}",
                                    content=json.dumps({"drawing": str(drawing)}, ensure_ascii=False)))
        files.append(File.generated(config, practice_form.JSON_PATH,
                                    content=practice_form.form_json(site.data, site.repository)))
        return publishing.add_files(files, config, site.data, site.publication)

    def on_env(self, env, config, files):
        env.globals["atlas_preview"] = lambda page: preview_of(page, config)
        env.globals["atlas_search_kind"] = search_index.kind_label
        return theme_parts.install(env)

    def on_page_context(self, context, page, config, nav):
        # A record page's HTML is made just before the theme renders it: its only copy while
        # the page is written.
        if isinstance(page, RecordPage):
            page.write_content()
            page.content = search_index.mark_sections(page.content, page.page_kind.folder)
        return context

    def on_post_page(self, output, page, config):
        # The page is written once this returns and nothing reads its HTML again: free it, or a
        # build holds every page of the site in memory until it ends (about 25 KB a page: some
        # 475 MB at 10,000 practices). Measured at 10,000 practices: without it the build takes
        # 4 to 7 % more CPU time (213.1 s against 204.4 and 199.8 s for two builds with it).
        # (Not its source: the navigation of later pages takes its title from there.)
        page.content = None
        return whitespace.strip_indentation(output)

    def on_post_build(self, config):
        try:
            search_index.index_site(config.site_dir)
        except RuntimeError as error:
            raise PluginError(str(error)) from None
