"""Published ids: the record URLs the site has already put out, and where renamed ones now lead.

`data/published.yaml` lists, per folder, every record id that has been published, and under
`redirects:` where the URL of a renamed or removed record goes. The loader checks it: a published
id must still have its record or a redirect, and a redirect must lead to a record that exists. So a
rename can never silently break a link someone has cited. A data folder without the file has
published nothing yet (test fixtures, benchmark data).

`updated_text` writes the file back with every current id added (`atlas publish`); a published id
is never dropped from it, because its URL stays out in the world.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from atlas.model.records import KINDS, Id, Strict
from atlas.read.problems import Problem
from atlas.read.validation_messages import problems_from_validation
from atlas.read.yaml_reader import ParsedFile, read_yaml

FILE_NAME = "published.yaml"
# The folders whose records have pages of their own, in the order the file lists them.
FOLDERS = tuple(cls.folder for cls in KINDS.values())
KIND_OF_FOLDER = {cls.folder: cls.kind for cls in KINDS.values()}

HEADER = """\
# yaml-language-server: $schema=../schema/published.schema.json
# Every record id the site has published, by folder. Its URL (/<folder>/<id>/) may have been
# cited, so it must keep working: `make validate` refuses a data set in which a published id has
# neither its record nor a redirect. Run `make publish` after adding records, to list them here.
#
# Renamed or removed a record? Say where its old URL goes, under `redirects:`, e.g.
#   redirects:
#     practices:
#       old-id: new-id
"""


def _ids(description: str):
    return Field(default=[], description=description)


def _moves(description: str):
    return Field(default={}, description=description)


class Redirects(Strict):
    """Per folder: old id -> id of the record its URL now leads to."""

    practices: dict[Id, Id] = _moves("Old practice id -> new practice id.")
    countries: dict[Id, Id] = _moves("Old country id -> new country id.")
    frameworks: dict[Id, Id] = _moves("Old framework id -> new framework id.")
    organizations: dict[Id, Id] = _moves("Old organization id -> new organization id.")
    sources: dict[Id, Id] = _moves("Old source id -> new source id.")


class Published(Strict):
    """The content of data/published.yaml."""

    practices: list[Id] = _ids("Published practice ids.")
    countries: list[Id] = _ids("Published country ids.")
    frameworks: list[Id] = _ids("Published framework ids.")
    organizations: list[Id] = _ids("Published organization ids.")
    sources: list[Id] = _ids("Published source ids.")
    redirects: Redirects = Field(default=Redirects(), description="Where old URLs lead.")

    def redirect_map(self) -> dict[str, dict[str, str]]:
        return {folder: dict(getattr(self.redirects, folder)) for folder in FOLDERS}


class PublishedFile:
    """The published-ids file as read: its content, and positions to point problems at."""

    def __init__(self, shown: str, content: Published, parsed: ParsedFile):
        self.shown = shown
        self.content = content
        self.parsed = parsed

    def problem(self, location: tuple, code: str, field: str, message: str, hint: str) -> Problem:
        position = self.parsed.position(location)
        return Problem(self.shown, position.line, position.column, code, field, message, hint)


def read(data_dir: Path, prefix: str, problems: list[Problem]) -> PublishedFile | None:
    """The file under `data_dir`, or None if there is none (nothing published) or it is broken
    (then its problems are added to `problems`)."""
    path = Path(data_dir) / FILE_NAME
    if not path.is_file() or path.is_symlink():
        return None
    return parse(f"{prefix}/{FILE_NAME}", path.read_bytes(), problems)


def parse(shown: str, raw: bytes, problems: list[Problem]) -> PublishedFile | None:
    """The file's content read from `raw` (shown in messages as `shown`), or None if it is broken."""
    parsed = read_yaml(shown, raw)
    if parsed.problems:
        problems.extend(parsed.problems)
        return None
    if parsed.data is None:
        parsed.data = {}
    try:
        content = Published.model_validate(parsed.data)
    except ValidationError as error:
        problems.extend(problems_from_validation(error, parsed, shown, Published))
        return None
    return PublishedFile(shown, content, parsed)


def check(published: PublishedFile, existing: dict[str, set[str]]) -> Iterator[Problem]:
    """removed-without-redirect, redirect-to-nothing, redirect-of-existing-record.

    `existing` maps each folder to the ids that have a record file (even a broken one)."""
    content = published.content
    for folder in FOLDERS:
        kind = KIND_OF_FOLDER[folder]
        ids = existing.get(folder, set())
        moves = getattr(content.redirects, folder)
        for number, identifier in enumerate(getattr(content, folder)):
            if identifier in ids or identifier in moves:
                continue
            yield published.problem(
                (folder, number), "removed-without-redirect", f"{folder}[{number}]",
                f"the {kind} '{identifier}' was published at /{folder}/{identifier}/ but no record "
                f"has this id any more",
                f"if you renamed or merged it, add `{identifier}: <new id>` under `redirects:` > "
                f"`{folder}:` in data/{FILE_NAME}; if you did not mean to remove it, restore "
                f"data/{folder}/{identifier}.yaml",
            )
        for old, new in moves.items():
            location = ("redirects", folder, old)
            if old in ids:
                yield published.problem(
                    location, "redirect-of-existing-record", f"redirects.{folder}.{old}",
                    f"'{old}' is redirected to '{new}', but data/{folder}/{old}.yaml still exists",
                    "remove the redirect, or the record it would hide",
                )
            elif new not in ids:
                target = "" if new not in moves else f" ('{new}' is itself redirected to '{moves[new]}')"
                yield published.problem(
                    location, "redirect-to-nothing", f"redirects.{folder}.{old}",
                    f"'{old}' is redirected to '{new}', but no {kind} has the id '{new}'{target}",
                    f"redirect it to the id of an existing {kind}",
                )


def updated_text(current: Published | None, ids: dict[str, Iterable[str]]) -> str:
    """The file's new text: every id already published plus every id in `ids`, sorted; the
    redirects unchanged."""
    lines = [HEADER]
    for folder in FOLDERS:
        known = set(getattr(current, folder)) if current else set()
        known |= set(ids.get(folder, ()))
        lines.append(f"{folder}:" + ("" if known else " []"))
        lines.extend(f"  - {quote(identifier)}" for identifier in sorted(known))
    moves = current.redirect_map() if current else {}
    if any(moves.values()):
        lines.append("redirects:")
        for folder in FOLDERS:
            if moves.get(folder):
                lines.append(f"  {folder}:")
                lines.extend(f"    {quote(old)}: {quote(new)}" for old, new in sorted(moves[folder].items()))
    return "\n".join(lines) + "\n"


def quote(identifier: str) -> str:
    """Quote an id YAML would read as something other than text (source "002", a date, "no")."""
    return identifier if isinstance(yaml.safe_load(identifier), str) else f'"{identifier}"'
