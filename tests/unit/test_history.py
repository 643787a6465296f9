"""Record dates and the data version come from git, once per build, and are absent rather than wrong."""

import datetime
import os
import subprocess
from pathlib import Path

import pytest

from atlas.publish import history

D = datetime.date


def git(repo: Path, *arguments: str, date: str = "2026-01-01T12:00:00+00:00") -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@atlas.invalid",
         "-c", "commit.gpgsign=false", *arguments],
        env=env, check=True, capture_output=True, text=True,
    ).stdout


def write(path: Path, text: str = "id: x\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository whose data folder has a history over three days."""
    root = tmp_path / "repo"
    data = root / "data"
    write(data / "practices" / "one.yaml")
    write(data / "practices" / "gone.yaml")
    write(data / "countries" / "mda.yaml")
    write(data / "vocabularies" / "lenses.yaml")
    git(tmp_path, "init", "-q", str(root))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first", date="2026-01-01T12:00:00+00:00")
    write(data / "practices" / "one.yaml", "id: one\n")
    write(data / "practices" / "two.yaml")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "second", date="2026-02-01T12:00:00+00:00")
    (data / "practices" / "gone.yaml").unlink()
    write(root / "README.md", "not data\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "third", date="2026-03-01T12:00:00+00:00")
    return root


def test_each_record_gets_the_date_it_was_added_and_last_changed(repo):
    version, records = history.read(repo / "data")
    assert records.last_changed == {
        ("practices", "one"): D(2026, 2, 1), ("practices", "two"): D(2026, 2, 1),
        ("practices", "gone"): D(2026, 3, 1), ("countries", "mda"): D(2026, 1, 1),
    }
    assert records.added[("practices", "one")] == D(2026, 1, 1)
    assert records.added[("practices", "two")] == D(2026, 2, 1)


def test_the_data_version_is_the_head_commit_with_its_date(repo):
    version, _ = history.read(repo / "data")
    head = git(repo, "rev-parse", "HEAD").strip()
    assert version.commit == head and version.short == head[: len(version.short)]
    assert version.date == D(2026, 3, 1)
    assert version.label == f"2026-03-01 ({version.short})"


def test_vocabularies_and_files_outside_the_data_folder_are_not_records(repo):
    _, records = history.read(repo / "data")
    folders = {change.folder for commit in records.commits for change in commit.changes}
    assert folders == {"practices", "countries"}
    assert [c.subject for c in records.commits] == ["third", "second", "first"]


def test_a_data_folder_outside_git_builds_without_dates(tmp_path):
    write(tmp_path / "data" / "practices" / "one.yaml")
    version, records = history.read(tmp_path / "data")
    assert version.label == "unversioned" and not records.available and records.last_changed == {}


def test_untracked_data_inside_a_repository_is_unversioned(repo):
    write(repo / "bench-data" / "practices" / "one.yaml")
    version, records = history.read(repo / "bench-data")
    assert version.label == "unversioned" and records.last_changed == {}


def test_a_shallow_clone_keeps_its_version_but_claims_no_dates(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    version, records = history.read(clone / "data")
    assert version.date == D(2026, 3, 1)
    assert not records.available and records.last_changed == {}


def test_missing_git_means_no_dates(repo, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    version, records = history.read(repo / "data")
    assert version.label == "unversioned" and records.last_changed == {}


def test_odd_file_names_in_the_log_are_ignored():
    log = ("\0" + "a" * 40 + "\tabc\t2026-01-01T00:00:00+00:00\tsubject\n\n"
           "A\tpractices/Bad Name.yaml\nA\tpractices/ok.yaml\nA\tpractices/sub/x.yaml\n"
           "A\t\"practices/\\303\\251.yaml\"\nM\tnotes.txt\n")
    records = history.parse_log(log)
    assert list(records.last_changed) == [("practices", "ok")]
