"""`atlas new` (`make new`) writes a record with every required field and an explanation of each,
read from the model; filled in, it validates. It never overwrites a file or accepts a bad id."""

from __future__ import annotations

import pytest
import yaml

from atlas.contrib.record_template import LEFT_FOR_EDITORS
from atlas.contrib.cli import main
from atlas.model.field_reference import fields_of
from atlas.loader import load
from atlas.model.records import KINDS

LENSES = "horizontal, vertical, engagement"


def required_shape(model) -> dict:
    """The keys a template must hold: required fields, nested required fields inside."""
    shape = {}
    for doc in fields_of(model):
        if doc.required:
            shape[doc.name] = required_shape(doc.nested) if doc.nested else None
    return shape


def shape_of(value) -> dict | None:
    if isinstance(value, list):
        value = value[0]
    return {key: shape_of(item) for key, item in value.items()} if isinstance(value, dict) else None


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_template_has_exactly_the_required_fields_of_the_model(data_copy, kind):
    assert main(["new", kind, "some-new-id", "--data", str(data_copy)]) == 0
    path = data_copy / KINDS[kind].folder / "some-new-id.yaml"
    text = path.read_text()
    assert text.startswith(f"# yaml-language-server: $schema=../../schema/{KINDS[kind].folder}.schema.json\n")
    assert shape_of(yaml.safe_load(text)) == required_shape(KINDS[kind])
    for doc in fields_of(KINDS[kind]):  # every field is explained, optional ones included...
        if doc.name in LEFT_FOR_EDITORS:  # ...but the reviews, which an editor adds later
            assert f"{doc.name}:" not in text
            continue
        assert doc.description.split(".")[0][:40] in " ".join(text.replace("# ", "").split())


def test_the_template_lists_the_allowed_terms_and_an_unfilled_template_does_not_validate(data_copy):
    main(["new", "practice", "lisbon-one-stop-shop", "--data", str(data_copy)])
    text = (data_copy / "practices" / "lisbon-one-stop-shop.yaml").read_text()
    assert f"One of: {LENSES}." in " ".join(line.lstrip("# ") for line in text.splitlines())
    problems = load(data_copy, shown_as="data").problems
    assert {problem.code for problem in problems} == {"empty-value"}
    assert problems[0].format() == ("data/practices/lisbon-one-stop-shop.yaml:8:8: error [empty-value] title: "
                                    "no value given; fill it in: Name of the practice in English")


def test_a_filled_in_practice_template_validates(data_copy):
    main(["new", "practice", "lisbon-one-stop-shop", "--data", str(data_copy)])
    path = data_copy / "practices" / "lisbon-one-stop-shop.yaml"
    filled = (
        path.read_text()
        .replace('\ntitle: ""', "\ntitle: One-stop shop for migrants in Lisbon", 1)
        .replace('\nsummary: ""', "\nsummary: A single office where migrants find the services of several "
                                "ministries and of the city, with interpreters.", 1)
        .replace('\n    lens: ""', "\n    lens: horizontal", 1)
        .replace('\n    reason: ""', "\n    reason: Several ministries serve migrants at one desk.", 1)
        .replace('levels:\n  - ""', "levels:\n  - local", 1)
        .replace('mechanisms:\n  - ""', "mechanisms:\n  - coordination-platform", 1)
        .replace('\n  - source: ""', '\n  - source: "002"', 1)
        .replace('\n    locator: ""', '\n    locator: "Annex 1: Examples"', 1)
        # an optional field, uncommented as the template says
        .replace('# countries:\n#   - ""', "countries:\n  - mda", 1)
    )
    path.write_text(filled)
    result = load(data_copy)
    assert result.problems == [], [p.format() for p in result.problems]
    assert result.dataset.practices["lisbon-one-stop-shop"].countries == ["mda"]


@pytest.mark.parametrize("bad_id", ["Lisbon", "lisbon_shop", "lisbon--shop", "lisbon-", "index", "a/b", "x" * 81])
def test_new_refuses_a_bad_id(data_copy, bad_id, capsys):
    assert main(["new", "practice", bad_id, "--data", str(data_copy)]) == 2
    assert "is not a valid id" in capsys.readouterr().err
    assert sorted(p.name for p in (data_copy / "practices").iterdir()) == [
        "moldova-hometown-associations.yaml", "moldova-migration-and-local-development.yaml"]


def test_new_never_overwrites_a_record(data_copy, capsys):
    path = data_copy / "practices" / "moldova-hometown-associations.yaml"
    before = path.read_text()
    assert main(["new", "practice", "moldova-hometown-associations", "--data", str(data_copy)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == before


def test_new_outside_the_repository_says_where_to_run_it(tmp_path, capsys):
    assert main(["new", "practice", "lisbon-one-stop-shop", "--data", str(tmp_path / "data")]) == 2
    assert "run this in the repository's top folder" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
