"""What a country's profile adds to its record: the countries it shares frameworks or organizations with.

Two countries are neighbours in the data when practices in both relate to the same framework or
involve the same organization. Neighbours are ranked by how much they share.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from atlas.model.dataset import Dataset
from atlas.model.records import Country, Record

MAX_NEIGHBOURS = 12
# Of the records two countries share, a page names this many (the rest as "and N more").
SHARED_SHOWN = 3


@dataclass(frozen=True)
class Neighbour:
    country: Country
    shared: list[Record]  # the first SHARED_SHOWN: frameworks first, then organizations, each by title
    shared_count: int


def _order(record: Record) -> tuple[bool, str]:
    return record.kind != "framework", record.label.lower()


class Neighbourhoods:
    """The neighbours of every country of one data set, indexed once for all country pages.

    Records tied to the same set of countries count alike, so they are counted as one group: the
    work is the sum over groups of the group's countries squared, not over records (a practice with
    3,000 organizations and every country is one group).
    """

    def __init__(self, data: Dataset):
        self.data = data

    @cached_property
    def _ties(self) -> dict[str, list[Record]]:
        """Each country's frameworks and organizations, through its practices, in display order."""
        data = self.data
        ties = {}
        for code in data.countries:
            practices = data.practices_by_country.get(code, [])
            frameworks = dict.fromkeys(link.framework for p in practices for link in p.frameworks)
            organizations = dict.fromkeys(actor.organization for p in practices for actor in p.actors)
            records = [*(data.frameworks[i] for i in frameworks), *(data.organizations[i] for i in organizations)]
            ties[code] = sorted(records, key=_order)
        return ties

    @cached_property
    def _countries_of(self) -> dict[tuple[str, str], frozenset[str]]:
        tied = defaultdict(set)
        for code, records in self._ties.items():
            for record in records:
                tied[(record.kind, record.id)].add(code)
        return {key: frozenset(codes) for key, codes in tied.items()}

    @cached_property
    def _groups_of(self) -> dict[str, Counter]:
        """For each country, the country sets of its ties with how many ties have each set."""
        groups = defaultdict(Counter)
        for code, records in self._ties.items():
            for record in records:
                groups[code][self._countries_of[(record.kind, record.id)]] += 1
        return groups

    def of(self, country: Country) -> list[Neighbour]:
        shared_counts = Counter()
        for codes, count in self._groups_of.get(country.id, {}).items():
            for code in codes:
                shared_counts[code] += count
        shared_counts.pop(country.id, None)
        names = self.data.countries
        ranked = heapq.nsmallest(MAX_NEIGHBOURS, shared_counts.items(),
                                 key=lambda item: (-item[1], names[item[0]].name.lower()))
        return [Neighbour(names[code], self._first_shared(country.id, code), count) for code, count in ranked]

    def _first_shared(self, code: str, other: str) -> list[Record]:
        shown = []
        for record in self._ties[code]:
            if other in self._countries_of[(record.kind, record.id)]:
                shown.append(record)
                if len(shown) == SHARED_SHOWN:
                    break
        return shown
