"""What a country's profile adds to its record: the countries it shares frameworks or organizations with.

Two countries are neighbours in the data when practices in both relate to the same framework or
involve the same organization. Neighbours are ranked by how much they share.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..dataset import Dataset
from ..model import Country, Record

MAX_NEIGHBOURS = 12


@dataclass(frozen=True)
class Neighbour:
    country: Country
    shared: list[Record]  # frameworks first, then organizations, each by title


def _ties(data: Dataset, code: str) -> list[Record]:
    practices = data.practices_by_country.get(code, [])
    frameworks = dict.fromkeys(link.framework for p in practices for link in p.frameworks)
    organizations = dict.fromkeys(actor.organization for p in practices for actor in p.actors)
    return [*(data.frameworks[i] for i in frameworks), *(data.organizations[i] for i in organizations)]


# The ties of every country, computed once per data set (each country page reads them).
_computed: tuple[Dataset, dict[str, list[Record]], dict[tuple[str, str], list[str]]] | None = None


def _all_ties(data: Dataset):
    global _computed
    if _computed is None or _computed[0] is not data:
        ties = {code: _ties(data, code) for code in data.countries}
        by_record = defaultdict(list)  # (kind, id) -> countries tied to it
        for code, records in ties.items():
            for record in records:
                by_record[(record.kind, record.id)].append(code)
        _computed = (data, ties, dict(by_record))
    return _computed[1], _computed[2]


def neighbours(data: Dataset, country: Country) -> list[Neighbour]:
    ties, by_record = _all_ties(data)
    shared = defaultdict(list)
    for record in ties.get(country.id, []):
        for code in by_record[(record.kind, record.id)]:
            if code != country.id:
                shared[code].append(record)
    ranked = sorted(shared.items(), key=lambda item: (-len(item[1]), data.countries[item[0]].name.lower()))
    return [
        Neighbour(data.countries[code], sorted(records, key=lambda r: (r.kind != "framework", r.label.lower())))
        for code, records in ranked[:MAX_NEIGHBOURS]
    ]
