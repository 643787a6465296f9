"""Long lists of practices, cut so that a page stays small however large the atlas grows.

A page that lists practices links at most `limit` of them in all (the plugin's `list_cap`, 100 by
default). Below that, every list is whole. Above it, each group keeps a fair share: every group
gets the same number of links, or all of its own if it has fewer, and the links left over go one
by one to the largest groups. A group that is cut says how many more it has and links to the
explorer filtered on exactly that group, where a reader finds all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlencode

Item = TypeVar("Item")


def shares(sizes: Sequence[int], limit: int) -> list[int]:
    """How many items of each group to show, at most `limit` in all: the same number for every
    group (all of a smaller group's), the rest to the largest groups first."""
    if sum(sizes) <= limit:
        return list(sizes)
    low, high = 0, max(sizes)
    while low < high:  # the largest even share that fits
        middle = (low + high + 1) // 2
        if sum(min(size, middle) for size in sizes) <= limit:
            low = middle
        else:
            high = middle - 1
    shown = [min(size, low) for size in sizes]
    left = limit - sum(shown)
    for index in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        if left == 0:
            break
        if sizes[index] > shown[index]:
            shown[index] += 1
            left -= 1
    return shown


@dataclass(frozen=True)
class CappedGroup(Generic[Item]):
    """One group of a page's list: all its items, how many the page shows, and the explorer's
    query that shows exactly the group."""

    items: Sequence[Item]
    shown_count: int
    explorer_query: str

    @property
    def shown(self) -> Sequence[Item]:
        return self.items[:self.shown_count]

    @property
    def more(self) -> int:
        return len(self.items) - self.shown_count


def capped(groups: Sequence[tuple[Sequence[Item], dict[str, str]]], limit: int) -> list[CappedGroup[Item]]:
    """`groups` as (items, explorer filter) pairs, cut to at most `limit` items in all. A filter
    maps the explorer's parameters to values ({"country": "mda", "lens": "vertical"})."""
    counts = shares([len(items) for items, _ in groups], limit)
    return [CappedGroup(items, count, urlencode(where)) for (items, where), count in zip(groups, counts)]
