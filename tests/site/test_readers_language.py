"""What readers see of the editors' work: sources by name, notes for editors folded away, and
cautionary examples marked wherever they are listed and left out of every count."""

from __future__ import annotations

import copy
import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from atlas.checks.readers_language import jargon_in

CAUTIONARY = "Cautionary example"
BLOCKS = "p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, summary, figcaption, caption"


def article(soup):
    return soup.select_one("article")


def test_no_page_shows_editors_jargon_outside_the_editorial_notes(parsed, dataset):
    # On a page a marker reads as the source's label, "(GFMD 2018)", which names the paper.
    names = re.compile("|".join(re.escape(source.marker) for source in dataset.sources.values()))
    found = []
    for relative, soup in parsed.every_page():
        body = article(soup)
        if body is None or relative.startswith(("sources/", "about/", "contribute/", "changelog/", "performance/")):
            continue  # a source's page is that paper; the contributor pages explain the rule itself
        body = copy.copy(body)  # the parsed pages are shared: take the folded parts out of a copy
        for folded in body.select("details.atlas-editorial, pre, code"):
            folded.decompose()
        # Block by block: a table's "Source" header must not run into the figure below it.
        for block in body.select(BLOCKS):
            text = " ".join(block.get_text(" ").split())
            found += [(relative, words) for words, _ in jargon_in(text, False, names)]
    assert found == []


def test_misprints_kept_for_search_are_indexed_and_never_shown(parsed, dataset):
    kinds = (dataset.practices, dataset.frameworks, dataset.organizations)
    kept = [r for table in kinds for r in table.values() if r.search_spellings]
    assert kept
    for record in kept:
        # What a page says the record is called: its title, aliases and summary, before its first
        # section (a locator, further down, quotes the source's heading as printed).
        whole = str(article(parsed(f"{record.folder}/{record.id}/index.html")))
        body = BeautifulSoup(whole.partition("<h2")[0], "lxml")  # search marks wrap later sections
        # An attribute Pagefind indexes, among the title's names (atlas/site/search_index.py).
        kept_for_search = body.select_one("[data-pagefind-weight] [data-spellings][data-pagefind-index-attrs='data-spellings']")
        assert kept_for_search is not None, record.id
        for spelling in record.search_spellings:
            assert not re.search(rf"\b{re.escape(spelling)}\b", body.get_text(" ")), (record.id, spelling)
            assert spelling in kept_for_search["data-spellings"].split(), (record.id, spelling)


def test_a_title_names_its_country_as_the_atlas_does(parsed, dataset):
    for country in dataset.countries.values():
        for alias in country.aliases:
            for table in (dataset.practices, dataset.organizations, dataset.frameworks):
                for record in table.values():
                    assert f"({alias})" not in record.label, (record.id, alias)
            assert alias in article(parsed(f"countries/{country.id}/index.html")).get_text(" ")


def test_a_source_marker_shows_the_sources_label_and_leads_to_its_page(parsed, dataset):
    marked = [p for p in dataset.practices.values() if re.search(r"\(\d{3}[,)]", p.summary)]
    assert marked, "some summary attributes a fact with a marker such as (002)"
    for practice in marked:
        soup = parsed(f"practices/{practice.id}/index.html")
        marks = soup.select(".atlas-prose a.atlas-source-mark")
        assert marks, practice.id
        for mark in marks:
            source_id = mark["href"].rstrip("/").rsplit("/", 1)[1]
            assert mark.get_text() == dataset.sources[source_id].marker
            assert mark["title"] == dataset.sources[source_id].short_title
        assert not re.search(r"\(\d{3}[,)]", soup.select_one(".atlas-prose").get_text())


def test_editorial_notes_are_folded_under_their_own_heading(parsed, dataset):
    kinds = (dataset.practices, dataset.countries, dataset.frameworks, dataset.organizations)
    with_notes = [r for table in kinds for r in table.values() if r.editorial_notes]
    assert with_notes
    for record in with_notes:
        details = parsed(f"{record.folder}/{record.id}/index.html").select_one("details.atlas-editorial")
        assert details is not None and not details.has_attr("open"), record.id
        assert details.select_one("summary").get_text() == "Editorial notes"


def test_a_cautionary_example_is_marked_on_its_page_and_wherever_it_is_listed(parsed, dataset):
    cautionary = [p for p in dataset.practices.values() if p.cautionary]
    assert len(cautionary) >= 4
    lists = ["practices/index.html", "explore/index.html"]
    for practice in cautionary:
        page = parsed(f"practices/{practice.id}/index.html")
        notice = page.select_one("#cautionary-example")
        assert notice is not None and practice.cautionary.reason in notice.get_text(" ")
        pages = lists + [f"countries/{c}/index.html" for c in practice.countries]
        pages += [f"lenses/{practice.lenses.primary.lens}/index.html"]
        pages += [f"sources/{c.source}/index.html" for c in practice.sources[:1]]
        for relative in pages:
            links = [a for a in article(parsed(relative)).select(f'a[href$="/{practice.id}/"], a[href="{practice.id}/"]')]
            if not links and article(parsed(relative)).select(".atlas-more"):
                continue  # left out of a list cut to keep the page small (test_capped_lists.py)
            if not links and relative == "explore/index.html":
                continue  # past the explorer's first page: its script lists it (test_explorer.py)
            assert links, (practice.id, relative)
            for link in links:
                badge = link.find_next_sibling()
                assert badge is not None and badge.get_text() == CAUTIONARY, (practice.id, relative)
    # And no practice to follow carries the mark.
    for relative in lists:
        for badge in parsed(relative).select(".atlas-badge--cautionary"):
            href = badge.find_previous_sibling("a")["href"]  # relative or not, it ends in the id
            assert dataset.practices[href.rstrip("/").rsplit("/", 1)[-1]].cautionary, href


def test_counts_leave_cautionary_examples_out_and_their_links_say_so(parsed, dataset):
    counted = [p for p in dataset.practices.values() if not p.cautionary]
    home = parsed("index.html")
    shown = home.select_one(".atlas-counts a[href$='practices/']").get_text(" ")
    assert shown.split()[0] == str(len(counted))
    for practice in (p for p in dataset.practices.values() if p.cautionary):
        for code in practice.countries:
            in_country = [p for p in counted if code in p.countries or code in (c.country for c in p.cities)]
            cell = parsed(f"countries/{code}/index.html").find("th", string="Practices in the atlas")
            link = cell.find_next_sibling("td").select_one("a")
            assert link.get_text() == str(len(in_country)), code
            assert parse_qs(urlsplit(link["href"]).query)["example"] == ["practice"]
    compare = parsed("explore/compare/index.html")
    for link in compare.select("table a[href*='explore/']"):
        assert parse_qs(urlsplit(link["href"]).query).get("example") == ["practice"], link["href"]
