"""The model stands alone: no MkDocs import, and the committed JSON Schemas are its exact export."""

import json
import subprocess
import sys

from atlas.contrib.schema import json_schemas
from conftest import ROOT



def test_loading_and_checking_the_data_imports_nothing_from_mkdocs():
    code = (
        "import sys, atlas.loader, atlas.contrib.cli, atlas.model.dataset;"
        "atlas.loader.load('data');"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_committed_json_schemas_match_the_model():
    for folder, schema in json_schemas().items():
        committed = json.loads((ROOT / "schema" / f"{folder}.schema.json").read_text())
        assert committed == schema, f"schema/{folder}.schema.json is stale: run `make schema`"


def test_a_component_may_not_take_the_id_of_a_section_of_its_framework_page():
    import pytest
    from pydantic import ValidationError

    from atlas.model.records import Component

    for taken in ("cite", "sources", "components"):
        with pytest.raises(ValidationError, match="section of the framework page"):
            Component.model_validate({"id": taken, "title": "A component"})
    assert Component.model_validate({"id": "criterion-1", "title": "A component"}).id == "criterion-1"


def test_the_vocabularies_checked_are_read_from_the_model_and_each_has_its_file():
    from atlas.model.records import KINDS
    from atlas.model.references import vocabularies_referred_to

    files = {path.stem for path in (ROOT / "data" / "vocabularies").glob("*.yaml")}
    assert vocabularies_referred_to(KINDS.values()) == files


def test_a_new_vocabulary_field_without_its_file_is_a_problem_not_a_traceback(data_copy, monkeypatch):
    from atlas.checks import cross_record as checks
    from atlas.loader import load
    from atlas.model.records import KINDS, Organization, Term

    class ZonedOrganization(Organization):
        zone: Term("zones") | None = None

    monkeypatch.setattr(checks, "KINDS", {**KINDS, "organization": ZonedOrganization})
    [problem] = load(data_copy, shown_as="data").problems
    assert problem.format() == ("data/vocabularies/zones.yaml:1:1: error [missing-vocabulary] the vocabulary 'zones' "
                                "is missing; restore the file from the repository")
