"""The "Propose a practice" form (/contribute/propose/), made from the data model at build time, so
it can never drift from what `atlas validate` accepts: one control per field of `Practice` (its
help text is the field's description, its required mark the model's), vocabularies as labelled
choices, references as searchable pickers over the existing records.

The page holds the form as HTML; `docs/assets/practice-form.js` checks what a contributor types
with the validator's rules and messages (where a rule needs nothing but the form and the ids
listed in `contribute/practice-form.json`), writes the YAML file, and offers it to copy, to
download, or to open as a pull request on GitHub's new-file page. Nothing leaves the browser
until the contributor presses that link.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from atlas.checks.cross_record import MIN_REASON_LENGTH, MIN_SUMMARY_LENGTH
from atlas.model.dataset import Dataset
from atlas.model.field_reference import FieldDoc, fields_of
from atlas.model.records import ID_PATTERN, MAX_ID_LENGTH, MAX_NAME_WORDS, RESERVED_IDS, Practice
from atlas.site.repository import Repository

JSON_PATH = "contribute/practice-form.json"
# Fields an editor fills in, not a proposer: a review is an editor's check against the sources.
EDITORS_ONLY = frozenset({"reviews"})
# How an item of a list is named on its "Add" button.
ITEM_NAMES = {
    "aliases": "another name", "countries": "a country", "cities": "a city", "actors": "an organization",
    "frameworks": "a framework link", "figures": "a figure", "related": "a related practice",
    "links": "a web link", "sources": "a source passage", "secondary": "a secondary lens",
}
_WIDGETS = {"Markdown text": "textarea", "number": "number"}


@dataclass
class FormField:
    """One control of the form: a value (text, choice, picker), or a group of other fields."""

    name: str
    label: str
    help: str
    required: bool
    widget: str  # text, textarea, number, year, select, checkboxes, picker, group, list
    missing: str  # the validator's hint for a missing required field, word for word
    checks: tuple[str, ...] = ()  # id, line, name, url
    max_length: int | None = None
    choices: list[tuple[str, str]] = field(default_factory=list)
    picks: str | None = None  # the record kind a picker lists
    min_items: int = 0
    item: FormField | None = None  # for lists: the form of one item
    children: list[FormField] = field(default_factory=list)  # for groups

    @property
    def add_label(self) -> str:
        return f"Add {ITEM_NAMES.get(self.name, 'another')}"


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _missing_hint(doc: FieldDoc) -> str:
    # read/validation_messages.py: "add `name:` (description without its final period)"
    return f"add `{doc.name}:` ({(doc.description or 'see the data reference').rstrip('.')})"


def _value_field(doc: FieldDoc, data: Dataset, inside_list: bool) -> FormField:
    """The control for one value of `doc` (a list's item when `inside_list`)."""
    common = dict(name=doc.name, label=_label(doc.name), help=doc.description,
                  required=doc.required or inside_list, missing=_missing_hint(doc), max_length=doc.max_length)
    if doc.nested is not None:
        return FormField(widget="group", children=_fields(doc.nested, data), **common)
    if doc.vocabulary:
        return FormField(widget="select", choices=[(t.id, t.label) for t in data.terms(doc.vocabulary)], **common)
    if doc.choices:
        return FormField(widget="select", choices=[(choice, choice) for choice in doc.choices], **common)
    if doc.refers_to:
        return FormField(widget="picker", picks=doc.refers_to, **common)
    if doc.value_type.startswith("year"):
        return FormField(widget="year", **common)
    checks = {"id (lowercase kebab-case)": ("id",), "http(s) URL": ("url",), "text, one line": ("line",)}.get(
        doc.value_type, ())
    if doc.is_name:
        checks += ("name",)
    if doc.name == "component":  # an id within the chosen framework: picked among all components
        return FormField(widget="picker", picks="component", checks=checks, **common)
    return FormField(widget=_WIDGETS.get(doc.value_type, "text"), checks=checks, **common)


def _fields(model, data: Dataset) -> list[FormField]:
    fields = []
    for doc in fields_of(model):
        if doc.name in EDITORS_ONLY:
            continue
        if doc.is_list and doc.vocabulary:  # a few labelled choices: one box each
            fields.append(FormField(doc.name, _label(doc.name), doc.description, doc.required, "checkboxes",
                                    _missing_hint(doc), min_items=doc.min_items,
                                    choices=[(t.id, t.label) for t in data.terms(doc.vocabulary)]))
        elif doc.is_list:
            fields.append(FormField(doc.name, _label(doc.name), doc.description, doc.required, "list",
                                    _missing_hint(doc), min_items=doc.min_items,
                                    item=_value_field(doc, data, inside_list=True)))
        else:
            fields.append(_value_field(doc, data, inside_list=False))
    return fields


def practice_form(data: Dataset) -> list[FormField]:
    """The form's fields, in the order of the model (the order of the YAML file it writes)."""
    return _fields(Practice, data)


def form_data(data: Dataset, repository: Repository) -> dict:
    """What the form's script needs besides the page: the ids to pick from, and the rules' limits."""
    def records(kind: str) -> list[list[str]]:
        return [[record.id, record.label] for record in sorted(data.table(kind).values(), key=lambda r: r.label.lower())]

    return {
        "records": {kind: records(kind) for kind in ("practice", "country", "organization", "framework")}
        | {"source": [[source.id, source.short_title] for source in data.sources.values()]},
        "components": [[framework.id, component.id, f"{component.label or ''} {component.title}".strip()]
                       for framework in data.frameworks.values() for component in framework.components],
        "sections": [[source.id, heading] for source in data.sources.values() for heading in source.sections],
        "rules": {
            "idPattern": ID_PATTERN.pattern, "maxIdLength": MAX_ID_LENGTH, "reservedIds": sorted(RESERVED_IDS),
            "minSummary": MIN_SUMMARY_LENGTH, "minReason": MIN_REASON_LENGTH, "maxNameWords": MAX_NAME_WORDS,
        },
        "file": {"folder": Practice.folder, "header": f"# yaml-language-server: $schema=../../schema/{Practice.folder}.schema.json",
                 "newFile": repository.new_file_url("").rstrip("/")},
    }


def form_json(data: Dataset, repository: Repository) -> str:
    return json.dumps(form_data(data, repository), ensure_ascii=False, separators=(",", ":"))
