"""What each field of each record kind is, read from the model: the data reference page and the
new-record template are both built from these descriptions, so neither can drift from the code.
"""

from __future__ import annotations

import datetime
import types
import typing
from dataclasses import dataclass

from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from atlas.model import records as model
from atlas.model.records import KINDS, RefTo, TermOf

# What a contributor writes for each of the model's scalar types.
_VALUE_TYPES = {
    model._check_id: "id (lowercase kebab-case)",
    model._check_line: "text, one line",
    model._check_prose: "Markdown text",
    model._check_url: "http(s) URL",
    model._check_finite: "number",
}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    description: str
    required: bool
    is_list: bool
    min_items: int
    value_type: str  # e.g. "text, one line", "id of a country", "mapping (Actor)"
    vocabulary: str | None  # for vocabulary terms
    refers_to: str | None  # record kind, for references
    nested: type[BaseModel] | None  # for mappings
    bounds: tuple[int | None, int | None]  # smallest and largest value, for numbers
    max_length: int | None  # characters, for text
    choices: tuple[str, ...]  # the allowed values of a field that takes one of a few fixed words
    is_name: bool  # a title, name or heading: copied text is allowed, up to model.MAX_NAME_WORDS

    @property
    def type_text(self) -> str:
        text = self.value_type
        if self.is_list:
            text = f"list of {text}" + (f", at least {self.min_items}" if self.min_items else "")
        return text


def _walk(annotation, metadata: list) -> tuple[bool, object]:
    """Strip Optional, list and Annotated from `annotation`; collect all metadata on the way."""
    is_list = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            for extra in annotation.__metadata__:
                metadata.extend(extra.metadata if isinstance(extra, FieldInfo) else [extra])
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(members) > 1:  # float | int: a number
                return is_list, float
            annotation = members[0]
        elif origin is list:
            is_list = True
            annotation = typing.get_args(annotation)[0]
        else:
            return is_list, annotation


def describe(name: str, info: FieldInfo) -> FieldDoc:
    outer = list(info.metadata)
    inner: list = []
    is_list, base = _walk(info.annotation, inner)
    everything = outer + inner
    vocabulary = next((m.vocabulary for m in everything if isinstance(m, TermOf)), None)
    refers_to = next((m.kind for m in everything if isinstance(m, RefTo)), None)
    min_items = next((m.min_length for m in outer if is_list and hasattr(m, "min_length")), 0)
    bounds = (next((m.ge for m in everything if hasattr(m, "ge")), None),
              next((m.le for m in everything if hasattr(m, "le")), None))
    nested = base if isinstance(base, type) and issubclass(base, BaseModel) else None
    checks = [m.func for m in everything if isinstance(m, AfterValidator)]
    # A list's own bounds are on the outside; its items' length limit is inside.
    max_length = next((m.max_length for m in (inner if is_list else everything) if getattr(m, "max_length", None)), None)
    choices = typing.get_args(base) if typing.get_origin(base) is typing.Literal else ()
    if vocabulary:
        value_type = f"term of {vocabulary}"
    elif refers_to:
        value_type = f"id of {article(refers_to)}"
    elif nested is not None:
        value_type = f"mapping ({nested.__name__})"
    elif base is datetime.date:
        value_type = "date (YYYY-MM-DD)"
    elif base is int and bounds != (None, None):
        value_type = f"year ({bounds[0]}–{bounds[1]})"
    elif base is int:
        value_type = "whole number"
    elif base is float:
        value_type = "number"
    elif base is dict:
        value_type = "mapping"
    else:
        value_type = next((_VALUE_TYPES[c] for c in checks if c in _VALUE_TYPES), "text")
    if choices:
        value_type = " or ".join(choices)
    return FieldDoc(name, (info.description or "").strip(), info.is_required(), is_list, min_items,
                    value_type, vocabulary, refers_to, nested, bounds, max_length, choices,
                    model._check_name in checks)


def article(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def fields_of(cls: type[BaseModel]) -> list[FieldDoc]:
    return [describe(name, info) for name, info in cls.model_fields.items()]


def nested_models(cls: type[BaseModel]) -> list[type[BaseModel]]:
    """The building blocks a record kind uses (Lenses, Actor, Citation...), each once, in order."""
    found: list[type[BaseModel]] = []

    def visit(current):
        for doc in fields_of(current):
            if doc.nested is not None and doc.nested not in found:
                found.append(doc.nested)
                visit(doc.nested)

    visit(cls)
    return found


def record_kinds() -> list[type[BaseModel]]:
    """Every kind a contributor can write, records first, then vocabularies."""
    return [*KINDS.values(), model.Vocabulary]
