"""Citing the built site: every record page has its cite block with its canonical URL, every anchor
docs/linking.md promises exists, every page shows the data version, and the changelog and its feed
are there."""

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
import yaml

from atlas.publish import export, history
from atlas.model.records import KINDS
from atlas.site.pages import PAGE_KINDS
from conftest import ROOT

SITE_URL = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(), re.MULTILINE).group(1)
RECORD_KINDS = tuple(KINDS)
LINKING = (ROOT / "docs" / "linking.md").read_text(encoding="utf-8")


@dataclass
class RecordPage:
    """What these tests read from one record page, parsed once per run (parsing is the slow part)."""

    kind: str
    record: object
    url: str
    canonical: str
    permalink: str | None
    code_blocks: list[str]
    cite_rows: dict[str, str]
    sources_after_cite: set[str]
    section_ids: list[str]
    heading_tags: dict[str, str]  # id -> h2 or h3
    headings_without_permalink: list[str]
    ids: list[str]


def read_record_page(parsed, kind: str, record) -> RecordPage:
    folder = PAGE_KINDS[kind].folder
    soup = parsed(f"{folder}/{record.id}/index.html")
    article = soup.select_one("article")
    cite = article.select_one("h2#cite")
    after_cite = cite.find_all_next("li") if cite else []
    permalink = article.select_one("a.atlas-permalink")
    return RecordPage(
        kind=kind,
        record=record,
        url=f"{SITE_URL}{folder}/{record.id}/",
        canonical=soup.select_one("link[rel=canonical]")["href"],
        permalink=permalink["href"] if permalink else None,
        code_blocks=[code.get_text() for code in article.select("h2#cite ~ .atlas-cite-formats pre code")],
        cite_rows={tr.th.get_text(strip=True): tr.td.get_text(strip=True)
                   for tr in article.select("h2#cite + table tbody tr")},
        sources_after_cite={a["href"].rstrip("/").rsplit("/", 1)[-1]
                            for li in after_cite for a in li.select("a[href*='sources/']")},
        section_ids=[h.get("id") for h in article.select("h2")],
        heading_tags={h.get("id"): h.name for h in article.select("h2, h3")},
        headings_without_permalink=[h.get("id") for h in article.select("h2, h3")
                                    if not h.select_one(f"a.headerlink[href='#{h.get('id')}']")],
        ids=[element["id"] for element in article.select("[id]")],
    )


@pytest.fixture(scope="module")
def record_pages(parsed, dataset) -> list[RecordPage]:
    return [read_record_page(parsed, kind, record)
            for kind in RECORD_KINDS for record in dataset.table(kind).values()]


def promised_anchors() -> dict[str, set[str]]:
    """The 'Section anchors' table of docs/linking.md: page kind -> anchors."""
    section = LINKING.split("## Anchors", 1)[1]
    table = {}
    for label, cell in re.findall(r"^\| ([A-Z][a-z ]+) \| (`#.*) \|$", section, re.MULTILINE):
        table[label] = set(re.findall(r"`#([a-z0-9-]+)`", cell))
    return table


LABELS = {"practice": "Practice", "country": "Country", "framework": "Framework",
          "organization": "Organization", "source": "Source document"}


def test_every_record_page_has_a_cite_block_with_its_canonical_url(record_pages):
    for page in record_pages:
        url = page.url
        assert page.canonical == url and page.permalink == url
        assert len(page.code_blocks) == 4, url
        reference, bibtex, ris, csl = page.code_blocks
        assert page.record.label in reference and url in reference
        key = f"atlas-{PAGE_KINDS[page.kind].folder}-{page.record.id}"
        assert bibtex.startswith(f"@online{{{key},") and f"url = {{{url}}}" in bibtex
        assert f"UR  - {url}" in ris.splitlines()
        assert json.loads(csl)[0]["URL"] == url


def test_the_cite_block_names_the_source_documents_the_record_rests_on(record_pages):
    for page in record_pages:
        expected = set() if page.kind == "source" else {c.source for c in page.record.sources}
        assert page.sources_after_cite == expected, page.url


def test_every_record_page_shows_when_it_last_changed_and_was_reviewed(record_pages):
    version, records = history.read(ROOT / "data")
    for page in record_pages:
        record = page.record
        changed = records.last_changed_of(record.folder, record.id)
        assert page.cite_rows.get("Last changed") == (changed.isoformat() if changed else None), page.url
        review = record.last_review
        assert page.cite_rows.get("Last reviewed") == (
            f"{review.date.isoformat()} by @{review.reviewer}: {review.checked}" if review else "Not yet reviewed by an editor")
        assert page.cite_rows["Data version"] == version.label


def test_every_page_shows_the_data_version_in_its_footer(site):
    version, _ = history.read(ROOT / "data")
    assert version.commit, "the test repository should be a git work tree"
    pages = [path for path in site.rglob("*.html") if path.name != "404.html"]
    assert len(pages) > 500
    label = re.compile(r'<span class="atlas-version__label">\s*([^<]*?)\s*</span>')
    for path in pages:
        found = label.findall(path.read_text(encoding="utf-8"))
        assert found == [html.escape(version.label)], path


def test_the_anchor_table_covers_every_record_page_kind():
    assert set(promised_anchors()) == set(LABELS.values())


def test_every_section_of_a_record_page_has_a_promised_anchor_with_a_permalink(record_pages):
    promised = promised_anchors()
    for page in record_pages:
        allowed = promised[LABELS[page.kind]]
        assert set(page.section_ids) <= allowed, (page.url, set(page.section_ids) - allowed)
        assert "cite" in page.section_ids and (page.kind == "source" or "sources" in page.section_ids)
        assert page.headings_without_permalink == [], page.url


def test_every_framework_component_has_its_id_as_anchor_and_a_visible_permalink(record_pages):
    frameworks = [page for page in record_pages if page.kind == "framework"]
    assert any(page.record.components for page in frameworks)
    for page in frameworks:
        for component in page.record.components:
            assert page.heading_tags.get(component.id) == "h3", (page.url, component.id)
            assert component.id not in page.headings_without_permalink


def test_no_anchor_is_used_twice_on_a_record_page(record_pages):
    for page in record_pages:
        assert len(page.ids) == len(set(page.ids)), (page.url, {i for i in page.ids if page.ids.count(i) > 1})


def test_the_changelog_feed_is_valid_atom_linked_from_every_page(site, parsed):
    feed = ET.fromstring((site / "changelog" / "feed.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.tag == f"{atom}feed"
    entries = feed.findall(f"{atom}entry")
    assert entries, "the repository has history, so the feed has entries"
    changelog = parsed("changelog/index.html")
    for entry in entries:
        anchor = entry.find(f"{atom}link").get("href").split("#", 1)[1]
        assert changelog.find(id=anchor) is not None
    alternate = parsed("index.html").select_one("link[rel~=alternate][type='application/atom+xml']")
    assert alternate is not None and alternate["href"].endswith("changelog/feed.xml")


def test_the_changelog_links_records_that_exist(site, parsed):
    changelog = parsed("changelog/index.html")
    links = [a["href"] for a in changelog.select("article a[href^='../practices/']")]
    assert links
    for href in links:
        assert (site / "changelog" / href / "index.html").resolve().is_file(), href


def test_the_data_page_links_every_export_file_and_states_the_licences(site, parsed):
    soup = parsed("data/index.html")
    linked = {a["href"] for a in soup.select("article a[href]")}
    former = {f"{name}.csv" for name in export.FORMER_NAMES.values()}  # kept for old links, not offered
    for path in (site / "data").iterdir():
        if path.suffix in (".json", ".csv") and path.name not in former:
            assert path.name in linked, path.name
    assert not former & linked
    text = soup.select_one("article").get_text(" ")
    assert "CC BY 4.0" in text and "MIT License" in text


def test_the_repository_states_its_licences():
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "Creative Commons Attribution 4.0 International" in (ROOT / "LICENSE-DATA").read_text()


def test_citation_cff_has_the_fields_the_format_requires():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"] == "Migration Policy Integration Atlas"
    assert all(author.get("name") or author.get("family-names") for author in cff["authors"])
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}
    assert cff["url"] == SITE_URL


def test_every_record_page_says_how_old_its_evidence_is(parsed, dataset):
    from atlas.model.dataset import citations_in
    from atlas.site.templating import document_date

    for kind in RECORD_KINDS:
        if kind == "source":
            continue
        folder = PAGE_KINDS[kind].folder
        for record in dataset.table(kind).values():
            line = parsed(f"{folder}/{record.id}/index.html").select_one("article .atlas-evidence")
            cited = list(dict.fromkeys(c.source for c in citations_in(record)))
            expected = "; ".join(f"{dataset.sources[s].short_title} ({document_date(dataset.sources[s].date)})"
                                 for s in cited)
            assert line.get_text() == f"Evidence: {expected}", record.id
            assert [a["href"] for a in line.select("a")] == [f"../../sources/{s}/" for s in cited]


def test_no_practice_leaves_its_period_or_a_figure_year_blank(parsed, dataset):
    for practice in dataset.practices.values():
        soup = parsed(f"practices/{practice.id}/index.html")
        period = next(tr.td.get_text() for tr in soup.select("h2#at-a-glance + table tr") if tr.th.get_text() == "Period")
        assert period == "Not stated in the sources" if practice.period is None else period[:1].isdigit() or period[:1] == "?"
        figures = soup.find(id="figures")
        if figures:
            years = [row.find_all("td")[3].get_text() for row in figures.find_next("table").select("tbody tr")]
            assert all(year.isdigit() or year.startswith("as reported in ") for year in years), (practice.id, years)


def test_a_source_date_reads_as_a_reader_writes_it():
    from atlas.site.templating import document_date

    assert [document_date(d) for d in ("2018-12", "2017-11-01", "2013", "2015-10")] == [
        "December 2018", "1 November 2017", "2013", "October 2015"]


def test_each_source_page_cites_the_original_document_in_four_formats(parsed, dataset):
    for source in dataset.sources.values():
        article = parsed(f"sources/{source.id}/index.html").select_one("article")
        heading = article.find(id="cite-document")
        # Up to the page's own "Cite this page", whose formats are folded the same way.
        blocks = {d.summary.get_text(): d.select_one("pre code").get_text()
                  for d in heading.find_all_next("details", class_="atlas-citation")
                  if d.find_previous("h2") is heading}
        assert list(blocks) == ["Reference", "BibTeX", "RIS", "CSL-JSON"]
        assert blocks["Reference"].startswith(f"{source.publisher} ({source.year}). {source.title}.")
        assert blocks["BibTeX"].startswith(f"@report{{source-{source.id},") and f"year = {{{source.year}}}" in blocks["BibTeX"]
        assert "TY  - RPRT" in blocks["RIS"] and f"TI  - {source.title}" in blocks["RIS"]
        [item] = json.loads(blocks["CSL-JSON"])
        assert item["type"] == "report" and item["title"] == source.title and item["issued"] == {"date-parts": [[source.year]]}
