"""The site's search (Pagefind): what it finds and how it names it, what it leaves out, what a query
downloads, and how it fails."""

import gzip
from urllib.parse import urlsplit

import pytest

from helpers.browser import PHONE, site_search, watched_page


@pytest.mark.parametrize("query, expected", [
    ("PCMD", "frameworks/pcmd/"),
    ("JMDI", "practices/jmdi-local-authorities-and-civil-society/"),
    ("ACCMR", "practices/athens-coordination-centre-migrant-refugee-issues/"),
    ("Moldova", "countries/mda/"),
    ("padron", "practices/barcelona-padron/"),
    ("turkiye", "countries/tur/"),
    ("tecnologica", "organizations/utec/"),
    ("SENEKYT", "organizations/senescyt/"),  # a misprint kept for search, never shown
    ("Turkey", "countries/tur/"),  # a country's alias: titles write Türkiye
])
def test_search_finds_records_by_alias_country_and_without_accents(browser, base_url, query, expected):
    page = watched_page(browser, base_url)
    page.goto(base_url + "/")
    items = site_search(page, query)
    paths = items.locator("a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert "/" + expected in paths[:5], paths[:5]
    assert page.errors == [] and page.foreign == []


@pytest.mark.parametrize("query, expected, kind", [
    ("whole-of-government", "lenses/horizontal/", None),
    ("multi-level governance", "lenses/vertical/", None),
    ("whole-of-society", "lenses/engagement/", None),
    ("PCMD", "frameworks/pcmd/", "Framework"),
    ("padron", "practices/barcelona-padron/", "Practice"),
    ("Moldova", "countries/mda/", "Country"),
    ("UNDP", "organizations/undp/", "Organization"),
])
def test_the_top_search_result_is_the_concept_or_record_and_says_what_kind_it_is(browser, base_url, query, expected, kind):
    page = watched_page(browser, base_url)
    page.goto(base_url + "/")
    first = site_search(page, query).first
    assert urlsplit(first.locator("a").first.get_attribute("href")).path == "/" + expected
    heading = first.locator(".atlas-search__title").text_content().strip()
    if kind:
        assert heading.startswith(f"{kind}: ")
    assert page.errors == [] and page.foreign == []
    page.close()


def test_search_leaves_out_the_changelog_performance_data_reference_and_explorer(site, browser, base_url):
    """Pagefind indexes only what a page marks `data-pagefind-body`, less what is marked
    `data-pagefind-ignore`: a phrase only these pages hold is found nowhere."""
    for excluded in ("changelog", "performance", "contribute/data-reference", "explore"):
        html = (site / excluded / "index.html").read_text(encoding="utf-8")
        assert "data-pagefind-body" not in html, excluded
    assert "data-pagefind-body" in (site / "contribute" / "propose" / "index.html").read_text(encoding="utf-8")
    page = watched_page(browser, base_url)
    page.goto(base_url + "/")
    # The form's help texts are the model's field descriptions: its page is found by its introduction.
    assert site_search(page, '"Id of one of the framework\'s components"').count() == 0  # a phrase, in quotes
    page.keyboard.press("Escape")
    found = site_search(page, '"checks it as you type"')
    assert found.count() == 1 and "contribute/propose/" in found.first.locator("a").get_attribute("href")
    page.keyboard.press("Escape")
    # The changelog's own words ("Removed", "Added") and the data reference's field table: none.
    assert site_search(page, '"Data reference"').locator("a[href*='data-reference']").count() == 0
    assert page.errors == [] and page.foreign == []
    page.close()


def test_the_search_says_so_when_it_cannot_load(browser, base_url):
    """A reader offline, or behind a proxy that drops the index: the dialog says so, and the page
    keeps working."""
    page = browser.new_page()
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(base_url + "/")
    page.locator("#atlas-search-open").click()
    page.locator("#atlas-search-q").fill("padron")
    page.wait_for_function("document.getElementById('atlas-search-status').textContent.includes('could not load')")
    assert page.locator("#atlas-search-results li").count() == 0
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('atlas-search').open")
    page.close()


def test_search_works_on_a_phone(browser, base_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = watched_page(context, base_url)
    page.goto(base_url + "/practices/")
    items = site_search(page, "ACCMR")
    assert items.count() >= 1
    context.close()


def test_a_search_downloads_a_bounded_part_of_the_index(site, browser, base_url):
    """Pagefind splits the index by word: a query fetches Pagefind's script, its metadata and the
    few index parts and result texts it needs, all from this site. At today's size that stays
    below what Material's one index file cost (about 141 KB gzip with its worker)."""

    page = watched_page(browser, base_url)
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(base_url + "/")
    before = len(fetched)
    assert not [url for url in fetched if "/pagefind/" in url], "the search loaded before it was opened"
    site_search(page, "padron")
    loaded = [url.removeprefix(base_url + "/") for url in fetched[before:] if "/pagefind/" in url]
    assert loaded and "pagefind/pagefind.js" in loaded
    size = 0
    for path in dict.fromkeys(loaded):
        body = (site / path.split("?")[0]).read_bytes()
        # Pagefind's own files are stored compressed; its script is served as gzip would send it.
        size += len(body) if path.endswith((".pagefind", ".pf_meta", ".pf_index", ".pf_fragment")) else len(gzip.compress(body))
    assert size < 141_000, f"{size} bytes for a search: {loaded}"
    assert page.errors == [] and page.foreign == []
    page.close()
