"""`atlas changes`: what a pull request does to the records, in words, for its reviewers; run on a
temporary git repository with known changes. The pull-request workflow calls it."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from atlas.contrib.cli import main
from conftest import ROOT, TESTS

FIXTURES = TESTS / "fixtures" / "valid"
PRACTICE = "practices/moldova-hometown-associations.yaml"


def git(repository: Path, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@example.org",
                    *arguments], check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def data(tmp_path) -> Path:
    """The fixture records, committed as branch main of a new repository."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES, folder)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    return folder


def test_the_summary_lists_each_record_added_changed_and_removed_field_by_field(data, capsys):
    # The change: a summary rewritten, a country and a citation added, a practice removed, a
    # country added whose name reads in the account, and a hostile title.
    practice = data / PRACTICE
    edit(practice, "As part of the Migration", "Within the Migration")
    edit(practice, "countries:\n  - mda\n", "countries:\n  - mda\n  - srb\n")
    edit(practice, "sources:\n", "sources:\n  - source: \"002\"\n    locator: \"Annex 1\"\n")
    (data / "practices" / "moldova-migration-and-local-development.yaml").unlink()
    (data / "countries" / "srb.yaml").write_text(yaml.safe_dump({
        "id": "srb", "name": "Serbia <b>`*_x_*`</b>", "region": "europe-central-asia",
        "sources": [{"source": "004", "locator": "Annex: Serbia"}]}), encoding="utf-8")
    assert main(["changes", "--base", "main", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "## Records this pull request changes",
        "",
        "1 added, 1 changed, 1 removed. Each page is in the `site` artifact of this run, at the path shown.",
        "",
        "### Added",
        "",
        r"- country **Serbia \<b\>\`\*\_x\_\*\`\</b\>** (srb), page `countries/srb/index.html`",
        "",
        "### Changed",
        "",
        "- practice **Hometown associations in Moldovan localities** (moldova-hometown-associations), page "
        r"`practices/moldova-hometown-associations/index.html`: summary changed; countries: + Serbia \<b\>\`\*\_x\_\*\`\</b\>; "
        "sources: + 002 Annex 1",
        "",
        "### Removed",
        "",
        "- practice **Migration and Local Development initiative (Moldova)** (moldova-migration-and-local-development)",
        "",
    ]


def test_no_change_says_so_and_an_unknown_base_is_an_error(data, capsys):
    assert main(["changes", "--base", "main", "--data", str(data)]) == 0
    assert "No record is added, changed or removed." in capsys.readouterr().out
    assert main(["changes", "--base", "origin/nothing", "--data", str(data)]) == 1
    assert "git knows no commit 'origin/nothing'" in capsys.readouterr().err


def test_the_pull_request_workflow_writes_the_summary_for_reviewers():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    assert any("-m atlas changes --base \"origin/${{ github.base_ref }}\"" in run and "$GITHUB_STEP_SUMMARY" in run
               for run in runs)
