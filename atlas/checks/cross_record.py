"""Checks that look across records: references resolve, vocabularies exist, codes are real.

Each check is a small function with a stable problem code, registered in `CHECKS`; `run_all`
runs every one of them over records that already passed their own validation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import pycountry

from atlas.model.records import KINDS, Framework, RefTo, TermOf, Vocabulary
from atlas.checks.index import Index
from atlas.checks.readers_language import check_aliases, check_country_names, check_readers_language
from atlas.read.problems import Problem
from atlas.model.references import references, vocabularies_referred_to

if TYPE_CHECKING:
    from atlas.read.loaded_file import LoadedFile

Check = Callable[[Index], Iterator[Problem]]


# A hint lists the allowed values when there are this few; beyond, it names where they are.
LISTED_AT_MOST = 30


def _allowed(values: Iterable[str], where: str) -> str:
    values = sorted(values)
    if len(values) <= LISTED_AT_MOST:
        return ", ".join(values) or "none"
    return f"the {len(values)} listed in {where}"


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
                        f"{index.nearest(ref.value, ('terms', ref.target.vocabulary), lambda: terms)} allowed: "
                        f"{_allowed(terms, f'data/vocabularies/{ref.target.vocabulary}.yaml')}".strip(),
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
                hint = (index.nearest(ref.value, ("ids", kind), lambda: index.ids_of(kind))
                        or f"create data/{KINDS[kind].folder}/{ref.value}.yaml first")
                yield index.problem(item, ref.location, "unknown-reference",
                                    f"no {kind} has the id '{ref.value}'", hint)


def check_components(index: Index) -> Iterator[Problem]:
    """unknown-component: a practice may point at a framework component only if it exists."""
    for item in index.files:
        for position, link in enumerate(getattr(item.record, "frameworks", None) or []):
            components = index.components.get(link.framework)
            if link.component is None or components is None or link.component in components:
                continue
            listed = _allowed(components, f"data/frameworks/{link.framework}.yaml")
            nearest = index.nearest(link.component, ("components", link.framework), lambda: components)
            yield index.problem(
                item, ("frameworks", position, "component"), "unknown-component",
                f"framework '{link.framework}' has no component '{link.component}'",
                f"{nearest} its components: {listed}".strip(),
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
    """missing-vocabulary: every vocabulary a field of the model takes terms of must exist as a
    data file (read from the model's `Term(...)` fields, so a new one is checked at once)."""
    for name in sorted(vocabularies_referred_to(KINDS.values())):
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


def check_framework_links(index: Index) -> Iterator[Problem]:
    """uncited-link / repeated-link / reason-too-short: a practice's framework links, each once,
    each with a real reason, and a stated one with the passage that states it."""
    for item in index.files:
        seen: set[tuple[str, str | None]] = set()
        for number, link in enumerate(getattr(item.record, "frameworks", ())):
            location = ("frameworks", number)
            target = link.framework + (f"#{link.component}" if link.component else "")
            if (link.framework, link.component) in seen:
                yield index.problem(item, location + ("framework",), "repeated-link",
                                    f"the link to '{target}' is given more than once",
                                    "give each framework or component once, with one reason")
            seen.add((link.framework, link.component))
            if link.kind == "stated" and link.source is None:
                yield index.problem(
                    item, location + ("kind",), "uncited-link",
                    f"the link to '{target}' is stated by a source but cites no passage",
                    "add `source:` with the source and locator where it says so, "
                    "or make it `kind: classified` if it is the atlas's own judgement",
                )
            if len(link.reason) < MIN_REASON_LENGTH:
                yield index.problem(
                    item, location + ("reason",), "reason-too-short",
                    f"the reason has {len(link.reason)} characters; at least {MIN_REASON_LENGTH} are needed",
                    "say in a short sentence why the practice serves this framework or component",
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
    check_framework_links,
    check_readers_language,
    check_aliases,
    check_country_names,
)


def run_all(files: Iterable[LoadedFile], unreadable: Iterable[tuple[str, str]] = ()) -> list[Problem]:
    """Every cross-record problem. `unreadable` are (kind, id) of files that failed on their own."""
    index = Index(files, unreadable)
    return [problem for check in CHECKS for problem in check(index)]
