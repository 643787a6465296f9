"""Reads one YAML record file into plain Python data, refusing anything a record has no use for.

Built on libyaml's event stream (`yaml.parse` with the C loader) rather than `yaml.load`, so that
it can see what `load` hides: anchors and aliases, explicit tags, merge keys, duplicate keys at any
depth, several documents in one file. It also keeps the line and column of every value, so that a
later error about `actors[0].role` can point at the exact place in the file.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from atlas.read.problems import Problem, field_path

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 10

# Characters other than printable ASCII, tab and line breaks; each is then checked by category.
_NOT_PLAIN_ASCII = re.compile("[^\t\n\r\x20-\x7e]")
# Control characters (C0 other than tab and line breaks, DEL, C1), format characters (bidirectional
# overrides, zero-width characters, soft hyphens, invisible "tag" characters), private-use
# characters, surrogates, and the line and paragraph separators libyaml counts as line breaks:
# invisible in review, they can make text read differently than it is.
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
# YAML 1.1 reads 1:30 as the number 90 (base 60); a record never means that.
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
# libyaml reads a carriage return not followed by a line feed as a line break, where a terminal,
# a diff and yamllint show one line: text after it would be live YAML that reads as a comment.
_BARE_CARRIAGE_RETURN = re.compile("\r(?!\n)")
# Beyond this a number is a typo (and JavaScript could no longer hold it exactly).
MAX_WHOLE_NUMBER = 10**15


def _forbidden(character: str) -> bool:
    code = ord(character)
    noncharacter = (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF
    return noncharacter or unicodedata.category(character) in _FORBIDDEN_CATEGORIES


STR = "tag:yaml.org,2002:str"
# The scalar types a record may hold, by tag: the SafeConstructor method that reads each.
_CONSTRUCTORS = {
    "tag:yaml.org,2002:null": None,
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
    "tag:yaml.org,2002:timestamp": "construct_yaml_timestamp",
}


@dataclass(frozen=True, slots=True)
class Position:
    """Where a value stands in its file, and how YAML read it (for hints on type errors)."""

    line: int
    column: int
    raw: str | None = None  # the scalar as written
    tag: str | None = None  # what YAML resolved it to: str, bool, int, float, null, timestamp


@dataclass
class ParsedFile:
    data: object = None
    positions: dict[tuple, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, location: tuple) -> Position:
        """The position of `location`, or of its nearest ancestor that has one."""
        while location not in self.positions and location:
            location = location[:-1]
        return self.positions.get(location, Position(1, 1))


class _Refused(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def read_yaml(path: str, content: bytes) -> ParsedFile:
    """Parse `content` (the bytes of the file at `path`) into data and positions, or problems."""
    result = ParsedFile()
    if len(content) > MAX_FILE_BYTES:
        result.problems.append(
            Problem(path, 1, 1, "file-too-large", "", f"the file has more than {MAX_FILE_BYTES} bytes",
                    f"a record file has at most {MAX_FILE_BYTES} bytes; split or shorten it")
        )
        return result
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        column = error.start - (content.rfind(b"\n", 0, error.start) + 1) + 1
        result.problems.append(
            Problem(path, line, column, "bad-encoding", "", "the file is not valid UTF-8",
                    "save the file as UTF-8")
        )
        return result
    text = text.removeprefix("\ufeff")
    for match in _NOT_PLAIN_ASCII.finditer(text):
        if not _forbidden(match.group()):
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        result.problems.append(
            Problem(path, line, column, "forbidden-character", "",
                    f"invisible or control character U+{ord(match.group()):04X}",
                    "delete it; records may not contain control, bidirectional or zero-width characters")
        )
    for match in _BARE_CARRIAGE_RETURN.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        result.problems.append(
            Problem(path, line, column, "bare-carriage-return", "",
                    "a carriage return (CR) without a line feed after it",
                    "save the file with ordinary line endings (LF, or CR LF); YAML would read a new line "
                    "here that most editors and reviews do not show")
        )
    if result.problems:
        return result
    try:
        events = yaml.parse(text, Loader=yaml.CSafeLoader)
        result.data = _Builder(path, events, result.positions).document()
    except _Refused as refused:
        result.problems.append(refused.problem)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        hint = "check the indentation and quoting on this line and the one above"
        lines = text.split("\n")
        if 0 < line <= len(lines) and "\t" in lines[line - 1][: column]:
            hint = "YAML does not allow tabs for indentation: indent with spaces"
        result.problems.append(
            Problem(path, line, column, "yaml-syntax", "", f"YAML syntax error: {what}", hint)
        )
    except yaml.YAMLError as error:
        result.problems.append(
            Problem(path, 1, 1, "yaml-syntax", "", f"YAML syntax error: {error}", "")
        )
    return result


class _Builder:
    """Turns the event stream of one document into dicts, lists and scalars."""

    def __init__(self, path: str, events, positions: dict[tuple, Position]):
        self.path = path
        self.events = iter(events)
        self.positions = positions
        # YAML 1.1's implicit typing, as PyYAML's safe loader does it, for this document only.
        self.resolver = yaml.resolver.Resolver()
        self.constructor = SafeConstructor()

    def refuse(self, event, code: str, message: str, hint: str, field_name: str = ""):
        mark = event.start_mark
        raise _Refused(Problem(self.path, mark.line + 1, mark.column + 1, code, field_name, message, hint))

    def document(self):
        next(self.events)  # StreamStartEvent
        start = next(self.events)
        if isinstance(start, StreamEndEvent):
            raise _Refused(Problem(self.path, 1, 1, "empty-file", "", "the file is empty",
                                   "a record is a YAML mapping of fields, starting with `id:`"))
        assert isinstance(start, DocumentStartEvent)
        first = next(self.events)
        if not isinstance(first, MappingStartEvent):
            self.refuse(first, "not-a-mapping", "the document is not a mapping of fields",
                        "a record is a YAML mapping of `field: value` lines, starting with `id:`")
        data = self.value(first, (), 0)
        next(self.events)  # DocumentEndEvent
        extra = next(self.events)
        if not isinstance(extra, StreamEndEvent):
            self.refuse(extra, "several-documents", "the file holds more than one YAML document",
                        "keep one record per file and remove the `---` separator")
        return data

    def value(self, event, location: tuple, depth: int):
        if isinstance(event, AliasEvent):
            self.refuse(event, "yaml-alias", f"alias *{event.anchor} is not allowed",
                        "write the value out in full; anchors and aliases are not accepted")
        if event.anchor is not None:
            self.refuse(event, "yaml-anchor", f"anchor &{event.anchor} is not allowed",
                        "remove the anchor; anchors and aliases are not accepted")
        explicit_tag = event.tag is not None and not (
            isinstance(event, (MappingStartEvent, SequenceStartEvent)) and event.implicit
        )
        if explicit_tag:
            shown_tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self.refuse(event, "yaml-tag", f"explicit tag {shown_tag} is not allowed",
                        "remove the tag; to make a value text, put it in quotes")
        if depth > MAX_DEPTH:
            self.refuse(event, "too-deep", f"values are nested more than {MAX_DEPTH} levels deep",
                        "records are never nested this deep; check the indentation")
        mark = event.start_mark
        if isinstance(event, ScalarEvent):
            self.check_characters(event)
            tag, value = self.scalar(event, location)
            self.positions[location] = Position(mark.line + 1, mark.column + 1, event.value, tag)
            return value
        self.positions[location] = Position(mark.line + 1, mark.column + 1)
        if isinstance(event, SequenceStartEvent):
            items = []
            for item in iter(lambda: next(self.events), None):
                if isinstance(item, SequenceEndEvent):
                    return items
                items.append(self.value(item, location + (len(items),), depth + 1))
        mapping: dict = {}
        key_lines: dict[str, int] = {}
        for key_event in iter(lambda: next(self.events), None):
            if isinstance(key_event, MappingEndEvent):
                return mapping
            key = self.key(key_event, location)
            if key in mapping:
                self.refuse(key_event, "duplicate-key",
                            f"key '{key}' appears twice (first on line {key_lines[key]})",
                            "keep one of the two and delete the other", _join(location, key))
            key_lines[key] = key_event.start_mark.line + 1
            mapping[key] = self.value(next(self.events), location + (key,), depth + 1)
        return mapping  # pragma: no cover - the stream always closes the mapping

    def key(self, event, location: tuple) -> str:
        if not isinstance(event, ScalarEvent):
            self.refuse(event, "non-string-key", "a key must be a plain word, not a list or mapping",
                        "write `field: value`")
        self.check_characters(event)
        if event.anchor is not None or event.tag is not None:
            self.refuse(event, "yaml-tag", "keys may not carry anchors or tags", "remove it")
        tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)
        if tag == "tag:yaml.org,2002:merge":
            self.refuse(event, "yaml-merge-key", "merge keys (<<) are not allowed",
                        "write the fields out in full")
        if tag != STR:
            self.refuse(event, "non-string-key", f"key '{event.value}' is not text (YAML reads it as "
                        f"{tag.rsplit(':', 1)[-1]})", "field names are lowercase words such as `title`",
                        _join(location, event.value))
        return event.value

    def check_characters(self, event) -> None:
        """The file's text was checked before parsing; this catches characters written as escapes
        in double quotes ("\\u202e", "\\x07", "\\L"), which only appear once YAML decodes them."""
        for match in _NOT_PLAIN_ASCII.finditer(event.value):
            if _forbidden(match.group()):
                self.refuse(event, "forbidden-character",
                            f"invisible or control character U+{ord(match.group()):04X} (written as an escape)",
                            "delete it; records may not contain control, bidirectional or zero-width characters")

    def scalar(self, event, location: tuple = ()) -> tuple[str, object]:
        tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)
        if tag == STR:
            return "str", event.value
        name = tag.rsplit(":", 1)[-1]
        if tag not in _CONSTRUCTORS:  # YAML 1.1's "=" (value) and "<<" (merge) as plain values
            self.refuse(event, "yaml-special-value", f"YAML 1.1 gives '{event.value}' a special meaning ({name})",
                        "if it is text, put it in quotes", field_path(location))
        if name in ("int", "float") and _SEXAGESIMAL.fullmatch(event.value):
            self.refuse(event, "bad-number", f"YAML 1.1 reads '{event.value}' as a number in base 60",
                        "write an ordinary number such as 1250 or 12.5; if it is text, put it in quotes")
        if name in ("int", "float") and len(event.value) > 40:
            self.refuse(event, "bad-number", f"'{event.value[:40]}...' is too long for a number",
                        "write an ordinary number such as 1250 or 12.5; if it is text, put it in quotes")
        try:
            method = _CONSTRUCTORS[tag]
            value = None if method is None else getattr(self.constructor, method)(ScalarNode(tag, event.value))
        except (ValueError, OverflowError):
            if name == "timestamp":
                self.refuse(event, "bad-date", f"'{event.value}' is not a real date",
                            "write a date that exists, as YYYY-MM-DD", field_path(location))
            self.refuse(event, "bad-number", f"'{event.value[:40]}' is not a number YAML can read",
                        "write an ordinary number such as 1250 or 12.5", field_path(location))
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_WHOLE_NUMBER:
            self.refuse(event, "bad-number", f"'{event.value[:40]}' is too large a number",
                        f"whole numbers stay below {MAX_WHOLE_NUMBER:,}; check for a typo", field_path(location))
        if isinstance(value, float) and not math.isfinite(value):
            self.refuse(event, "non-finite-number", f"'{event.value}' is not a finite number",
                        "write an ordinary number", field_path(location))
        if isinstance(value, datetime.datetime):
            self.refuse(event, "bad-date", f"'{event.value}' has a time of day",
                        "write the date alone, as YYYY-MM-DD", field_path(location))
        return name, value


def _join(location: tuple, key: str) -> str:
    return field_path(location + (key,))
