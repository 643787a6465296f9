"""The contributor's tooling: CI workflows pinned and least-privileged, deploys only from main,
link checks only on a schedule, yamllint and the schema headers on every data file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from atlas.contrib.cli import main
from atlas.contrib.editor_headers import files_to_fix
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    document = yaml.safe_load((WORKFLOWS / name).read_text())
    document["on"] = document.pop(True)  # YAML 1.1 reads the key `on` as true
    return document


def test_every_action_is_pinned_to_a_commit_hash():
    for path in [*WORKFLOWS.glob("*.yml"), ROOT / ".pre-commit-config.yaml"]:
        for line in path.read_text().splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d", line), f"{path.name}: {line.strip()}"
            if line.strip().startswith("rev:"):
                assert re.search(r"rev: [0-9a-f]{40}", line), f"{path.name}: {line.strip()}"


def test_pull_requests_are_checked_read_only_and_never_with_pull_request_target():
    document = workflow("pull-request.yml")
    assert document["on"] == "pull_request"
    assert document["permissions"] == {"contents": "read"}
    assert not any("permissions" in job for job in document["jobs"].values())
    runs = [step.get("run") for step in document["jobs"]["test"]["steps"]]
    assert {"make validate", "make lint", "make test", "make build"} <= set(runs)
    assert any("upload-artifact" in step.get("uses", "") for step in document["jobs"]["test"]["steps"])
    for path in WORKFLOWS.glob("*.yml"):
        assert "pull_request_target" not in yaml.safe_load(path.read_text()).get(True, {}), path.name


def test_only_the_deploy_job_of_the_main_branch_workflow_may_write_to_pages():
    document = workflow("deploy.yml")
    assert document["on"]["push"] == {"branches": ["main"]}
    assert document["permissions"] == {"contents": "read"}
    assert document["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in document["jobs"]["build"]
    assert document["jobs"]["deploy"]["needs"] == "build"
    for name in ("pull-request.yml", "link-check.yml"):
        assert "pages" not in (WORKFLOWS / name).read_text().split("permissions:", 1)[1].split("jobs:")[0]


def test_links_are_checked_weekly_and_never_on_a_pull_request():
    document = workflow("link-check.yml")
    assert set(document["on"]) == {"schedule", "workflow_dispatch"}
    assert document["permissions"] == {"contents": "read"}
    assert [step.get("run") for step in document["jobs"]["links"]["steps"]][-1] == "make links"


def test_dependabot_keeps_actions_and_python_packages_current():
    document = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    assert {update["package-ecosystem"] for update in document["updates"]} == {"github-actions", "pip"}


def test_issue_forms_and_the_pull_request_template_exist_and_parse():
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    names = [yaml.safe_load(path.read_text()).get("name") for path in forms if path.name != "config.yml"]
    assert "Suggest a practice" in names and "Report an error in a record" in names
    template = (ROOT / ".github" / "pull_request_template.md").read_text()
    assert "- [ ] `make validate`" in template


def test_the_data_passes_yamllint():
    result = subprocess.run([Path(sys.executable).parent / "yamllint", "-f", "parsable", "data/"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_yamllint_refuses_a_bare_yes_or_no(tmp_path):
    (tmp_path / "x.yaml").write_text("id: x\naliases:\n  - no\n")
    result = subprocess.run([Path(sys.executable).parent / "yamllint", "-c", ROOT / ".yamllint", tmp_path / "x.yaml"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "truthy" in result.stdout


def test_the_headers_command_adds_and_corrects_the_schema_line_idempotently(data_copy, capsys):
    practice = data_copy / "practices" / "moldova-hometown-associations.yaml"
    source = next((data_copy / "sources").iterdir())
    text = source.read_text()
    if text.startswith("# yaml-language-server"):
        text = text.split("\n", 1)[1]
    source.write_text("# yaml-language-server: $schema=wrong.json\n" + text)
    assert main(["headers", "--check", "--data", str(data_copy)]) == 1
    assert main(["headers", "--data", str(data_copy)]) == 0
    assert practice.read_text().startswith(
        "# yaml-language-server: $schema=../../schema/practices.schema.json\nid: moldova-hometown-associations\n")
    assert source.read_text().count("yaml-language-server") == 1
    assert files_to_fix(data_copy) == []
    assert main(["headers", "--check", "--data", str(data_copy)]) == 0
    assert main(["headers", "--data", str(data_copy)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 file(s) fixed."


@pytest.mark.parametrize("folder", ["practices", "countries", "frameworks", "organizations", "sources",
                                    "vocabularies"])
def test_every_schema_a_header_points_at_exists(folder):
    assert (ROOT / "schema" / f"{folder}.schema.json").is_file()


def test_every_data_file_points_at_its_json_schema():
    missing = [str(path.relative_to(ROOT)) for path, _ in files_to_fix(ROOT / "data")]
    assert not missing, f"{len(missing)} data file(s) lack the yaml-language-server line, e.g. {missing[:3]}; run `make headers`"
