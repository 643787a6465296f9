"""What changed in the data, day by day, from the git history: for the changelog page and its Atom feed.

Pure functions, no MkDocs. A record that no longer exists is listed by its id without a link; the
feed is built with ElementTree, which escapes every text it writes.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from atlas.model.dataset import Dataset
from atlas.publish.history import History
from atlas.model.records import FOLDERS, RECORD_TYPES, Record

ATOM = "http://www.w3.org/2005/Atom"
_RECORD_FOLDER_ORDER = tuple(cls.folder for cls in RECORD_TYPES)
DAYS_SHOWN = 30


@dataclass(frozen=True)
class Entry:
    """A record named in the changelog: the record if it still exists, else its folder and id."""

    folder: str
    id: str
    record: Record | None

    @property
    def label(self) -> str:
        return self.record.label if self.record else f"{self.folder}/{self.id}"


@dataclass
class Day:
    date: datetime.date
    added: list[Entry] = field(default_factory=list)
    changed: list[Entry] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return self.date.isoformat()

    def groups(self) -> list[tuple[str, list[Entry]]]:
        return [(name, entries) for name, entries in
                (("Added", self.added), ("Changed", self.changed), ("Removed", self.removed)) if entries]

    def groups_by_folder(self) -> list[tuple[str, list[tuple[str, list[Entry]]]]]:
        """Each group split by record folder, in the site's order (practices first)."""
        order = list(_RECORD_FOLDER_ORDER)
        result = []
        for name, entries in self.groups():
            folders = sorted({e.folder for e in entries}, key=order.index)
            # By the name a reader sees (a country's, not its code); records gone, by their id.
            result.append((name, [(folder, sorted((e for e in entries if e.folder == folder),
                                                   key=lambda e: e.label.casefold()))
                                  for folder in folders]))
        return result


def days(history: History, data: Dataset, limit: int = DAYS_SHOWN) -> list[Day]:
    """The newest `limit` days on which records changed, newest first. Within a day a record is
    listed once: added if it was added that day, removed if it no longer exists, else changed."""
    by_date: dict[datetime.date, dict[tuple[str, str], str]] = {}
    for commit in history.commits:  # newest first
        statuses = by_date.setdefault(commit.date.date(), {})
        for change in commit.changes:
            key = (change.folder, change.id)
            if change.status == "added" or key not in statuses:
                statuses[key] = change.status
    result = []
    for date in sorted(by_date, reverse=True)[:limit]:
        day = Day(date)
        for (folder, record_id), status in sorted(by_date[date].items(), key=lambda item: item[0]):
            record = data.table(FOLDERS[folder].kind).get(record_id)
            entry = Entry(folder, record_id, record)
            if record is None:
                day.removed.append(entry)
            elif status == "added":
                day.added.append(entry)
            else:
                day.changed.append(entry)
        result.append(day)
    return result


def atom_feed(days_: list[Day], site_url: str, site_name: str) -> str:
    """An Atom 1.0 feed with one entry per day, linking to that day on the changelog page."""
    ET.register_namespace("", ATOM)
    page = f"{site_url}changelog/"

    def sub(parent, tag, text=None, **attributes):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = _xml_text(text) if text is not None else None
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "title", f"{site_name}: changes to the data")
    sub(feed, "id", page)
    sub(feed, "link", href=f"{page}feed.xml", rel="self", type="application/atom+xml")
    sub(feed, "link", href=page, rel="alternate", type="text/html")
    sub(feed, "author").append(_named(f"{site_name} contributors"))
    newest = days_[0].date if days_ else datetime.date(1970, 1, 1)
    sub(feed, "updated", _timestamp(newest))
    for day in days_:
        entry = sub(feed, "entry")
        counts = ", ".join(f"{len(entries)} {name.lower()}" for name, entries in day.groups())
        sub(entry, "title", f"{day.date.isoformat()}: {counts}")
        sub(entry, "id", f"{page}#{day.anchor}")
        sub(entry, "link", href=f"{page}#{day.anchor}", rel="alternate", type="text/html")
        sub(entry, "updated", _timestamp(day.date))
        lines = [f"{name}: " + "; ".join(e.label for e in entries) for name, entries in day.groups()]
        sub(entry, "summary", "\n".join(lines), type="text")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _named(name: str) -> ET.Element:
    element = ET.Element(f"{{{ATOM}}}name")
    element.text = _xml_text(name)
    return element


def _xml_text(text: str) -> str:
    """Drops the characters XML 1.0 cannot carry at all (ElementTree would write them as they are)."""
    return "".join(
        ch for ch in text
        if ch in "\t\n\r" or ("\x20" <= ch <= "\ud7ff") or ("\ue000" <= ch <= "\ufffd") or ch >= "\U00010000"
    )


def _timestamp(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
