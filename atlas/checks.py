"""Checks that look across records: references resolve, vocabularies exist, codes are real.

Each check is a small function with a stable problem code, registered in `CHECKS`; `run_all`
runs every one of them over records that already passed their own validation.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import pycountry

from .model import KINDS, REQUIRED_VOCABULARIES, Framework, RefTo, TermOf, Vocabulary
from .problems import Problem, field_path
from .references import references

if TYPE_CHECKING:
    from .loader import LoadedFile

Check = Callable[["Index"], Iterator[Problem]]


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

    def ids_of(self, kind: str) -> list[str]:
        return [identifier for identifier, kinds in self.kinds_of.items() if kind in kinds]

    def problem(self, item: LoadedFile, location: tuple, code: str, message: str, hint: str) -> Problem:
        position = item.parsed.position(location)
        return Problem(item.path, position.line, position.column, code, field_path(location), message, hint)


def _nearest(value: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(candidates), n=3, cutoff=0.6)
    return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def check_references(index: Index) -> Iterator[Problem]:
    """unknown-reference / wrong-reference-type / unknown-term: every id and term must exist."""
    for item in index.files:
        for ref in references(item.record):
            if isinstance(ref.target, TermOf):
                terms = index.terms.get(ref.target.vocabulary)
                if terms is not None and ref.value not in terms:
                    yield index.problem(
                        item, ref.location, "unknown-term",
                        f"'{ref.value}' is not a term of the vocabulary '{ref.target.vocabulary}'",
                        f"{_nearest(ref.value, terms)} allowed: {', '.join(sorted(terms))}".strip(),
                    )
                continue
            kind = ref.target.kind
            kinds = index.kinds_of.get(ref.value, set())
            if kind in kinds:
                continue
            if kinds:
                yield index.problem(
                    item, ref.location, "wrong-reference-type",
                    f"'{ref.value}' is {' and '.join(_a(k) for k in sorted(kinds))}, not {_a(kind)}",
                    f"use the id of a {kind} record here",
                )
            else:
                hint = _nearest(ref.value, index.ids_of(kind)) or f"create data/{KINDS[kind].folder}/{ref.value}.yaml first"
                yield index.problem(item, ref.location, "unknown-reference",
                                    f"no {kind} has the id '{ref.value}'", hint)


def check_components(index: Index) -> Iterator[Problem]:
    """unknown-component: a practice may point at a framework component only if it exists."""
    for item in index.files:
        for position, link in enumerate(getattr(item.record, "frameworks", None) or []):
            components = index.components.get(link.framework)
            if link.component is None or components is None or link.component in components:
                continue
            listed = ", ".join(sorted(components)) or "none"
            yield index.problem(
                item, ("frameworks", position, "component"), "unknown-component",
                f"framework '{link.framework}' has no component '{link.component}'",
                f"{_nearest(link.component, components)} its components: {listed}".strip(),
            )


def check_unique_within(index: Index) -> Iterator[Problem]:
    """duplicate-id: component ids within a framework and term ids within a vocabulary."""
    for item in index.files:
        record = item.record
        members = ("components", record.components) if isinstance(record, Framework) else (
            ("terms", record.terms) if isinstance(record, Vocabulary) else (None, []))
        seen: dict[str, int] = {}
        for number, member in enumerate(members[1]):
            if member.id in seen:
                yield index.problem(item, (members[0], number, "id"), "duplicate-id",
                                    f"'{member.id}' is used twice in this list (also item {seen[member.id]})",
                                    "give each item its own id")
            seen[member.id] = number


def check_vocabularies_present(index: Index) -> Iterator[Problem]:
    """missing-vocabulary: every vocabulary the model refers to must exist as a data file."""
    for name in REQUIRED_VOCABULARIES:
        if name not in index.terms:
            yield Problem(f"data/vocabularies/{name}.yaml", 1, 1, "missing-vocabulary", "",
                          f"the vocabulary '{name}' is missing", "restore the file from the repository")


def check_country_codes(index: Index) -> Iterator[Problem]:
    """bad-country-code: a country's id is its ISO 3166-1 alpha-3 code, lowercased."""
    for item in index.files:
        if getattr(item.record, "kind", None) != "country":
            continue
        code = item.record.id
        if pycountry.countries.get(alpha_3=code.upper()) is None:
            found = None
            try:
                found = pycountry.countries.lookup(code)
            except LookupError:
                pass
            hint = f"the code for {found.name} is '{found.alpha_3.lower()}'" if found else \
                "use the lowercase ISO 3166-1 alpha-3 code, e.g. 'mda' for Moldova"
            yield index.problem(item, ("id",), "bad-country-code",
                                f"'{code}' is not an ISO 3166-1 alpha-3 country code", hint)


def check_no_self_reference(index: Index) -> Iterator[Problem]:
    """self-reference: a record may not relate to or be part of itself (a source record's own
    figures do cite that source, which is fine)."""
    for item in index.files:
        if item.record.kind == "source":
            continue
        for ref in references(item.record):
            if isinstance(ref.target, RefTo) and ref.target.kind == item.record.kind and ref.value == item.record.id:
                yield index.problem(item, ref.location, "self-reference",
                                    "the record refers to itself", "point at another record")


# Inclusion criteria (docs/contribute/inclusion-criteria.md) that a program can check.
MIN_SUMMARY_LENGTH = 60
MIN_REASON_LENGTH = 20


def check_summary_length(index: Index) -> Iterator[Problem]:
    """summary-too-short: a practice or framework is explained in at least a full sentence."""
    for item in index.files:
        record = item.record
        if record.kind in ("practice", "framework") and len(record.summary.strip()) < MIN_SUMMARY_LENGTH:
            yield index.problem(
                item, ("summary",), "summary-too-short",
                f"the summary has {len(record.summary.strip())} characters; at least "
                f"{MIN_SUMMARY_LENGTH} are needed",
                "say in your own words what it is, who runs it and what it does",
            )


def check_lens_reasons(index: Index) -> Iterator[Problem]:
    """repeated-lens / reason-too-short: each lens appears once and comes with a real reason."""
    for item in index.files:
        lenses = getattr(item.record, "lenses", None)
        if lenses is None:
            continue
        assignments = [(("lenses", "primary"), lenses.primary)] + [
            (("lenses", "secondary", number), assignment) for number, assignment in enumerate(lenses.secondary)
        ]
        seen: set[str] = set()
        for location, assignment in assignments:
            if assignment.lens in seen:
                yield index.problem(
                    item, location + ("lens",), "repeated-lens",
                    f"the lens '{assignment.lens}' is given more than once",
                    "give each lens once: the primary lens is not repeated among the secondary ones",
                )
            seen.add(assignment.lens)
            if len(assignment.reason) < MIN_REASON_LENGTH:
                yield index.problem(
                    item, location + ("reason",), "reason-too-short",
                    f"the reason has {len(assignment.reason)} characters; at least {MIN_REASON_LENGTH} "
                    "are needed",
                    "say in a short sentence why the record illustrates this lens",
                )


CHECKS: tuple[Check, ...] = (
    check_references,
    check_components,
    check_unique_within,
    check_vocabularies_present,
    check_country_codes,
    check_no_self_reference,
    check_summary_length,
    check_lens_reasons,
)


def run_all(files: Iterable[LoadedFile], unreadable: Iterable[tuple[str, str]] = ()) -> list[Problem]:
    """Every cross-record problem. `unreadable` are (kind, id) of files that failed on their own."""
    index = Index(files, unreadable)
    return [problem for check in CHECKS for problem in check(index)]
