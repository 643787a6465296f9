"""Published ids keep their URLs: a rename needs a redirect, the redirect page leads to the new
record, and `atlas publish` adds new ids without ever dropping an old one."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from broken_cases import PRACTICE, PUBLISHED, rename, write
from conftest import ROOT, build_site

from atlas.cli import main
from atlas.loader import load
from atlas.published import FILE_NAME


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
    for kind in ("practice", "country", "framework", "organization", "source"):
        folder = {"practice": "practices", "country": "countries"}.get(kind, kind + "s")
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
