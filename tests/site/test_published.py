"""Published ids keep their URLs: a rename needs a redirect, the redirect page leads to the new
record, and `atlas publish` adds new ids without ever dropping an old one."""

from __future__ import annotations

import subprocess

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers.broken_cases import OTHER, PRACTICE, PUBLISHED, rename, write
from conftest import ROOT, build_site

from atlas.contrib.cli import main
from atlas.loader import load
from atlas.model.records import KINDS
from atlas.checks.published import FILE_NAME
from atlas.checks.published_base import REF_VARIABLE


def test_a_data_folder_without_the_file_has_published_nothing(data_copy):
    result = load(data_copy)
    assert result.problems == [] and result.published is None


def test_a_renamed_record_with_a_redirect_is_valid(data_copy):
    write(FILE_NAME, PUBLISHED + "redirects:\n  practices:\n    moldova-hometown-associations: moldova-htas\n")(data_copy)
    rename(PRACTICE, "practices/moldova-htas.yaml", "moldova-hometown-associations", "moldova-htas")(data_copy)
    result = load(data_copy)
    assert result.problems == []
    assert result.published.redirect_map()["practices"] == {"moldova-hometown-associations": "moldova-htas"}


def test_a_redirect_may_not_hide_a_record_that_still_exists(data_copy):
    write(FILE_NAME, PUBLISHED + "redirects:\n  practices:\n    moldova-hometown-associations: "
                                 "moldova-migration-and-local-development\n")(data_copy)
    [problem] = load(data_copy, shown_as="data").problems
    assert problem.code == "redirect-of-existing-record" and problem.line == 10


def test_publish_adds_every_current_id_and_keeps_old_ids_and_redirects(data_copy, capsys):
    write(FILE_NAME, "practices:\n  - retired-practice\nredirects:\n  practices:\n"
                     "    retired-practice: moldova-hometown-associations\n")(data_copy)
    assert main(["publish", "--data", str(data_copy)]) == 0
    content = yaml.safe_load((data_copy / FILE_NAME).read_text())
    assert content["practices"] == ["moldova-hometown-associations", "moldova-migration-and-local-development",
                                    "retired-practice"]
    assert content["countries"] == ["mda"] and content["organizations"] == ["undp"]
    assert content["sources"][:3] == ["000", "001", "002"]  # quoted, so they stay text
    assert content["redirects"] == {"practices": {"retired-practice": "moldova-hometown-associations"}}
    assert load(data_copy).problems == []
    main(["publish", "--data", str(data_copy)])
    assert "unchanged" in capsys.readouterr().out.splitlines()[-1]


def test_publish_refuses_broken_data(data_copy, capsys):
    (data_copy / PRACTICE).write_text("id: x\n")
    assert main(["publish", "--data", str(data_copy)]) == 1
    assert not (data_copy / FILE_NAME).exists()


def test_the_repository_lists_every_current_record_as_published(dataset):
    content = yaml.safe_load((ROOT / "data" / FILE_NAME).read_text())
    for kind, record_type in KINDS.items():
        folder = record_type.folder
        missing = set(dataset.table(kind)) - set(content[folder])
        assert not missing, f"not yet in data/{FILE_NAME}: {sorted(missing)}; run `make publish`"


def test_the_old_url_of_a_renamed_record_redirects_to_its_new_page(data_copy, tmp_path):
    write(FILE_NAME, PUBLISHED + "redirects:\n  practices:\n    moldova-hometown-associations: moldova-htas\n")(data_copy)
    rename(PRACTICE, "practices/moldova-htas.yaml", "moldova-hometown-associations", "moldova-htas")(data_copy)
    out = tmp_path / "site"
    result = build_site(out, data_copy)
    assert result.returncode == 0, result.stderr
    assert (out / "practices" / "moldova-htas" / "index.html").is_file()
    page = BeautifulSoup((out / "practices" / "moldova-hometown-associations" / "index.html").read_text(),
                         "html.parser")
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../moldova-htas/"
    assert page.select_one('link[rel="canonical"]')["href"].endswith("/practices/moldova-htas/")
    assert page.select_one("a")["href"] == "../moldova-htas/"


# --- against the base branch: a change may not drop a published id from the file itself ---

def _git(repository, *arguments):
    subprocess.run(["git", "-C", str(repository), *arguments], check=True, capture_output=True)


@pytest.fixture
def repository_on_main(data_copy, monkeypatch):
    """data_copy, with its published ids, committed on a branch `main` of a repository of its own."""
    monkeypatch.delenv(REF_VARIABLE, raising=False)
    write(FILE_NAME, PUBLISHED)(data_copy)
    repository = data_copy.parent
    _git(repository, "init", "--quiet", "--initial-branch=main")
    _git(repository, "add", "data")
    _git(repository, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "--quiet", "-m", "base")
    _git(repository, "switch", "--quiet", "-c", "change")
    return data_copy


def _drop_the_practice_and_its_line(data):
    (data / PRACTICE).unlink()
    (data / FILE_NAME).write_text(PUBLISHED.replace("  - moldova-hometown-associations\n", ""))
    # The other practice relates to the dropped one: take that out too, so only the id is wrong.
    other = data / OTHER
    text = other.read_text()
    other.write_text(text[: text.index("related:")] + text[text.index("sources:"):] if "related:" in text else text)


def test_a_change_that_drops_a_record_and_its_published_line_is_refused(repository_on_main, capsys):
    _drop_the_practice_and_its_line(repository_on_main)
    assert load(repository_on_main).problems == []  # the file alone no longer knows the id...
    assert main(["validate", "--data", str(repository_on_main)]) == 1  # ...main does
    [line] = [line for line in capsys.readouterr().out.splitlines() if "[unpublished-id]" in line]
    assert line.startswith("data/published.yaml:2:3: error [unpublished-id] practices: 'moldova-hometown-associations'"
                           " is published on main (/practices/moldova-hometown-associations/)")
    assert "`moldova-hometown-associations: <new id>` under `redirects:`" in line


def test_a_dropped_line_with_its_redirect_passes_and_so_does_deleting_the_whole_file(repository_on_main, capsys):
    (repository_on_main / FILE_NAME).unlink()
    assert main(["validate", "--data", str(repository_on_main)]) == 1
    assert capsys.readouterr().out.count("[unpublished-id]") == 4  # every id of the file
    write(FILE_NAME, PUBLISHED.replace("  - moldova-hometown-associations\n", "") +
          "redirects:\n  practices:\n    moldova-hometown-associations: moldova-migration-and-local-development\n")(
        repository_on_main)
    (repository_on_main / PRACTICE).unlink()
    assert main(["validate", "--data", str(repository_on_main)]) == 0


def test_the_base_branch_comes_from_atlas_base_ref_and_a_missing_one_is_an_error(repository_on_main, capsys,
                                                                                 monkeypatch):
    monkeypatch.setenv(REF_VARIABLE, "origin/main")
    assert main(["validate", "--data", str(repository_on_main)]) == 1
    assert ("error: published ids not compared with the base branch: git knows no commit 'origin/main' here; "
            "set ATLAS_BASE_REF") in capsys.readouterr().err
    _git(repository_on_main, "branch", "--quiet", "released", "main")
    monkeypatch.setenv(REF_VARIABLE, "released")
    _drop_the_practice_and_its_line(repository_on_main)
    assert main(["validate", "--data", str(repository_on_main)]) == 1
    assert "is published on released" in capsys.readouterr().out


def test_outside_git_the_comparison_is_skipped_with_a_note(data_copy, capsys, monkeypatch):
    monkeypatch.delenv(REF_VARIABLE, raising=False)
    assert main(["validate", "--data", str(data_copy)]) == 0
    assert "note: published ids not compared with the base branch" in capsys.readouterr().err
