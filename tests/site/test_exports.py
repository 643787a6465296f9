"""The data exports of the built site: every record in every file, the same as the loaded data,
parseable with the standard json and csv modules, and described by a valid datapackage.json."""

import csv
import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from atlas.publish import export
from atlas.model.records import KINDS
from conftest import ROOT

SITE_URL = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(), re.MULTILINE).group(1)
FOLDERS = {kind: KINDS[kind].folder for kind in export.RECORD_KINDS}


def read_json(path: Path):
    assert path.is_file(), f"missing export {path}"
    return json.loads(path.read_text(encoding="utf-8"))


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def package(site):
    return read_json(site / "data" / "datapackage.json")


@pytest.mark.parametrize("kind", export.RECORD_KINDS)
def test_the_json_of_a_kind_holds_every_record_and_loads_back_into_the_model(site, dataset, kind):
    document = read_json(site / "data" / f"{FOLDERS[kind]}.json")
    records = dataset.table(kind)
    assert document["count"] == len(records) == len(document["records"])
    loaded = {entry["id"]: KINDS[kind].model_validate(entry["record"]) for entry in document["records"]}
    assert loaded == records
    for entry in document["records"]:
        assert entry["url"] == f"{SITE_URL}{FOLDERS[kind]}/{entry['id']}/"


@pytest.mark.parametrize("kind", export.RECORD_KINDS)
def test_every_record_has_its_json_file_next_to_its_page(site, dataset, kind):
    folder = FOLDERS[kind]
    for record in dataset.table(kind).values():
        assert (site / folder / record.id / "index.html").is_file()
        document = read_json(site / folder / f"{record.id}.json")
        assert document["id"] == record.id and document["kind"] == kind
        assert KINDS[kind].model_validate_json(json.dumps(document["record"])) == record


def git(*arguments: str) -> str:
    return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def test_every_export_states_the_data_version_and_record_dates(site, dataset):
    document = read_json(site / "data" / "practices.json")
    assert document["data_version"]["commit"] == git("rev-parse", "HEAD")
    assert document["license"]["name"] == "CC-BY-4.0"
    entries = document["records"]
    assert all(entry["data_version"] == document["data_version"] for entry in entries)
    # Checked against git itself, one record at a time, for a sample (a shallow clone has no dates).
    shallow = git("rev-parse", "--is-shallow-repository") == "true"
    for entry in entries[:: max(1, len(entries) // 6)]:
        expected = git("log", "-1", "--format=%cs", "--", f"data/practices/{entry['id']}.yaml") or None
        assert entry["last_changed"] == (None if shallow else expected), entry["id"]


@pytest.mark.parametrize("kind", export.RECORD_KINDS)
def test_the_csv_of_a_kind_has_one_row_per_record(site, dataset, kind):
    header, rows = read_csv(site / "data" / f"{FOLDERS[kind]}.csv")
    assert header[0] == "id"
    assert [row["id"] for row in rows] == list(dataset.table(kind))
    for row in rows:
        assert row["url"] == f"{SITE_URL}{FOLDERS[kind]}/{row['id']}/"


def test_csv_lists_split_back_into_the_record_values(site, dataset):
    _, rows = read_csv(site / "data" / "practices.csv")
    for row in rows:
        practice = dataset.practices[row["id"]]
        split = lambda cell: cell.split(export.LIST_DELIMITER) if cell else []  # noqa: E731
        assert split(row["countries"]) == practice.countries
        assert split(row["mechanisms"]) == practice.mechanisms
        assert row["title"].removeprefix("'") == practice.title


def test_the_relation_tables_have_a_row_per_link(site, dataset):
    _, actors = read_csv(site / "data" / "practice-organizations.csv")
    assert len(actors) == sum(len(p.actors) for p in dataset.practices.values())
    _, components = read_csv(site / "data" / "framework-components.csv")
    assert {(r["framework"], r["id"]) for r in components} == {
        (f.id, c.id) for f in dataset.frameworks.values() for c in f.components
    }
    for row in components:
        assert row["url"] == f"{SITE_URL}frameworks/{row['framework']}/#{row['id']}"


def test_a_text_cell_that_looks_like_a_formula_is_defused():
    column = export.Column("title", "string", "", lambda row: row)
    assert export.csv_cell(column, "=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert export.csv_cell(column, "-5 apples") == "'-5 apples"
    assert export.csv_cell(export.Column("n", "integer", "", lambda row: row), -5) == "-5"
    assert export.csv_cell(column, None) == ""


@pytest.mark.parametrize("value, expected", [
    # every list item, since a semicolon-locale spreadsheet splits the cell at each ";"
    (["safe", "=3+3"], "safe; '=3+3"),
    (["x;=2+2"], "x;'=2+2"),
    (["@SUM(A1)", "-1", "+1"], "'@SUM(A1); '-1; '+1"),
    # after leading white space, and in full-width forms
    ([" =HYPERLINK(\"http://x\")"], " '=HYPERLINK(\"http://x\")"),
    (["\t=1+1"], "\t'=1+1"),
    (["\uff1d1+1"], "'\uff1d1+1"),
    (["\uff20SUM(A1)", "\uff0b1"], "'\uff20SUM(A1); '\uff0b1"),
    # ordinary text is left as it is
    (["Moldova", "a - b", "e-mail"], "Moldova; a - b; e-mail"),
])
def test_every_piece_of_a_cell_that_looks_like_a_formula_is_defused(value, expected):
    assert export.csv_cell(export.Column("aliases", "list", "", lambda row: row), value) == expected
    text = export.csv_cell(export.Column("title", "string", "", lambda row: row), "; ".join(value))
    assert text == expected


# --- the Data Package descriptor --------------------------------------------------------------

NAME = re.compile(r"^[a-z0-9._-]+$")
TYPES = {"string", "integer", "number", "date", "list", "boolean"}


def test_the_datapackage_descriptor_is_complete(site, package):
    assert NAME.match(package["name"])
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["licenses"][0]["path"].startswith("https://")
    assert package["version"] != "unversioned"
    names = [resource["name"] for resource in package["resources"]]
    assert len(names) == len(set(names)) and all(NAME.match(name) for name in names)
    listed = {resource["path"] for resource in package["resources"]}
    on_disk = {path.name for path in (site / "data").iterdir() if path.suffix in (".csv", ".json")}
    # A renamed table's former address serves the same file; the package lists it once, by its name.
    former = {f"{name}.csv" for name in export.FORMER_NAMES.values()}
    assert listed == on_disk - {"datapackage.json"} - former


def test_each_csv_matches_the_schema_the_datapackage_gives_it(site, package):
    parsers = {
        "integer": int, "number": float, "date": datetime.date.fromisoformat,
        "string": str, "list": lambda cell: cell.split("; "),
    }
    for resource in package["resources"]:
        if resource["format"] != "csv":
            continue
        fields = resource["schema"]["fields"]
        assert all(field["type"] in TYPES and field["description"] for field in fields)
        header, rows = read_csv(site / "data" / resource["path"])
        assert header == [field["name"] for field in fields], resource["name"]
        for row in rows:
            for field in fields:
                if row[field["name"]] != "":
                    parsers[field["type"]](row[field["name"]])
        key = resource["schema"].get("primaryKey")
        if key:
            values = [tuple(row[name] for name in key) for row in rows]
            assert len(values) == len(set(values)), f"{resource['name']}: duplicate {key}"


def test_the_export_code_imports_nothing_from_mkdocs():
    code = (
        "import sys, atlas.publish.export, atlas.publish.citation, atlas.publish.history, atlas.publish.changelog;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_data_package_passes_frictionless_validation(site):
    # Frictionless reads every resource too: each CSV against its schema, each JSON file.
    from frictionless import Package

    report = Package(str(site / "data" / "datapackage.json")).validate()
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors]
    assert report.valid, errors
    created = json.loads((site / "data" / "datapackage.json").read_text())["created"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", created)
