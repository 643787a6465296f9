"""A reader's language: the words of editors at work do not reach a page, and names read alike.

Readers meet a source by its name, or by a marker such as "(002)" that the site shows as the
source's label, linked; "Source 004 lists it", "the paper" with no paper in sight, or a note about
a scanning error are our shorthand. Notes of that kind go in `editorial_notes`, which pages show
folded and which this check leaves alone.

Names: where a title adds its country in brackets, it writes the country as the atlas names it
("(Türkiye)"), not by one of the country's aliases (Turkey), which are there for search; an
official name keeps its own wording; a record's aliases add names its title does not
already hold, accents aside (search folds them). Misprints a source prints go in
`search_spellings`, which search reads and pages never show.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from atlas.checks.index import Index
from atlas.checks.own_words import text_fields
from atlas.read.problems import Problem

NAME_THE_SOURCE = "name the document (the GFMD 2018 background paper…), or cite it with a marker such as (002)"


@dataclass(frozen=True)
class Jargon:
    pattern: re.Pattern
    hint: str
    on_source_pages: bool = True  # a source's own page may say "the paper": it is that paper
    after_a_name: bool = False  # "the paper" is fine once the same text has named the paper


JARGON: tuple[Jargon, ...] = (
    Jargon(re.compile(r"\bsources? \d{3}\b", re.IGNORECASE), NAME_THE_SOURCE),
    Jargon(re.compile(r"\bthe paper\b", re.IGNORECASE), NAME_THE_SOURCE, on_source_pages=False,
           after_a_name=True),
    # "the source country" is a country migrants come from; "the source documents" names them.
    Jargon(re.compile(r"\bthe source\b(?!\s+(?:countr|region|communit|state|econom|area|document))", re.IGNORECASE),
           NAME_THE_SOURCE, on_source_pages=False, after_a_name=True),
    Jargon(re.compile(r"\b(?:scanning|scanned|OCR|text extraction|misprints?|typos?)\b", re.IGNORECASE),
           "move notes about the source's text (scanning errors, corrected spellings) to editorial_notes"),
)
# Fields a reader does not see as prose: ids, addresses, and notes meant for editors.
EXEMPT_FIELDS = frozenset({"editorial_notes", "file", "locator", "sections", "search_spellings"})


# A marker such as "(002)", shown to readers as the source's label.
MARKER = re.compile(r"\(\d{3}\b")


def jargon_in(text: str, on_source_page: bool, names: re.Pattern) -> Iterator[tuple[str, Jargon]]:
    """The jargon in `text`; `names` matches the ways a source can be named before "the paper"."""
    for jargon in JARGON:
        if on_source_page and not jargon.on_source_pages:
            continue
        for match in jargon.pattern.finditer(text):
            before = text[:match.start()]
            if jargon.after_a_name and (names.search(before) or MARKER.search(before)):
                continue
            yield match.group(0), jargon
            break


def source_names(index: Index) -> re.Pattern:
    """Each source's marker ("GFMD 2018"), as a reader meets it in "the GFMD 2018 background paper"."""
    markers = sorted({item.record.marker for item in index.files if item.record.kind == "source"})
    return re.compile("|".join(re.escape(marker) for marker in markers) or r"(?!)")


def check_readers_language(index: Index) -> Iterator[Problem]:
    """editor-jargon: reader-facing text speaks of sources by name, and keeps editors' notes apart."""
    names = source_names(index)
    for item in index.files:
        record = item.record
        for location, text in text_fields(record):
            if EXEMPT_FIELDS & {part for part in location if isinstance(part, str)}:
                continue
            for found, jargon in jargon_in(text, record.kind == "source", names):
                yield index.problem(
                    item, location, "editor-jargon",
                    f"\"{found}\" is editors' shorthand, not a reader's language", jargon.hint)


# A title's other name, or its country, in brackets: "Migra-Mobile (Migra-Móvil)", "... (Türkiye)".
BRACKETED = re.compile(r"\(([^()]+)\)")


def folded(text: str) -> str:
    """`text` as search matches it: without accents or case, its words one space apart."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


def _holds(text: str, words: str) -> bool:
    return bool(words) and f" {words} " in f" {text} "


def check_aliases(index: Index) -> Iterator[Problem]:
    """alias-repeats: an alias that says again what the title, or an earlier alias, already says."""
    for item in index.files:
        record = item.record
        aliases = getattr(record, "aliases", None)
        if not aliases or record.kind == "country":
            continue
        in_title = {folded(record.label), *(folded(name) for name in BRACKETED.findall(record.label))}
        said: set[str] = set()
        for number, alias in enumerate(aliases):
            words = folded(alias)
            if words in in_title or words in said:
                yield index.problem(
                    item, ("aliases", number), "alias-repeats",
                    f"the alias \"{alias}\" repeats {'the title' if words in in_title else 'an earlier alias'}, "
                    "which search already finds, accents and punctuation aside",
                    "remove it; a misprint the source prints goes in search_spellings")
            said.add(words)


def check_country_names(index: Index) -> Iterator[Problem]:
    """country-alias-in-title: a title's bracketed country is named by an alias, not the atlas's name."""
    aliases = {folded(alias): item.record for item in index.files if item.record.kind == "country"
               for alias in item.record.aliases}
    if not aliases:
        return
    for item in index.files:
        record = item.record
        if record.kind in ("country", "source") or not hasattr(record, "label"):
            continue
        brackets = [folded(part) for part in BRACKETED.findall(record.label)]
        for alias, country in aliases.items():
            if any(_holds(part, alias) for part in brackets):
                field = "title" if hasattr(record, "title") else "name"
                yield index.problem(
                    item, (field,), "country-alias-in-title",
                    f"the {field} names {country.name} by another of its names",
                    f"write {country.name}, as data/countries/{country.id}.yaml names it; its other names are "
                    "aliases, for search")
