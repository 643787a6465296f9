"""Finds record text copied from a source document: runs of RUN_LENGTH or more consecutive words.

Summaries, reasons and notes must be in our own words (facts, figures and names carry over,
sentences don't). Titles, names, aliases, locators and section headings are exempt, and so is text
in quotation marks (an explicit short quote). Inside prose, the proper names the data knows (titles,
names and aliases of records, component titles) are masked before comparing: a summary may name
"the Global Code of Practice on the International Recruitment of Health Personnel" in full.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

RUN_LENGTH = 10
EXEMPT_FIELDS = frozenset(
    {"id", "title", "short_title", "name", "aliases", "label", "locator", "url", "file", "publisher",
     "event", "place", "authors", "date", "counts", "unit", "sections"}
)
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(ch for ch in folded if not unicodedata.combining(ch)))


def shingles(text: str, size: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


@dataclass(frozen=True)
class Copied:
    record: str  # folder/id
    field: str  # dotted path
    run: str  # the shared words


def text_fields(value, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (dotted path, text) of a record that must be in our own words."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in EXEMPT_FIELDS:
                yield from text_fields(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from text_fields(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value


def _mask(tokens: list[str], names: dict[str, list[tuple[str, ...]]]) -> list[str]:
    """Replaces each occurrence of a known name by a token no source contains."""
    masked = list(tokens)
    for i, token in enumerate(tokens):
        for name in names.get(token, ()):
            if tuple(tokens[i:i + len(name)]) == name:
                masked[i:i + len(name)] = ["\0"] * len(name)
                break
    return masked


def find_copies(
    records: Iterable[tuple[str, BaseModel]], source_texts: Iterable[str], names: Iterable[str] = ()
) -> list[Copied]:
    known: set[tuple[str, ...]] = set()
    for text in source_texts:
        known |= shingles(text)
    # Indexed by first word, longest first, so a long name is masked whole before a shorter one.
    masks: dict[str, list[tuple[str, ...]]] = {}
    for name_words in sorted({tuple(words(n)) for n in names}, key=len, reverse=True):
        if len(name_words) > 1:
            masks.setdefault(name_words[0], []).append(name_words)
    found = []
    for name, record in records:
        for path, text in text_fields(record):
            tokens = _mask(words(_QUOTED.sub(" ", text)), masks)
            hits = [i for i in range(len(tokens) - RUN_LENGTH + 1) if tuple(tokens[i:i + RUN_LENGTH]) in known]
            if hits:
                start = hits[0]
                end = start + RUN_LENGTH
                while end < len(tokens) and tuple(tokens[end - RUN_LENGTH + 1:end + 1]) in known:
                    end += 1
                found.append(Copied(name, path, " ".join(tokens[start:end])))
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
