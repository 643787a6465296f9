"""The context of the Data reference page: every field of every record kind, read from the model
(meaning, type, required, allowed values) with an example taken from the real data, so the page
can never drift from the code or show an example that does not validate.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pydantic import BaseModel

from atlas.model.dataset import Dataset
from atlas.read.rules import RULES
from atlas.model.field_reference import FieldDoc, fields_of, nested_models, record_kinds

EXAMPLE_LENGTH = 70


@dataclass(frozen=True)
class Row:
    doc: FieldDoc
    example: str
    nested_anchor: str | None
    nested_title: str | None


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    description: str
    folder: str | None  # records only: where the files live
    rows: list[Row]


def _anchor(cls: type[BaseModel]) -> str:
    return cls.__name__.lower()


def _instances(data: Dataset) -> dict[type, list[BaseModel]]:
    """Every model instance in the data (records and their parts), by class, in id order."""
    found: dict[type, list[BaseModel]] = {}

    def visit(value):
        if isinstance(value, BaseModel):
            found.setdefault(type(value), []).append(value)
            for name in type(value).model_fields:
                visit(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                visit(item)

    for table in (data.practices, data.countries, data.frameworks, data.organizations, data.sources,
                  data.vocabularies):
        for record in table.values():
            visit(record)
    return found


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_LENGTH else text[: EXAMPLE_LENGTH - 1].rstrip() + "…"


# For fields no record uses yet: what a value looks like.
_FALLBACK_EXAMPLES = {"date": "2026-01-31", "year": "2017", "number": "38", "http(s) URL": "https://www.example.org/"}


def _example(doc: FieldDoc, instances: list[BaseModel]) -> str:
    if doc.nested is not None:
        return f"see {doc.nested.__name__}"
    for instance in instances:
        value = getattr(instance, doc.name)
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            return _shorten(", ".join(str(item) for item in value[:3]))
        if isinstance(value, (datetime.date, int, float)):
            return str(value)
        return _shorten(value)
    return next((text for prefix, text in _FALLBACK_EXAMPLES.items() if doc.value_type.startswith(prefix)), "")


def _section(cls: type[BaseModel], instances, folder: str | None) -> Section:
    rows = [
        Row(doc, _example(doc, instances.get(cls, [])), _anchor(doc.nested) if doc.nested else None,
            doc.nested.__name__ if doc.nested else None)
        for doc in fields_of(cls)
    ]
    description = " ".join((cls.__doc__ or "").split())
    return Section(cls.__name__, _anchor(cls), description, folder, rows)


def data_reference_context(data: Dataset) -> dict:
    instances = _instances(data)
    kinds = record_kinds()
    parts: list[type[BaseModel]] = []
    for cls in kinds:
        parts.extend(part for part in nested_models(cls) if part not in parts)
    return {
        "records": [_section(cls, instances, cls.folder) for cls in kinds],
        "parts": [_section(cls, instances, None) for cls in parts],
        "vocabularies": list(data.vocabularies.values()),
        "rules": RULES,
    }
