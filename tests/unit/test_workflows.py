"""Code from a pull request runs in CI with a read-only token, no secrets, and deploys nothing."""

from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
WRITE_STEPS = ("gh-deploy", "deploy-pages", "gh-pages", "git push", "upload-pages-artifact")


def _workflow(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text())
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def _triggers(workflow: dict) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


def _read_only(permissions) -> bool:
    if isinstance(permissions, str):
        return permissions in ("read-all", "{}")
    return all(level in ("read", "none") for level in (permissions or {}).values())


PULL_REQUEST_WORKFLOWS = [path for path in WORKFLOWS if "pull_request" in _triggers(_workflow(path))]


def test_no_workflow_runs_pull_request_code_with_the_repository_token():
    assert PULL_REQUEST_WORKFLOWS, "a workflow checks pull requests"
    for path in WORKFLOWS:
        assert "pull_request_target" not in _triggers(_workflow(path)), path.name


@pytest.mark.parametrize("path", PULL_REQUEST_WORKFLOWS, ids=lambda path: path.name)
def test_the_pull_request_workflow_is_read_only_and_deploys_nothing(path):
    workflow = _workflow(path)
    assert "permissions" in workflow and _read_only(workflow["permissions"]), "top-level permissions"
    text = path.read_text()
    assert "secrets." not in text
    for name, job in workflow["jobs"].items():
        assert _read_only(job.get("permissions", {})), name
        for step in job.get("steps", []):
            command = f"{step.get('run', '')} {step.get('uses', '')}"
            assert not any(word in command for word in WRITE_STEPS), (name, command)


def test_the_pull_request_workflow_compares_published_ids_with_the_branch_it_goes_into():
    [path] = [path for path in WORKFLOWS if path.name == "pull-request.yml"]
    workflow = yaml.safe_load(path.read_text())
    [step] = [step for step in workflow["jobs"]["test"]["steps"] if step.get("run") == "make validate"]
    assert step["env"]["ATLAS_BASE_REF"] == "origin/${{ github.base_ref }}"
    # The remote branch exists only in a checkout of the whole history.
    [checkout] = [step for step in workflow["jobs"]["test"]["steps"] if step.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0
