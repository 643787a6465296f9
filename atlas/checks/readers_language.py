"""A reader's language: the words of editors at work do not reach a page.

Readers meet a source by its name, or by a marker such as "(002)" that the site shows as the
source's label, linked; "Source 004 lists it", "the paper" with no paper in sight, or a note about
a scanning error are our shorthand. Notes of that kind go in `editorial_notes`, which pages show
folded and which this check leaves alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from atlas.checks.own_words import text_fields
from atlas.read.problems import Problem

if TYPE_CHECKING:
    from atlas.checks.cross_record import Index

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
EXEMPT_FIELDS = frozenset({"editorial_notes", "file", "locator", "sections"})


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
