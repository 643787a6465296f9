"""What makes the site citable: canonical URLs, the data version, record dates, cite blocks, the data
exports and the changelog feed, for the current build.

`start()` runs in `on_config` after the data is loaded (git is asked once per build there);
`add_files()` runs in `on_files` and adds the exports and the feed as generated files, so that
links to them are checked like any other link and `mkdocs serve` serves them too.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from mkdocs.structure.files import File, InclusionLevel

from .. import changelog, citation, export, history
from ..model import KINDS, Record, Source
from . import build
from .pages import PAGE_KINDS

_publication: export.Publication | None = None


@dataclass(frozen=True)
class CiteBlock:
    """Everything the cite section of a record page shows."""

    url: str  # from the configured site_url and a validated id
    formats: list[tuple[str, str]]  # tab label, the citation in that format (plain text)
    sources: list[tuple[Source, str]]  # each source document and its reference
    last_changed: datetime.date | None
    version: str


def start(config) -> export.Publication:
    global _publication
    renderer = build.renderer()
    version, record_history = history.read(build.data_dir(config.config_file_path))
    site_url = config.site_url or "/"
    _publication = export.Publication(
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        site_name=config.site_name,
        description=(config.site_description or "").strip(),
        version=version,
        history=record_history,
    )
    # Shown in the footer of every page (overrides/partials/copyright.html).
    config.extra["atlas_data_version"] = version.label
    renderer.page_environment.globals.update(cite_block=cite_block)
    return _publication


def publication() -> export.Publication:
    if _publication is None:
        raise RuntimeError("publishing.start() has not run")
    return _publication


def add_files(files, config):
    """The data exports and the changelog feed, as files of the site. Each is written straight
    into the site folder as soon as it is made (MkDocs has emptied it by now, and skips copying a
    file onto itself): kept in memory until the end of the build, the exports would grow its peak
    memory with the data (about 17 MB per 1,000 practices)."""
    data = build.renderer().data
    current = publication()
    feed = changelog.atom_feed(changelog.days(current.history, data), current.site_url, current.site_name)
    folders = set()
    for path, content in itertools.chain(export.files(data, current), [("changelog/feed.xml", feed)]):
        written = Path(config.site_dir, path)
        if written.parent not in folders:
            written.parent.mkdir(parents=True, exist_ok=True)
            folders.add(written.parent)
        written.write_text(content, encoding="utf-8")
        files.append(File.generated(config, path, abs_src_path=str(written), inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def cite_block(record: Record) -> CiteBlock:
    current = publication()
    data = build.renderer().data
    reference = citation.Reference(
        key=f"atlas-{record.folder}-{record.id}",
        title=record.label,
        url=current.url(record),
        site=current.site_name,
        author=f"{current.site_name} contributors",
        version=current.version.short,
        date=current.version.date,
    )
    source_ids = [record.id] if isinstance(record, Source) else list(dict.fromkeys(c.source for c in record.sources))
    return CiteBlock(
        url=current.url(record),
        formats=citation.formats(reference),
        sources=[(data.sources[i], citation.source_document(data.sources[i])) for i in source_ids],
        last_changed=current.last_changed(record),
        version=current.version.label,
    )


# --- macros of the Data and Changelog pages ------------------------------------------------------


def data_downloads() -> Markup:
    """The table of export files on the Data page (a page at the top of docs/)."""
    renderer = build.renderer()
    current = publication()
    kinds = [(PAGE_KINDS[kind].title, kind_folder(kind), len(renderer.data.table(kind))) for kind in export.RECORD_KINDS]
    tables = [(table.title, table.name) for table in export.tables(current)]
    return renderer.block("data", kinds=kinds, tables=tables, version=current.version,
                          license=export.DATA_LICENSE, code_license=export.CODE_LICENSE)


def changelog_days() -> Markup:
    """The records added, changed and removed, day by day, on the Changelog page."""
    renderer = build.renderer()
    current = publication()
    return renderer.block("changelog", days=changelog.days(current.history, renderer.data),
                          available=current.history.available, limit=changelog.DAYS_SHOWN)


def kind_folder(kind: str) -> Markup:
    return Markup(KINDS[kind].folder)
