"""The text of a new record: every required field with an empty value to fill in, every optional
field commented out, and above each a comment with its meaning, type and allowed values, all read
from the model (through `field_reference`), so the template cannot drift from it.
"""

from __future__ import annotations

import textwrap
from pathlib import PurePosixPath

from pydantic import BaseModel

from atlas.contrib.editor_headers import expected_header
from atlas.model.field_reference import FieldDoc, fields_of
from atlas.model.records import KINDS

INDENT = "  "
WIDTH = 100
# Fields a new record does not have yet: an editor adds a review once the record is checked.
LEFT_FOR_EDITORS = frozenset({"reviews"})


def _comment(doc: FieldDoc, terms: dict[str, list[str]], pad: str) -> list[str]:
    need = "Required" if doc.required else "Optional"
    text = f"{doc.description} {need}: {doc.type_text}."
    if doc.vocabulary and doc.vocabulary in terms:
        text += f" One of: {', '.join(terms[doc.vocabulary])}."
    return [f"{pad}# {line}" for line in textwrap.wrap(text, WIDTH - len(pad) - 2)]


def _placeholder(doc: FieldDoc) -> str:
    return "null" if doc.value_type.startswith(("year", "number", "whole")) else '""'


def _value_lines(doc: FieldDoc, depth: int, lead: str, terms, commented: bool) -> list[str]:
    """`doc` written as a field to fill in; `lead` replaces the end of the indentation ("- ")."""
    pad = INDENT * depth
    key = pad[: len(pad) - len(lead)] + lead + doc.name
    if doc.nested is not None:
        inner_depth = depth + (2 if doc.is_list else 1)
        return [f"{key}:", *_fields(doc.nested, inner_depth, terms, {}, "- " if doc.is_list else "", commented)]
    if doc.is_list:
        return [f"{key}:", f"{pad}{INDENT}- {_placeholder(doc)}"]
    return [f"{key}: {_placeholder(doc)}"]


def _fields(model: type[BaseModel], depth: int, terms: dict[str, list[str]], preset: dict[str, str],
            first_lead: str = "", commented: bool = False) -> list[str]:
    """The lines of `model`'s fields at `depth`. The first field of a list item starts with "- ".
    Inside a commented-out optional field (`commented`), every field is shown, without comments."""
    lines: list[str] = []
    pad = INDENT * depth
    for number, doc in enumerate(doc for doc in fields_of(model) if depth or doc.name not in LEFT_FOR_EDITORS):
        lead = first_lead if number == 0 else ""
        if not commented:
            lines.extend(_comment(doc, terms, pad[: len(pad) - len(lead)]))
        if doc.name in preset:
            lines.append(f"{pad[: len(pad) - len(lead)]}{lead}{doc.name}: {preset[doc.name]}")
        elif doc.required or commented:
            lines.extend(_value_lines(doc, depth, lead, terms, commented))
        else:
            # Optional: the whole shape, commented out, ready to be uncommented.
            shape = _value_lines(doc, depth, lead, terms, commented=True)
            lines.extend(f"{pad}# {line[len(pad):]}" for line in shape)
    return lines


def template(kind: str, identifier: str, terms: dict[str, list[str]]) -> str:
    """A new `kind` record with the id `identifier`; `terms` lists each vocabulary's term ids."""
    model = KINDS[kind]
    intro = [
        expected_header(PurePosixPath(model.folder, f"{identifier}.yaml")),
        f"# A new {kind}. Replace every \"\" and null with a value. Optional fields are commented out:",
        "# to use one, remove the \"# \" in front of its lines; delete the rest. Then run `make validate`.",
        "# The site's Data reference page explains every field.",
    ]
    return "\n".join(intro + _fields(model, 0, terms, {"id": identifier})) + "\n"
