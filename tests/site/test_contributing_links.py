"""Every record page offers, in words, to edit the record's file and to report an error in it; both
lead to things that exist in this repository (the file; an issue form with the fields the link
fills in), and both come from the one `repository` setting of mkdocs.yml."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from atlas.model.records import KINDS
from atlas.site.repository import Repository
from conftest import ROOT

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
REPOSITORY = re.search(r"^\s+repository: (\S+)$", CONFIG, re.MULTILINE).group(1)
SITE_URL = re.search(r"^site_url: (\S+)$", CONFIG, re.MULTILINE).group(1)


def improve_links(soup):
    links = {a.get_text(): a["href"] for a in soup.select("article .atlas-improve a[href]")}
    return links.get("Edit this record"), links.get("Report an error in this record")


def form_fields(name: str) -> set[str]:
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
    return {field["id"] for field in form["body"] if "id" in field}


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_page_links_its_file_and_its_error_report_in_words(parsed, dataset, kind):
    for record in dataset.table(kind).values():
        soup = parsed(f"{record.folder}/{record.id}/index.html")
        edit, report = improve_links(soup)
        assert edit == f"{REPOSITORY}/edit/main/data/{record.folder}/{record.id}.yaml"
        assert (ROOT / "data" / record.folder / f"{record.id}.yaml").is_file()
        parts = urlsplit(report)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPOSITORY}/issues/new"
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        assert query["page"] == f"{SITE_URL}{record.folder}/{record.id}/"
        assert query["record"] == f"{kind}/{record.id}"
        assert query["title"] == f"Error in: {record.label}"
        # The form exists and has a field for every value the link fills in.
        assert set(query) - {"template", "title"} <= form_fields(query["template"])


def test_the_contribute_page_leads_to_the_forms_the_editor_and_the_criteria(parsed):
    soup = parsed("contribute/index.html")
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    for form in ("report-an-error.yml", "suggest-a-practice.yml"):
        assert f"{REPOSITORY}/issues/new?template={form}" in hrefs
        assert (ROOT / ".github" / "ISSUE_TEMPLATE" / form).is_file()
    assert f"{REPOSITORY}/new/main/data/practices" in hrefs
    assert "inclusion-criteria/" in hrefs  # contribute/index.md is the page at /contribute/
    # In the readers' menu, under Contribute, with the developers' Performance page.
    menu = [a.get_text(strip=True) for a in soup.select(".md-nav--primary a.md-nav__link")]
    assert menu.index("Contribute") < menu.index("Propose a practice") < menu.index("Inclusion criteria") < menu.index("Performance")
    assert "Performance" not in menu[:menu.index("Contribute")]


def test_no_page_names_the_repository_except_through_the_setting():
    """A fork changes one line: no hand-written page or template writes the address itself."""
    for path in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "atlas" / "site" / "templates").rglob("*.j2"),
                 *(ROOT / "overrides").rglob("*.html")]:
        assert REPOSITORY not in path.read_text(encoding="utf-8"), path


def test_a_fork_gets_its_own_addresses_and_a_wrong_setting_is_refused():
    fork = Repository("https://github.com/someone/atlas-fork", "trunk")
    assert fork.edit_url("data/practices/x.yaml") == "https://github.com/someone/atlas-fork/edit/trunk/data/practices/x.yaml"
    assert fork.docs_edit_uri == "https://github.com/someone/atlas-fork/edit/trunk/docs/"
    report = urlsplit(fork.report_url("https://example.org/p/", "practice/x", "A & B"))
    assert report.path == "/someone/atlas-fork/issues/new" and parse_qs(report.query)["title"] == ["Error in: A & B"]
    for wrong in ("http://github.com/a/b", "https://gitlab.com/a/b", "https://github.com/a/b/", "javascript:alert(1)"):
        with pytest.raises(ValueError):
            Repository(wrong)
