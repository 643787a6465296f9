"""A reader's path through the site in headless Chromium (Debian's package, never a downloaded one);
the map, the search, and every page type without console errors, foreign requests or serious
accessibility violations."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers.browser import CHROMIUM, FLAGS, PHONE, site_search, watched_page  # noqa: F401 - CHROMIUM, FLAGS for older imports

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"

# One page of each type.
PAGE_TYPES = {
    "home": "/",
    "lens": "/lenses/engagement/",
    "practice": "/practices/moldova-hometown-associations/",
    "country": "/countries/mda/",
    "framework": "/frameworks/pcmd/",
    "organization": "/organizations/undp/",
    "source": "/sources/002/",
    "practices index": "/practices/",
    "countries index and map": "/countries/",
    "lenses index": "/lenses/",
    "explorer": "/explore/?lens=vertical&sector=health",
    "comparison tables": "/explore/compare/",
    "about": "/about/",
    "how to help": "/contribute/",
    "propose a practice": "/contribute/propose/",
}


def test_a_reader_goes_from_home_to_a_lens_a_practice_a_country_and_another_practice(browser, base_url):
    page = watched_page(browser, base_url)
    page.goto(base_url + "/")
    page.locator("article a", has_text="Engagement").first.click()
    page.wait_for_url("**/lenses/engagement/")
    page.locator("article a[href*='moldova-hometown-associations']").first.click()
    page.wait_for_url("**/practices/moldova-hometown-associations/")
    assert page.locator("article h1").inner_text().startswith("Hometown associations")
    page.locator("article a", has_text="Moldova").first.click()
    page.wait_for_url("**/countries/mda/")
    page.locator("article a[href*='moldova-migration-and-local-development']").first.click()
    page.wait_for_url("**/practices/moldova-migration-and-local-development/")
    assert page.foreign == [] and page.errors == []


def _open_map(page, base_url: str, query: str = "") -> None:
    """The countries index, once map.js has put the map's drawing (its own file) in the page."""
    page.goto(base_url + "/countries/" + query)
    page.wait_for_selector("[data-map-ready]", state="attached")


def test_the_map_links_each_country_to_its_page(browser, base_url, dataset):
    page = watched_page(browser, base_url)
    _open_map(page, base_url)
    # Each country once: its outline, or the marker that stands for a small one.
    links = page.locator("figure.atlas-map a[aria-label]")
    labels = links.evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert sorted(label.split(":")[0] for label in labels) == sorted(c.name for c in dataset.countries.values())
    page.locator("figure.atlas-map a[aria-label^='Moldova:']").click()
    page.wait_for_url("**/countries/mda/")
    assert page.locator("article h1").inner_text().startswith("Moldova")
    assert page.errors == [] and page.foreign == []


def test_on_a_phone_every_country_with_practices_has_a_map_target_of_24_px(browser, base_url, dataset):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = watched_page(context, base_url)
    _open_map(page, base_url)
    targets = page.evaluate("""() => {
        const sizes = {};
        for (const a of document.querySelectorAll('figure.atlas-map a')) {
            if (a.getAttribute('aria-hidden') === 'true') continue;  // a marker stands for it
            const href = a.getAttribute('href') || a.getAttribute('xlink:href');
            const box = a.getBoundingClientRect();
            sizes[href.split('/').filter(Boolean).pop()] = [box.width, box.height];
        }
        return sizes;
    }""")
    with_practices = [code for code in dataset.countries if dataset.practices_by_country.get(code)]
    for code in with_practices:
        width, height = targets[code]
        assert width >= 24 and height >= 24, (code, width, height)
    # The marker's centre falls on the map, and its circle is what a tap there reaches.
    moldova = page.locator('a.atlas-map__marker[href$="/countries/mda/"]')
    box = moldova.bounding_box()
    hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a').getAttribute('href')",
                        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert hit.endswith("/countries/mda/")
    context.close()


def test_the_map_switches_its_shading_to_a_lens_and_keeps_it_in_the_address(browser, base_url, dataset):
    page = watched_page(browser, base_url)
    _open_map(page, base_url)
    moldova = page.locator('a.atlas-map__marker[href$="/countries/mda/"]')
    practices = dataset.practices_by_country["mda"]
    assert moldova.text_content() == str(len(practices))
    page.locator('input[name="atlas-map-lens"][value="engagement"]').check()
    engaged = sum(1 for p in practices if "engagement" in dataset.lenses_of(p))
    assert moldova.text_content() == str(engaged)
    assert moldova.get_attribute("aria-label") == f"Moldova: {engaged} practices with the lens Engagement"
    assert "lens=engagement" in page.url
    shade = [c for c in moldova.get_attribute("class").split() if c.startswith("atlas-map__shade-")]
    page.reload()
    page.wait_for_selector("[data-map-ready]", state="attached")
    assert page.locator('input[name="atlas-map-lens"][value="engagement"]').is_checked()
    assert [c for c in moldova.get_attribute("class").split() if c.startswith("atlas-map__shade-")] == shade
    assert page.errors == [] and page.foreign == []
    page.close()


def test_the_map_countries_are_reached_with_the_keyboard_and_named_on_focus(browser, base_url):
    page = watched_page(browser, base_url)
    _open_map(page, base_url)
    named = None
    for _ in range(80):
        page.keyboard.press("Tab")
        named = page.evaluate("document.activeElement.closest('svg') && document.activeElement.getAttribute('aria-label')")
        if named:
            break
    assert named and "practice" in named
    page.keyboard.press("Enter")
    page.wait_for_url("**/countries/*/")


def test_a_map_whose_drawing_cannot_load_says_so_and_the_lists_remain(browser, base_url):
    page = watched_page(browser, base_url)
    page.route("**/countries/world-map.json", lambda route: route.abort())
    page.goto(base_url + "/countries/")
    status = page.locator("[data-map-status]")
    status.wait_for(state="visible")
    assert "could not be loaded" in status.inner_text()
    assert page.locator(".atlas-map__switch").is_hidden()  # nothing to shade
    assert page.locator("article li a[href$='/countries/mda/']").count() == 1
    page.close()


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


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_a_page_type_has_no_console_error_foreign_request_or_serious_accessibility_violation(browser, base_url, name):
    assert AXE.is_file(), "axe-core is missing: run `make test` (it installs node_modules with npm ci)"
    for scheme, device in (("light", "desktop"), ("dark", "desktop"), ("light", "phone"), ("dark", "phone")):
        phone = device == "phone"
        context = browser.new_context(color_scheme=scheme, viewport=PHONE if phone else None, is_mobile=phone, has_touch=phone)
        page = watched_page(context, base_url)
        page.goto(base_url + PAGE_TYPES[name])
        if scheme == "dark":  # Material follows its own toggle, not the system setting
            # Material animates colour changes, also on elements its script adds later (the links
            # of tab labels): with transitions off, axe sees the final colours, never a mix.
            page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        if name == "explorer":
            page.wait_for_selector("#explorer[data-ready]")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("""async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
        }""")
        assert violations == [], f"{scheme}, {device}: " + "\n".join(violations)
        assert page.errors == [] and page.foreign == []
        context.close()
