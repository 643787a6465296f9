"""Finds every reference a record makes, from the `RefTo` and `TermOf` markers on its field types.

The model declares what a field points at; this module reads those declarations once per class,
so a new reference field is checked and back-linked without any code here changing.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from atlas.model.records import RefTo, TermOf

Marker = RefTo | TermOf


@dataclass(frozen=True)
class Reference:
    location: tuple  # field path inside the record, e.g. ('actors', 0, 'organization')
    target: Marker
    value: str


@dataclass(frozen=True)
class _FieldPlan:
    name: str
    is_list: bool
    marker: Marker | None
    nested: type[BaseModel] | None


def unwrap_annotation(annotation) -> tuple[bool, Marker | None, type[BaseModel] | None]:
    """Reduce a field annotation to: is it a list, what it refers to, which model it nests."""
    is_list, marker = False, None
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            for extra in annotation.__metadata__:
                if isinstance(extra, (RefTo, TermOf)):
                    marker = extra
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = members[0] if len(members) == 1 else str
        elif origin is list:
            is_list = True
            annotation = typing.get_args(annotation)[0]
        else:
            break
    nested = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return is_list, marker, nested


@cache
def _plan(cls: type[BaseModel]) -> tuple[_FieldPlan, ...]:
    plans = []
    for name, info in cls.model_fields.items():
        is_list, marker, nested = unwrap_annotation(info.annotation)
        for extra in info.metadata:
            if isinstance(extra, (RefTo, TermOf)):
                marker = extra
        if marker or nested:
            plans.append(_FieldPlan(name, is_list, marker, nested))
    return tuple(plans)


def references(model: BaseModel, location: tuple = ()) -> Iterator[Reference]:
    """Every id and vocabulary term `model` refers to, with where it stands."""
    for plan in _plan(type(model)):
        value = getattr(model, plan.name)
        if value is None:
            continue
        items = enumerate(value) if plan.is_list else [(None, value)]
        for index, item in items:
            here = location + ((plan.name,) if index is None else (plan.name, index))
            if plan.nested is not None:
                yield from references(item, here)
            elif plan.marker is not None:
                yield Reference(here, plan.marker, item)


def vocabularies_referred_to(models) -> set[str]:
    """The vocabularies whose terms fields of `models` (or the models they nest) take."""
    found, seen, todo = set(), set(), list(models)
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for plan in _plan(cls):
            if isinstance(plan.marker, TermOf):
                found.add(plan.marker.vocabulary)
            if plan.nested is not None:
                todo.append(plan.nested)
    return found
