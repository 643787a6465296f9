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
