"""Turns pydantic's validation errors into `Problem`s a contributor can act on.

Each error gets a stable code, the line and column of the offending value (from the YAML reader's
positions) and a hint: the nearest field name, the expected type, or the quotes YAML 1.1 needs.
"""

from __future__ import annotations

import difflib

from pydantic import BaseModel, ValidationError

from atlas.read.problems import Problem, field_path
from atlas.model.references import unwrap_annotation
from atlas.read.yaml_reader import ParsedFile

# Union members pydantic appends to a location; they say nothing to a contributor.
_UNION_PARTS = {"int", "float", "str"}

_CODES = {
    "missing": "missing-field",
    "too_short": "missing-field",
    "extra_forbidden": "unknown-field",
    "bad_id": "bad-id",
    "bad_url": "bad-url",
    "bad_link": "bad-url",  # a link inside text, or a link's text: the message is ours, whole
    "bad_text": "bad-text",
    "non_finite_number": "non-finite-number",
    "string_too_long": "too-long",
    # The only bounded numbers of the model are years (model.Year).
    "greater_than_equal": "bad-year",
    "less_than_equal": "bad-year",
    "date_from_datetime_inexact": "bad-date",
    "bad_date": "bad-date",
}

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "list_type": "a list (lines starting with `- `)",
    "model_type": "a mapping of `field: value` lines",
    "model_attributes_type": "a mapping of `field: value` lines",
    "dict_type": "a mapping of `field: value` lines",
    "date_type": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
}


def problems_from_validation(
    error: ValidationError, parsed: ParsedFile, path: str, model: type[BaseModel]
) -> list[Problem]:
    problems, seen = [], set()
    for detail in error.errors(include_url=False):
        location = tuple(part for part in detail["loc"] if part not in _UNION_PARTS)
        if location in seen:
            continue
        seen.add(location)
        problems.append(_problem(detail, location, parsed, path, model))
    return problems


def _problem(detail, location, parsed: ParsedFile, path: str, model) -> Problem:
    kind = detail["type"]
    position = parsed.position(location)
    field = field_path(location)
    if kind == "missing":
        owner = _model_at(model, location[:-1])
        description = _description(owner, location[-1])
        return Problem(path, position.line, position.column, "missing-field", field,
                       "required field is missing", f"add `{location[-1]}:` ({description})")
    if kind == "extra_forbidden":
        owner = _model_at(model, location[:-1])
        allowed = list(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(location[-1]), allowed, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        return Problem(path, position.line, position.column, "unknown-field", field,
                       f"unknown field `{location[-1]}`",
                       f"{hint}allowed fields here: {', '.join(allowed)}")
    if kind in _EXPECTED:
        expected = _EXPECTED[kind]
        if position.tag and position.tag != "str" and kind == "string_type":
            return Problem(path, position.line, position.column, "not-text", field,
                           f"expected text, but YAML reads `{position.raw}` as {_article(position.tag)}",
                           f"put it in quotes: \"{position.raw}\"")
        shown = f"`{position.raw}`" if position.raw is not None else "a list or mapping"
        hint = f"write {expected} here"
        if kind == "list_type" and position.raw is not None:
            hint = f"write it as a list: `- {position.raw}` on the next line, indented by two spaces"
        return Problem(path, position.line, position.column, "wrong-type", field,
                       f"expected {expected}, got {shown}", hint)
    if detail.get("input") == "" and kind in ("bad_id", "bad_text"):  # a template left unfilled
        names = [part for part in location if isinstance(part, str)]
        owner_location = location[: max(i for i, part in enumerate(location) if isinstance(part, str))]
        description = _description(_model_at(model, owner_location), names[-1]) if names else ""
        return Problem(path, position.line, position.column, "empty-value", field,
                       "no value given", f"fill it in: {description}")
    if kind == "literal_error":  # a fixed set of words, e.g. a framework link's kind
        owner = _model_at(model, location[:-1])
        return Problem(path, position.line, position.column, "bad-value", field,
                       f"`{position.raw}` is not allowed here",
                       f"write {detail['ctx']['expected']}: {_description(owner, location[-1])}")
    code = _CODES.get(kind, "bad-value")
    message = detail["msg"].removeprefix("Value error, ")
    hint = _range_hint(detail) if code in ("bad-year", "too-long") else ""
    if code == "bad-year":
        message = f"`{position.raw}` is not a year in the allowed range"
        hint += "; write the year with four digits, e.g. 2017"
    elif code == "too-long":
        message = f"the text has {len(str(detail.get('input', '')))} characters, too many for this field"
    elif kind in ("bad_id", "bad_url"):
        what = "an id" if code == "bad-id" else "a link the atlas accepts"
        message, hint = f"'{detail.get('input')}' is not {what}", message
        if code == "bad-url":
            hint += ": write the full address, e.g. https://www.undp.org/"
    elif "; " in message:  # our own messages say what is wrong, then what to do
        message, hint = message.split("; ", 1)
    if kind == "too_short":
        message, hint = "the list is empty", "give at least one item"
    return Problem(path, position.line, position.column, code, field, message, hint)


def _range_hint(detail) -> str:
    context = detail.get("ctx") or {}
    if "ge" in context:
        return f"the smallest value allowed is {context['ge']}"
    if "le" in context:
        return f"the largest value allowed is {context['le']}"
    if "max_length" in context:
        return f"shorten it to {context['max_length']} characters or fewer"
    return ""


def _article(tag: str) -> str:
    names = {"bool": "a true/false value", "int": "a number", "float": "a number",
             "null": "an empty value", "timestamp": "a date"}
    return names.get(tag, tag)


def _model_at(model: type[BaseModel], location: tuple) -> type[BaseModel] | None:
    """The model class that owns the field at `location`."""
    current = model
    for part in location:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = unwrap_annotation(info.annotation)[2]
    return current


def _description(owner: type[BaseModel] | None, name) -> str:
    if owner is None or name not in owner.model_fields:
        return "see the data reference"
    return (owner.model_fields[name].description or "see the data reference").rstrip(".")
