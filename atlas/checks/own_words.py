"""Finds record text copied from a source document: runs of RUN_LENGTH or more consecutive words.

Summaries, reasons and notes must be in our own words (facts, figures and names carry over,
sentences don't). Names (titles, names, aliases, labels) and the source's own headings (locators,
sections) may be copied, but only up to MAX_NAME_WORDS words: a longer one is checked like any
text, so a copied sentence cannot pass as a name. Text in quotation marks (an explicit short
quote) is exempt too. Inside prose, the proper names the data knows are masked before comparing:
a summary may name "the Global Code of Practice on the International Recruitment of Health
Personnel" in full; names masked side by side count as one, so that a sentence cut into several
aliases is no name either.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from atlas.model.text_limits import MAX_NAME_WORDS
from atlas.read.problems import Problem

RUN_LENGTH = 10
NAME_FIELDS = frozenset(
    {"title", "short_title", "marker", "name", "aliases", "search_spellings", "label", "locator", "sections", "publisher", "event",
     "place", "authors"}
)
# Fields that are not text in a language: ids, addresses, file names, dates.
NOT_TEXT_FIELDS = frozenset({"id", "url", "file", "date"})
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(ch for ch in folded if not unicodedata.combining(ch)))


def shingles(text: str, size: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def is_short_name(text: str) -> bool:
    return len(text.split()) <= MAX_NAME_WORDS


@dataclass(frozen=True)
class Copied:
    record: str  # folder/id
    location: tuple  # ("actors", 0, "note")
    run: str  # the shared words

    @property
    def field(self) -> str:
        """The dotted path: actors[0].note."""
        return "".join(f"[{part}]" if isinstance(part, int) else (f".{part}" if i else part)
                       for i, part in enumerate(self.location))


def text_fields(value, location: tuple = (), name_field: bool = False) -> Iterator[tuple[tuple, str]]:
    """Every (location, text) of a record that must be in our own words."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in NOT_TEXT_FIELDS:
                yield from text_fields(getattr(value, name), (*location, name), name in NAME_FIELDS)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from text_fields(item, (*location, index), name_field)
    elif isinstance(value, str) and not (name_field and is_short_name(value)):
        yield location, value


def _mask(tokens: list[str], names: dict[str, list[tuple[tuple[str, ...], int]]]) -> list[str]:
    """Replaces each occurrence of a known name by a token no source contains, unless names side
    by side make a run longer than a name may be."""
    masked = list(tokens)
    spans = []  # [start, end, words of the names in it]
    i = 0
    while i < len(tokens):
        found = next(((n, count) for n, count in names.get(tokens[i], ()) if tuple(tokens[i:i + len(n)]) == n), None)
        if found is None:
            i += 1
            continue
        name, count = found
        if spans and spans[-1][1] == i:
            spans[-1][1:] = [i + len(name), spans[-1][2] + count]
        else:
            spans.append([i, i + len(name), count])
        i += len(name)
    for start, end, count in spans:
        if count <= MAX_NAME_WORDS:
            masked[start:end] = ["\0"] * (end - start)
    return masked


def find_copies(
    records: Iterable[tuple[str, BaseModel]], source_texts: Iterable[str], names: Iterable[str] = ()
) -> list[Copied]:
    known: set[tuple[str, ...]] = set()
    for text in source_texts:
        known |= shingles(text)
    # Indexed by first word, longest first, so a long name is masked whole before a shorter one.
    masks: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    short_names = {tuple(words(n)): len(n.split()) for n in names if is_short_name(n)}
    for name_words in sorted(short_names, key=len, reverse=True):
        if len(name_words) > 1:
            masks.setdefault(name_words[0], []).append((name_words, short_names[name_words]))
    found = []
    for name, record in records:
        for location, text in text_fields(record):
            tokens = _mask(words(_QUOTED.sub(" ", text)), masks)
            hits = [i for i in range(len(tokens) - RUN_LENGTH + 1) if tuple(tokens[i:i + RUN_LENGTH]) in known]
            if hits:
                start = hits[0]
                end = start + RUN_LENGTH
                while end < len(tokens) and tuple(tokens[end - RUN_LENGTH + 1:end + 1]) in known:
                    end += 1
                found.append(Copied(name, location, " ".join(tokens[start:end])))
    return found


def source_texts(sources_dir: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(sources_dir.glob("[0-9][0-9][0-9]_*.txt"))]


def known_names(records: Iterable[BaseModel]) -> Iterator[str]:
    """The proper names a record declares: its title or name, aliases and component titles."""
    for record in records:
        for field in ("title", "name", "short_title"):
            if isinstance(getattr(record, field, None), str):
                yield getattr(record, field)
        yield from getattr(record, "aliases", ())
        for component in getattr(record, "components", ()):
            yield component.title


def default_source_texts(data_dir: Path) -> Path:
    """Where the source documents' texts are: ATLAS_SOURCE_TEXTS, else ../shared/sources beside
    the repository that holds `data_dir`."""
    return Path(os.environ.get("ATLAS_SOURCE_TEXTS") or Path(data_dir).resolve().parent.parent / "shared" / "sources")


def copied_text_problems(files, sources_dir: Path) -> list[Problem]:
    """copied-text: a run of RUN_LENGTH words shared with a source, in any field but a short name."""
    files = list(files)
    by_name = {item.path: item for item in files}
    names = known_names(item.record for item in files)
    problems = []
    for copy in find_copies(((item.path, item.record) for item in files), source_texts(sources_dir), names):
        position = by_name[copy.record].parsed.position(copy.location)
        shown = copy.run if len(copy.run) <= 120 else copy.run[:119] + "…"
        problems.append(Problem(
            copy.record, position.line, position.column, "copied-text", copy.field,
            f"{len(copy.run.split())} words in a row are the same as in a source document: \"{shown}\"",
            "say it in your own words (facts and figures carry over, sentences do not), or quote a "
            "short passage in quotation marks",
        ))
    return problems
