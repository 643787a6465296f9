"""The data exports: JSON for every record and kind, CSV tables, and a Frictionless `datapackage.json`.

Pure functions from the loaded `Dataset` to file contents; the site build writes what `files()`
returns next to the pages (see atlas/site/publishing.py), so the exports and the pages come from the
same loaded data. JSON keeps every field (`model_dump`); CSV flattens, joining list items with
"; " (declared as a Data Package `list` field with that delimiter).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from atlas.model.dataset import Dataset
from atlas.publish.history import DataVersion, History
from atlas.model.field_reference import FieldDoc, fields_of
from atlas.model.records import CITING_KINDS, KINDS, FrameworkLink, Record

LIST_DELIMITER = "; "
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
CODE_LICENSE = {"name": "MIT", "title": "MIT License", "path": "https://opensource.org/license/mit"}
# Spreadsheets run a cell that starts with one of these as a formula, also after white space and
# in their full-width forms (folded by NFKC); such a piece of text gets a "'" before it.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet set to a semicolon locale splits a cell at each ";" (list items are joined with
# "; "), so every piece between semicolons is a cell of its own there and is defused on its own.
_PIECE = re.compile(r"(^|;)(\s*)([^;]*)")
RECORD_KINDS = tuple(KINDS)


@dataclass(frozen=True)
class Publication:
    """Where and from which commit the exports are published."""

    site_url: str  # ends with "/"
    site_name: str
    description: str
    version: DataVersion
    history: History

    def url(self, record: Record, anchor: str | None = None) -> str:
        return f"{self.site_url}{record.folder}/{record.id}/" + (f"#{anchor}" if anchor else "")

    def last_changed(self, record: Record) -> datetime.date | None:
        return self.history.last_changed_of(record.folder, record.id)


# --- JSON ----------------------------------------------------------------------------------------


def record_document(record: Record, publication: Publication) -> dict:
    """One record as published: where its page is, which data version, and every field."""
    changed = publication.last_changed(record)
    return {
        "kind": record.kind,
        "id": record.id,
        "url": publication.url(record),
        "data_version": publication.version.as_json(),
        "last_changed": changed.isoformat() if changed else None,
        "record": record.model_dump(mode="json"),
    }


def kind_document(data: Dataset, kind: str, publication: Publication) -> dict:
    records = data.table(kind).values()
    return {
        "kind": kind,
        "data_version": publication.version.as_json(),
        "license": DATA_LICENSE,
        "count": len(records),
        "records": [record_document(record, publication) for record in records],
    }


def vocabularies_document(data: Dataset, publication: Publication) -> dict:
    return {
        "kind": "vocabulary",
        "data_version": publication.version.as_json(),
        "license": DATA_LICENSE,
        "count": len(data.vocabularies),
        "records": [vocabulary.model_dump(mode="json") for vocabulary in data.vocabularies.values()],
    }


def to_json(document: dict, indent: int | None = 1) -> str:
    return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"


# --- CSV -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Data Package field type: string, integer, number, date, list
    description: str
    value: Callable[[object], object]


@dataclass(frozen=True)
class Table:
    name: str  # file data/<name>.csv and resource name
    title: str
    primary_key: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: Callable[[Dataset], Iterable[object]]


def _text(name: str, description: str, get=None) -> Column:
    return Column(name, "string", description, get or (lambda row: getattr(row, name)))


def _list(name: str, description: str, get=None) -> Column:
    return Column(name, "list", description, get or (lambda row: getattr(row, name)))


def _ids(items) -> list[str]:
    return list(dict.fromkeys(items))


def _record_columns(publication: Publication) -> tuple[Column, ...]:
    """The columns every record table ends with."""
    return (
        Column("last_reviewed", "date", "Date an editor last checked the record against its sources.",
               lambda r: r.last_review.date if r.last_review else None),
        Column("last_changed", "date", "Date of the last commit that changed the record.",
               publication.last_changed),
        _text("url", "Canonical address of the record's page.", publication.url),
    )


# A record's fields that a CSV row leaves out: the figures (a table of their own in the JSON), the
# source texts' internal file name and section list (for maintainers), and the reviews, whose last
# date the common column `last_reviewed` carries.
_NOT_IN_CSV = frozenset({"figures", "file", "sections", "reviews"})


def _period(part: str) -> Callable:
    return lambda p: getattr(p.period, part) if p.period else None


# Fields that are mappings, or lists of them, and the columns each becomes (the link tables below
# hold their details: roles, components, locators).
_FLATTENED: dict[str, tuple[Column, ...]] = {
    "lenses": (
        _text("primary_lens", "Id of its primary lens.", lambda p: p.lenses.primary.lens),
        _text("primary_lens_reason", "Why it belongs to that lens.", lambda p: p.lenses.primary.reason),
        _list("secondary_lenses", "Ids of its secondary lenses.", lambda p: [s.lens for s in p.lenses.secondary]),
    ),
    "cities": (_list("cities", "Its cities, as 'name (country code)'.",
                     lambda p: [f"{c.name} ({c.country})" for c in p.cities]),),
    "actors": (_list("organizations", "Ids of the organizations involved (roles: practice-organizations.csv).",
                     lambda p: _ids(a.organization for a in p.actors)),),
    "frameworks": (_list("frameworks", "Ids of related frameworks, as 'framework' or 'framework#component'.",
                         lambda p: [f.framework + (f"#{f.component}" if f.component else "") for f in p.frameworks]),),
    "period": (Column("period_start", "integer", "First year.", _period("start")),
               Column("period_end", "integer", "Last year.", _period("end"))),
    "related": (_list("related", "Ids of related practices.", lambda p: [r.practice for r in p.related]),),
    "links": (_list("links", "Web links.", lambda r: [link.url for link in r.links]),),
    "roles": (_list("roles", "Ids of its roles (origin, transit, destination) as the sources describe them.",
                    lambda c: _ids(r.role for r in c.roles)),),
    "components": (_list("components", "Ids of its components (details: framework-components.csv).",
                         lambda f: [c.id for c in f.components]),),
    "sources": (_list("sources", "Ids of the source documents the record cites (locators: citations.csv).",
                      lambda r: _ids(c.source for c in r.sources)),),
}


def _link_doc(name: str) -> str:
    """A framework link's field, as the model describes it."""
    return FrameworkLink.model_fields[name].description


def _column(doc: FieldDoc) -> Column:
    """The column of a field that holds text, ids, terms, a year or a date: described by the model."""
    kind = "list" if doc.is_list else {"year (1900–2100)": "integer", "date (YYYY-MM-DD)": "date"}.get(
        doc.value_type, "string")
    return Column(doc.name, kind, doc.description, lambda row, name=doc.name: getattr(row, name))


def _record_table(record_type: type[Record], publication: Publication) -> Table:
    columns = []
    for doc in fields_of(record_type):
        if doc.name in _NOT_IN_CSV:
            continue
        columns.extend(_FLATTENED[doc.name] if doc.name in _FLATTENED else [_column(doc)])
    title = "Source documents" if record_type.kind == "source" else record_type.folder.capitalize()
    return Table(record_type.folder, title, ("id",), (*columns, *_record_columns(publication)),
                 lambda d, kind=record_type.kind: d.table(kind).values())


def tables(publication: Publication) -> tuple[Table, ...]:
    """Every CSV table: one per record kind, with a column for each field of the model (described
    as the model describes it), then the tables that link records to one another."""
    return (
        *(_record_table(record_type, publication) for record_type in KINDS.values()),
        Table("practice-organizations", "Organizations involved in each practice", ("practice", "organization", "role"), (
            _text("practice", "Id of the practice.", lambda row: row[0].id),
            _text("organization", "Id of the organization.", lambda row: row[1].organization),
            _text("role", "Id of the organization's role.", lambda row: row[1].role),
            _text("note", "Detail on the role.", lambda row: row[1].note),
        ), lambda d: [(p, a) for p in d.practices.values() for a in p.actors]),
        Table("practice-components", "Frameworks and components each practice serves, with the reason and "
              "the kind of each link", ("practice", "framework", "component"), (
            _text("practice", "Id of the practice.", lambda row: row[0].id),
            _text("framework", "Id of the framework.", lambda row: row[1].framework),
            _text("component", "Id of the component (empty: the framework as a whole).", lambda row: row[1].component),
            _text("kind", _link_doc("kind"), lambda row: row[1].kind),
            _text("reason", _link_doc("reason"), lambda row: row[1].reason),
            _text("source", "Id of the source document of the passage, if one is cited.",
                  lambda row: row[1].source.source if row[1].source else None),
            _text("locator", "The passage in that source.", lambda row: row[1].source.locator if row[1].source else None),
        ), lambda d: [(p, f) for p in d.practices.values() for f in p.frameworks]),
        Table("framework-components", "Components of each framework (criteria, targets, objectives)",
              ("framework", "id"), (
            _text("framework", "Id of the framework.", lambda row: row[0].id),
            _text("id", "Id of the component, also its anchor on the framework page.", lambda row: row[1].id),
            _text("label", "Its number or short label.", lambda row: row[1].label),
            _text("title", "Its name or a one-line statement of it.", lambda row: row[1].title),
            _text("summary", "Explanation (Markdown).", lambda row: row[1].summary),
            _text("url", "Permanent link to the component.", lambda row: publication.url(row[0], row[1].id)),
        ), lambda d: [(f, c) for f in d.frameworks.values() for c in f.components]),
        Table("citations", "Every source passage each record cites", (), (
            _text("kind", "Kind of the citing record.", lambda row: row[0].kind),
            _text("id", "Id of the citing record.", lambda row: row[0].id),
            _text("source", "Id of the source document.", lambda row: row[1].source),
            _text("locator", "Section or passage in the source.", lambda row: row[1].locator),
        ), lambda d: [(r, c) for kind in CITING_KINDS for r in d.table(kind).values() for c in r.sources]),
        Table("terms", "Vocabulary terms the other tables use as ids", ("vocabulary", "id"), (
            _text("vocabulary", "Id of the vocabulary (lenses, levels, sectors...).", lambda row: row[0].id),
            _text("id", "Id of the term.", lambda row: row[1].id),
            _text("label", "How the term is shown.", lambda row: row[1].label),
            _text("description", "What it means (Markdown).", lambda row: row[1].description),
        ), lambda d: [(v, t) for v in d.vocabularies.values() for t in v.terms]),
    )


def csv_cell(column: Column, value: object) -> str:
    if value is None:
        return ""
    if column.type == "list":
        value = LIST_DELIMITER.join(str(item) for item in value)
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    text = str(value)
    if column.type in ("string", "list"):
        text = _PIECE.sub(_defuse_piece, text)
    return text


def _defuse_piece(match: re.Match) -> str:
    separator, space, piece = match.groups()
    if unicodedata.normalize("NFKC", piece[:1]).startswith(_FORMULA_STARTS):
        piece = "'" + piece
    return separator + space + piece


def csv_table(table: Table, data: Dataset) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(column.name for column in table.columns)
    for row in table.rows(data):
        writer.writerow(csv_cell(column, column.value(row)) for column in table.columns)
    return out.getvalue()


# --- Data Package --------------------------------------------------------------------------------


def _field_descriptor(column: Column) -> dict:
    descriptor = {"name": column.name, "type": column.type, "description": column.description}
    if column.type == "list":
        descriptor.update(delimiter=LIST_DELIMITER, itemType="string")
    if column.name == "url":
        descriptor["format"] = "uri"
    return descriptor


def datapackage(data: Dataset, publication: Publication, json_files: list[tuple[str, str]]) -> dict:
    """The Frictionless Data Package (v2) descriptor of the CSV tables and JSON files in /data/."""
    version = publication.version
    resources = []
    for table in tables(publication):
        schema = {"fields": [_field_descriptor(column) for column in table.columns]}
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        resources.append({
            "name": table.name,
            "title": table.title,
            "path": f"{table.name}.csv",
            "type": "table",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True},
            "schema": schema,
        })
    for name, title in json_files:
        resources.append({
            "name": f"{name}-json",
            "title": title,
            "path": f"{name}.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        })
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "migration-policy-integration-atlas",
        "title": publication.site_name,
        "description": (
            f"{publication.description} CSV list fields join their items with \"{LIST_DELIMITER}\"; "
            "text that begins with =, +, -, @ (or their full-width forms), in a cell or after a \";\" "
            "or white space, gets an added apostrophe so that spreadsheets do not run it as a formula. "
            "The JSON files hold every field exactly."
        ),
        "homepage": publication.site_url,
        "version": version.short or "unversioned",
        # RFC 3339 date-time, as the Data Package standard asks; absent when built outside git.
        **({"created": version.committed.isoformat()} if version.committed else {}),
        "data_version": version.as_json(),
        "licenses": [DATA_LICENSE],
        "contributors": [{"title": f"{publication.site_name} contributors", "roles": ["author"]}],
        "sources": [
            {"title": source.title, **({"path": source.links[0].url} if source.links else {})}
            for source in data.sources.values()
        ],
        "resources": resources,
    }


# Tables renamed since they were first published, with the name their first address used.
FORMER_NAMES = {"practice-components": "practice-frameworks"}


# --- every file ----------------------------------------------------------------------------------


def files(data: Dataset, publication: Publication) -> Iterator[tuple[str, str]]:
    """Every export file, by its path in the site: data/<folder>.json|csv, data/datapackage.json,
    and <folder>/<id>.json next to each record's page. One at a time: all at once, the exports
    held about 17 MB per 1,000 practices (tracemalloc, 1,000 practices)."""
    json_files = []
    for kind in RECORD_KINDS:
        records = data.table(kind)
        folder = KINDS[kind].folder
        yield f"data/{folder}.json", to_json(kind_document(data, kind, publication))
        json_files.append((folder, f"All {folder} (JSON, every field)"))
        for record in records.values():
            yield f"{folder}/{record.id}.json", to_json(record_document(record, publication), indent=2)
    yield "data/vocabularies.json", to_json(vocabularies_document(data, publication))
    json_files.append(("vocabularies", "Vocabularies (JSON)"))
    for table in tables(publication):
        content = csv_table(table, data)
        yield f"data/{table.name}.csv", content
        if table.name in FORMER_NAMES:  # an address once published keeps working
            yield f"data/{FORMER_NAMES[table.name]}.csv", content
    yield "data/datapackage.json", to_json(datapackage(data, publication, json_files), indent=2)
