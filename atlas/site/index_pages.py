"""An index page (countries, frameworks, organizations, sources) split into pages of a bounded
number of records, so that it stays small however large the atlas grows.

Below `size` records an index is one page, as it always was. Past it, the records, in the order of
their groups, are cut into pages of `size`: the first stays at the index's own URL
(`organizations/`) and says where each group starts; the others follow it (`organizations/index/2/`:
`index` is a reserved id, so no record's page can take that address). A group that goes on from
one page to the next says so on both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Entry = TypeVar("Entry")


@dataclass(frozen=True)
class IndexGroup(Generic[Entry]):
    """The part of one group that one page lists."""

    label: str
    anchor: str
    entries: Sequence[Entry]
    total: int  # records of the group, on all pages
    continued: bool  # it began on the page before
    continues: bool  # it goes on on the next page


@dataclass(frozen=True)
class GroupStart:
    """Where a group begins, for the summary on the first page."""

    label: str
    anchor: str
    total: int
    page: int


def page_file(number: int) -> str:
    """The Markdown file of page `number` of an index, from the folder of its kind."""
    return "index.md" if number == 1 else f"index/{number}.md"


def page_link(number: int, on_page: int) -> str:
    """A Markdown link target from page `on_page` of an index to its page `number`."""
    return page_file(number) if on_page == 1 else f"../{page_file(number)}"


def split(groups: Sequence[tuple[str, str, Sequence[Entry]]], size: int) -> list[list[IndexGroup[Entry]]]:
    """`groups` as (label, anchor, entries), cut into pages of at most `size` entries in all."""
    if size < 1:
        raise ValueError("an index page lists at least one record")
    pages: list[list[IndexGroup[Entry]]] = [[]]
    room = size
    for label, anchor, entries in groups:
        start = 0
        while start < len(entries):
            if room == 0:
                pages.append([])
                room = size
            end = min(len(entries), start + room)
            pages[-1].append(IndexGroup(label, anchor, entries[start:end], len(entries),
                                        continued=start > 0, continues=end < len(entries)))
            room -= end - start
            start = end
    return pages


def starts(pages: Sequence[Sequence[IndexGroup]]) -> list[GroupStart]:
    """Each group once, with the page it begins on (counted from 1)."""
    return [GroupStart(group.label, group.anchor, group.total, number)
            for number, page in enumerate(pages, start=1) for group in page if not group.continued]
