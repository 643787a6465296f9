"""What makes the site citable: cite blocks, the data exports and the changelog feed of one build.

The build's `Publication` (canonical URLs, data version, record dates) is made with its
`SiteBuild`; `add_files()` runs in `on_files` and adds the exports and the feed as generated files,
so that links to them are checked like any other link and `mkdocs serve` serves them too.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from atlas.publish import changelog

from atlas.publish import citation

from atlas.publish import export
from atlas.model.dataset import Dataset
from atlas.model.records import Record, Source


@dataclass(frozen=True)
class CiteBlock:
    """Everything the cite section of a record page shows."""

    url: str  # from the configured site_url and a validated id
    formats: list[tuple[str, str]]  # tab label, the citation in that format (plain text)
    sources: list[tuple[Source, str]]  # each source document and its reference
    last_changed: datetime.date | None
    version: str


def add_files(files, config, data: Dataset, current: export.Publication):
    """The data exports and the changelog feed, as files of the site. Each is written straight
    into the site folder as soon as it is made (MkDocs has emptied it by now, and skips copying a
    file onto itself): kept in memory until the end of the build, the exports would grow its peak
    memory with the data (about 17 MB per 1,000 practices)."""
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


def cite_block(current: export.Publication, data: Dataset, record: Record) -> CiteBlock:
    reference = citation.Reference(
        key=f"atlas-{record.folder}-{record.id}",
        title=record.label,
        url=current.url(record),
        site=current.site_name,
        author=f"{current.site_name} contributors",
        version=current.version.short,
        date=current.version.date,
        accessed=datetime.date.today(),
    )
    source_ids = [record.id] if isinstance(record, Source) else list(dict.fromkeys(c.source for c in record.sources))
    return CiteBlock(
        url=current.url(record),
        formats=citation.formats(reference),
        sources=[(data.sources[i], citation.source_document(data.sources[i])) for i in source_ids],
        last_changed=current.last_changed(record),
        version=current.version.label,
    )
