"""What one build of the site knows: the data, the renderer of its pages, its publication (canonical
URLs, data version, record dates) and the redirects of renamed records.

Made by the plugin in `on_config`, once per build: `mkdocs serve` makes a new one for each rebuild,
so every rebuild sees the data as it is now. Nothing here lives longer than its build.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from atlas.publish import export

from atlas.publish import history
from atlas.loader import load
from atlas.read.problems import report_lines
from atlas.site import publishing, worldmap
from atlas.site.index_pages import IndexGroup, split
from atlas.site.pages import PageRenderer, index_groups
from atlas.site.repository import Repository


def data_dir(config_file: str) -> Path:
    """`ATLAS_DATA` points a build at another data folder (tests, benchmarks); default: ./data."""
    return Path(os.environ.get("ATLAS_DATA") or Path(config_file).parent / "data")


class SiteBuild:
    def __init__(self, config, repository: Repository, list_cap: int = 100, index_page_size: int = 200):
        folder = data_dir(config.config_file_path)
        result = load(folder, shown_as="data")
        if result.problems:
            listing = "\n".join(report_lines(result.problems))
            raise PluginError(
                f"{len(result.problems)} problem(s) in the data; nothing was built:\n{listing}\n"
                "Run `make validate` to see them again."
            )
        self.data = result.dataset
        self.redirects: dict[str, dict[str, str]] = result.published.redirect_map() if result.published else {}
        version, record_history = history.read(folder)
        site_url = config.site_url or "/"
        self.publication = export.Publication(
            site_url=site_url if site_url.endswith("/") else site_url + "/",
            site_name=config.site_name,
            description=(config.site_description or "").strip(),
            version=version,
            history=record_history,
        )
        self.repository = repository
        self.renderer = PageRenderer(
            self.data, cite_block=functools.partial(publishing.cite_block, self.publication, self.data),
            improve_links=self.improve_links, list_cap=list_cap)
        self.index_page_size = index_page_size
        self._index_pages: dict[str, list] = {}

    @functools.cached_property
    def world_map(self) -> dict:
        """What the map's frame and its drawing show, worked out once: both read the same placing."""
        return worldmap.map_context(self.data)

    def index_pages(self, kind: str) -> list[list[IndexGroup]]:
        """The pages of the index of `kind` (countries, frameworks, organizations, sources), each
        the part of each group it lists; a single page up to `index_page_size` records. The practices'
        index is never split: it links at most `list_cap` practices (capped_lists.py)."""
        if kind not in self._index_pages:
            self._index_pages[kind] = split(index_groups(self.data, kind), self.index_page_size)
        return self._index_pages[kind]

    def improve_links(self, record) -> tuple[str, str] | None:
        """Where a reader edits a record's file and reports an error in it (None: not a record)."""
        if not hasattr(record, "folder"):
            return None
        return (self.repository.edit_url(f"data/{record.folder}/{record.id}.yaml"),
                self.repository.report_url(self.publication.url(record), f"{record.kind}/{record.id}", record.label))
