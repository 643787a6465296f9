"""What the cross-record checks read: the whole data set indexed once (ids by kind, terms,
framework components), with "did you mean" suggestions and problems placed at their line."""

from __future__ import annotations

import bisect
import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from atlas.model.records import Framework, Vocabulary
from atlas.read.problems import Problem, field_path

if TYPE_CHECKING:
    from atlas.read.loaded_file import LoadedFile


class Index:
    """What the checks need to know about the whole data set, built once."""

    def __init__(self, files: Iterable[LoadedFile], unreadable: Iterable[tuple[str, str]] = ()):
        self.files = list(files)
        self.kinds_of: dict[str, set[str]] = defaultdict(set)
        for kind, identifier in unreadable:
            self.kinds_of[identifier].add(kind)
        self.terms: dict[str, set[str]] = {}
        self.components: dict[str, set[str]] = {}
        for item in self.files:
            record = item.record
            if isinstance(record, Vocabulary):
                self.terms[record.id] = {term.id for term in record.terms}
                continue
            self.kinds_of[record.id].add(record.kind)
            if isinstance(record, Framework):
                self.components[record.id] = {component.id for component in record.components}

        self._nearest_names: dict[tuple, NearestNames] = {}

    def ids_of(self, kind: str) -> list[str]:
        return [identifier for identifier, kinds in self.kinds_of.items() if kind in kinds]

    def nearest(self, value: str, among: tuple, names: Callable[[], Iterable[str]]) -> str:
        """"did you mean …?" for `value` among the names `among` stands for (indexed on first use)."""
        if among not in self._nearest_names:
            self._nearest_names[among] = NearestNames(names())
        close = self._nearest_names[among].near(value)
        return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ""

    def problem(self, item: LoadedFile, location: tuple, code: str, message: str, hint: str) -> Problem:
        position = item.parsed.position(location)
        return Problem(item.path, position.line, position.column, code, field_path(location), message, hint)


class NearestNames:
    """Close matches for a misspelt name, comparing it with a bounded number of the names.

    Comparing with every name costs names × problems (a 5,000-term vocabulary and 600 unknown
    terms took minutes): a typo keeps either the start or the end of the name, so the candidates
    are the names next to it in alphabetical order, forwards and backwards.
    """

    WINDOW = 40  # names on each side, in each order

    def __init__(self, names: Iterable[str]):
        self.forwards = sorted(names)
        self.backwards = sorted(name[::-1] for name in self.forwards)

    def near(self, value: str) -> list[str]:
        candidates = set(self._around(self.forwards, value))
        candidates.update(name[::-1] for name in self._around(self.backwards, value[::-1]))
        return difflib.get_close_matches(value, sorted(candidates), n=3, cutoff=0.6)

    def _around(self, names: list[str], value: str) -> list[str]:
        at = bisect.bisect_left(names, value)
        return names[max(0, at - self.WINDOW): at + self.WINDOW]
