"""Record text is inert: template syntax and HTML in YAML come out as text, never as code."""

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    root = Path(__file__).resolve().parent.parent / "data"
    for folder in ("vocabularies", "sources"):
        shutil.copytree(root / folder, data / folder)
    shutil.copytree(Path(__file__).parent / "fixtures" / "valid", data, dirs_exist_ok=True)
    shutil.copytree(HOSTILE, data, dirs_exist_ok=True)
    out = tmp_path_factory.mktemp("hostile-site")
    result = build_site(out, data)
    assert result.returncode == 0, result.stderr
    return out


def test_template_syntax_in_a_record_is_shown_not_evaluated(hostile_site):
    html = (hostile_site / "practices" / "hostile-practice" / "index.html").read_text()
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    assert "{{ 7 * 7 }}" in text and "{% raw %}" in text
    assert "49" not in text


def test_html_in_a_record_never_becomes_markup(hostile_site):
    for path in hostile_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), path
        for element in soup.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), (path, element)
            for attribute in ("href", "src"):
                assert not str(element.get(attribute, "")).lower().startswith("javascript:"), path


def test_the_title_tag_cannot_be_closed_from_a_record(hostile_site):
    html = (hostile_site / "practices" / "hostile-practice" / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    assert "</title><script>" not in html
    assert "<script>" in soup.title.get_text()


def test_a_hostile_title_is_cited_and_exported_as_plain_text(hostile_site):
    import csv
    import json

    from atlas.citation import bibtex_escape

    title = "</title><script>alert(1)</script> {{ 7 * 7 }} [x](javascript:alert(1)) {: onclick=alert(1) }"
    soup = BeautifulSoup((hostile_site / "practices" / "hostile-practice" / "index.html").read_text(), "html.parser")
    reference, bibtex, ris, csl = (code.get_text() for code in soup.select("h2#cite ~ .tabbed-set pre code"))
    assert title in reference and f"TI  - {title}" in ris and json.loads(csl)[0]["title"] == title
    assert f"title = {{{bibtex_escape(title)}}}" in bibtex
    exported = json.loads((hostile_site / "practices" / "hostile-practice.json").read_text())
    assert exported["record"]["title"] == title
    with (hostile_site / "data" / "practices.csv").open(newline="") as handle:
        assert title in [row["title"] for row in csv.DictReader(handle)]


def test_a_site_built_outside_git_has_no_dates_and_says_unversioned(hostile_site):
    soup = BeautifulSoup((hostile_site / "practices" / "hostile-practice" / "index.html").read_text(), "html.parser")
    assert soup.select_one("footer .atlas-version__label").get_text(strip=True) == "unversioned"
    labels = [td.get_text(strip=True) for td in soup.select("h2#cite + table td")]
    assert "Last changed" not in labels and "Data version" in labels
    feed = (hostile_site / "changelog" / "feed.xml").read_text()
    assert "<entry>" not in feed
