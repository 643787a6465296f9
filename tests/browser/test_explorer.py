"""The explorer at /explore/: its data file, and filtering in a real browser.

Expected results come from tests/helpers/practice_facets.py, which reads the records (not atlas/site/explorer.py), so
the explorer is checked against what the data says.
"""

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from helpers.browser import PHONE, watched_page
from helpers.practice_facets import FACETS, countries_of, expected, values_of


@pytest.fixture(scope="module")
def explorer_page(browser, base_url):
    page = watched_page(browser, base_url)
    page.goto(base_url + "/explore/")
    page.wait_for_selector("#explorer[data-ready]")
    yield page
    assert page.errors == [] and page.foreign == []
    page.close()


def shown_for(page, queries: list[str]) -> list[list[str]]:
    """Apply each query string through the contract API and read the ids of every practice it
    matches, in the list's order (the list itself shows them a page at a time)."""
    return page.evaluate("""queries => queries.map(query => {
        window.atlasExplorer.apply(query);
        return window.atlasExplorer.matches();
    })""", queries)


def listed(page) -> list[str]:
    """The ids of the practices the list shows on the page now."""
    return page.locator("#explorer-results li[data-id]").evaluate_all("items => items.map(li => li.dataset.id)")


def page_through(page) -> list[str]:
    """Click "Show more" until the list holds every match; the ids it then lists, in order."""
    more = page.locator("#explorer-more")
    for _ in range(1000):
        if more.is_hidden():
            break
        more.click()
    return listed(page)


# --- the data file ---------------------------------------------------------------------------


def test_the_data_file_lists_every_practice_once_with_the_values_its_record_has(site, dataset):
    document = json.loads((site / "explore" / "practices.json").read_text(encoding="utf-8"))
    facets = {facet["key"]: [value[0] for value in facet["values"]] for facet in document["facets"]}
    assert tuple(facets) == FACETS
    entries = {entry["id"]: entry for entry in document["practices"]}
    assert sorted(entries) == sorted(dataset.practices) and len(document["practices"]) == len(entries)
    assert facets["primary"] == facets["lens"]  # so that explorer.js reads a primary lens off `lens`
    for practice in dataset.practices.values():
        entry = entries[practice.id]
        assert entry["title"] == practice.title
        entry["primary"] = entry["lens"][:1]  # not repeated in the file
        for facet in FACETS:
            assert {facets[facet][i] for i in entry.get(facet, [])} == values_of(dataset, practice, facet)


def by_title(dataset) -> list[str]:
    return [p.id for p in sorted(dataset.practices.values(), key=lambda p: p.title.lower())]


def test_the_page_holds_a_first_page_of_practices_and_the_ways_in_without_javascript(site, dataset, browser, base_url):
    """The page's HTML stays the same size however many practices there are: it lists the first
    page by title; without JavaScript a reader is told so and given the pages that list them all."""
    soup = BeautifulSoup((site / "explore" / "index.html").read_text(encoding="utf-8"), "html.parser")
    explorer = soup.select_one("#explorer")
    size = int(explorer["data-page-size"])
    assert len(dataset.practices) > size, "the atlas holds no more than a page: nothing here is tested"
    assert [li["data-id"] for li in soup.select("#explorer-results li[data-id]")] == by_title(dataset)[:size]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/explore/?lens=vertical")
    assert page.locator("#explorer-results li[data-id]").count() == size
    assert page.locator("#explorer-results a").first.is_visible()
    ways = page.locator("#explorer-ways")
    assert ways.is_visible() and f"first {size} of the {len(dataset.practices)} listed" in ways.inner_text()
    targets = {a.split("/")[-2] for a in ways.locator("a").evaluate_all("links => links.map(a => a.href)")}
    assert targets == {"lenses", "countries", "frameworks", "practices"}
    assert page.locator("#explorer-more").is_hidden()
    context.close()


def test_paging_lists_every_match_exactly_once_in_order_as_the_first_page_was(explorer_page, dataset):
    size = int(explorer_page.locator("#explorer").get_attribute("data-page-size"))
    (everything,) = shown_for(explorer_page, [""])
    assert everything == by_title(dataset)
    assert listed(explorer_page) == everything[:size]  # what the script lists first is what the HTML held
    left = len(everything) - size
    assert explorer_page.locator("#explorer-more").inner_text() == (
        f"Show {size} more ({left} not listed yet)" if left > size else f"Show the last {left}")
    explorer_page.locator("#explorer-more").click()
    # The keyboard's focus goes on to the first practice just listed.
    assert explorer_page.evaluate("document.activeElement.closest('li').dataset.id") == everything[size]
    assert page_through(explorer_page) == everything
    assert explorer_page.locator("#explorer-more").is_hidden()
    # A new filter starts again from its first page, and pages through its own matches only.
    (vertical,) = shown_for(explorer_page, ["lens=vertical&sort=year"])
    assert len(vertical) > size and listed(explorer_page) == vertical[:size]
    assert page_through(explorer_page) == vertical and set(vertical) == expected(dataset, {"lens": ["vertical"]})
    shown_for(explorer_page, [""])


def test_the_script_marks_each_cautionary_example_it_lists(explorer_page, dataset):
    (cautionary,) = shown_for(explorer_page, ["example=cautionary"])
    assert sorted(cautionary) == sorted(p.id for p in dataset.practices.values() if p.cautionary)
    badges = explorer_page.locator("#explorer-results li[data-id]").evaluate_all(
        "items => items.map(li => [li.dataset.id, [...li.querySelectorAll('.atlas-badge')].map(b => b.textContent)])")
    assert badges == [[i, ["Cautionary example"]] for i in cautionary]
    (practices,) = shown_for(explorer_page, ["example=practice"])
    assert explorer_page.locator("#explorer-results .atlas-badge").count() == 0 and practices
    shown_for(explorer_page, [""])


def test_a_listed_practice_reads_as_in_the_page_html(explorer_page, site):
    """Items the script lists are written as the page's HTML writes them: the same links, badge,
    aliases and facts (the first page is listed both ways)."""
    shown_for(explorer_page, [""])
    soup = BeautifulSoup((site / "explore" / "index.html").read_text(encoding="utf-8"), "html.parser")
    written = [" ".join(li.get_text(" ").split()) for li in soup.select("#explorer-results li[data-id]")]
    scripted = [" ".join(text.split()) for text in explorer_page.locator("#explorer-results li[data-id]").evaluate_all(
        "items => items.map(li => [...li.childNodes].map(n => n.textContent).join(' '))")]
    assert scripted == written
    hrefs = [li.select_one("a")["href"] for li in soup.select("#explorer-results li[data-id]")]
    assert explorer_page.locator("#explorer-results li[data-id] > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))") == hrefs


# --- filtering in the browser ----------------------------------------------------------------


@pytest.mark.parametrize("facet", FACETS)
def test_each_value_of_a_facet_narrows_to_exactly_the_practices_that_have_it(explorer_page, dataset, facet):
    values = sorted(set().union(*(values_of(dataset, p, facet) for p in dataset.practices.values())))
    results = shown_for(explorer_page, [urlencode({facet: value}) for value in values])
    for value, shown in zip(values, results):
        assert len(shown) == len(set(shown))
        assert set(shown) == expected(dataset, {facet: [value]}), f"{facet}={value}"


def test_values_of_one_facet_add_up_and_different_facets_narrow_down(explorer_page, dataset):
    combinations = [
        {"sector": ["health", "education"]},
        {"lens": ["vertical"], "level": ["local"]},
        {"lens": ["vertical"], "level": ["local"], "sector": ["health"]},
        {"lens": ["horizontal"], "mechanism": ["inter-ministerial-committee"], "region": ["europe", "africa"]},
        {"country": ["mda", "tur"], "lens": ["engagement"]},
    ]
    queries = [urlencode(c, doseq=True) for c in combinations]
    for combination, shown in zip(combinations, shown_for(explorer_page, queries)):
        assert set(shown) == expected(dataset, combination), combination
    assert set(shown_for(explorer_page, [queries[0]])[0]) > set(shown_for(explorer_page, ["sector=health"])[0])


def test_each_value_shows_how_many_practices_it_would_give(explorer_page, dataset):
    # After other filters first: counts and labels are rewritten only where they change.
    shown_for(explorer_page, ["sector=health&level=local", "", "q=migration", "lens=vertical"])
    for facet in ("lens", "level", "sector"):
        others = {"lens": ["vertical"]} if facet != "lens" else {}
        for label in explorer_page.locator(f"details[data-facet='{facet}'] label").all():
            value = label.locator("input").get_attribute("value")
            count = expected(dataset, {**others, facet: [value]})
            if label.is_hidden():
                assert not count, f"{facet}={value} is hidden but has practices"
                continue
            assert label.locator(".atlas-facet__count").inner_text() == f"({len(count)})", f"{facet}={value}"


def test_the_text_filter_finds_aliases_countries_and_words_without_accents(explorer_page, dataset):
    for alias in ("JMDI", "ACCMR"):
        (shown,) = shown_for(explorer_page, [urlencode({"q": alias.lower()})])
        with_alias = {p.id for p in dataset.practices.values() if alias in p.aliases}
        assert with_alias and with_alias <= set(shown), alias
    (shown,) = shown_for(explorer_page, ["q=MIPEX"])  # a framework's acronym
    under_mipex = {p.id for p in dataset.practices.values() if "mipex" in values_of(dataset, p, "framework")}
    assert under_mipex and under_mipex <= set(shown)
    (shown,) = shown_for(explorer_page, ["q=turkiye"])
    in_turkiye = {p.id for p in dataset.practices.values() if "tur" in countries_of(p)}
    assert in_turkiye and in_turkiye <= set(shown)
    (shown,) = shown_for(explorer_page, ["q=padron"])
    assert "barcelona-padron" in shown
    (shown,) = shown_for(explorer_page, ["q=xyzzy-nothing"])
    assert shown == []
    assert explorer_page.locator("#explorer-status").inner_text().startswith("0 of")


def test_the_explorer_counts_practices_as_the_home_page_does(explorer_page, dataset, parsed):
    """Cautionary examples are listed, and counted apart from the practices, as everywhere."""
    counted = len(dataset.counted_practices)
    cautionary = len(dataset.practices) - counted
    assert cautionary > 0
    whole = f"{counted} practices and {cautionary} cautionary examples"
    assert parsed("explore/index.html").select_one("#explorer-status").get_text() == whole + "."
    shown_for(explorer_page, [""])
    assert explorer_page.locator("#explorer-status").inner_text() == whole + "."
    (vertical,) = shown_for(explorer_page, ["lens=vertical"])
    assert explorer_page.locator("#explorer-status").inner_text() == f"{len(vertical)} of {whole} match."
    assert f"{counted} practices" in " ".join(parsed("index.html").select_one("article").get_text(" ").split())
    shown_for(explorer_page, [""])


def test_the_url_restores_a_view_and_follows_the_controls(browser, base_url, dataset):
    page = watched_page(browser, base_url)
    page.goto(base_url + "/explore/?lens=vertical&level=local&q=migr")
    page.wait_for_selector("#explorer[data-ready]")
    assert page.locator("input[name='lens'][value='vertical']").is_checked()
    assert page.locator("#explorer-q").input_value() == "migr"
    ids = page.evaluate("window.atlasExplorer.matches()")
    assert set(ids) <= expected(dataset, {"lens": ["vertical"], "level": ["local"]}) and ids
    assert listed(page) == ids[:int(page.locator("#explorer").get_attribute("data-page-size"))]
    page.locator("input[name='level'][value='local']").uncheck()
    page.locator("#explorer-q").fill("")
    page.locator("details[data-facet='sector'] input[value='health']").check()
    page.wait_for_url("**/explore/?lens=vertical&sector=health")  # just after the list is shown
    page.reload()
    page.wait_for_selector("#explorer[data-ready]")
    ids = page.evaluate("window.atlasExplorer.matches()")
    assert set(ids) == expected(dataset, {"lens": ["vertical"], "sector": ["health"]})
    page.locator("#explorer-clear").click()
    page.wait_for_url("**/explore/")
    assert len(page.evaluate("window.atlasExplorer.matches()")) == len(dataset.practices)
    assert page.errors == [] and page.foreign == []


def test_the_explorer_works_after_instant_navigation_from_a_practice_tag(browser, base_url, dataset):
    page = watched_page(browser, base_url)
    page.goto(base_url + "/practices/moldova-hometown-associations/")
    page.locator(".atlas-tags a", has_text="Hometown association").click()
    page.wait_for_url("**/explore/?mechanism=hometown-association")
    page.wait_for_selector("#explorer[data-ready]")
    ids = page.evaluate("window.atlasExplorer.matches()")
    assert set(ids) == expected(dataset, {"mechanism": ["hometown-association"]}) and listed(page) == ids
    assert page.errors == [] and page.foreign == []


def test_on_a_phone_the_results_come_right_after_the_closed_filters(browser, base_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = watched_page(context, base_url)
    page.goto(base_url + "/explore/")
    page.wait_for_selector("#explorer[data-ready]")
    assert page.locator("details.atlas-facet[open]").count() == 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    context.close()


def test_on_a_phone_the_filters_open_over_the_results_and_the_first_result_is_on_the_first_screen(browser, base_url, dataset):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = watched_page(context, base_url)
    page.goto(base_url + "/explore/?lens=vertical&level=local&sector=health")
    page.wait_for_selector("#explorer[data-ready]")
    first = page.locator("#explorer-results li[data-id]").first
    assert first.bounding_box()["y"] < 844
    assert page.locator("#explorer-active").text_content() == "(3)"
    page.locator("#explorer-open").click()
    sheet = page.locator("#explorer-controls")
    assert sheet.is_visible() and sheet.bounding_box()["y"] == 0
    page.locator('details[data-facet="region"] summary').click()
    page.locator('details[data-facet="region"] input').first.check()
    count = len(page.evaluate("window.atlasExplorer.matches()"))
    show = page.locator("#explorer-show")
    assert show.text_content() == f"Show {count} practice{'' if count == 1 else 's'}"
    show.click()
    assert not sheet.is_visible()
    assert page.evaluate("document.activeElement.id") == "explorer-open"
    assert page.errors == [] and page.foreign == []
    context.close()


def test_on_a_phone_the_list_does_not_move_when_the_explorer_starts(browser, base_url, dataset):
    """The controls show from the first paint with every facet's heading: the script fills them
    in without pushing the list down (a layout shift, which Lighthouse scores)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = watched_page(context, base_url)
    # Hold the explorer's data back, so the page is painted well before the script can start.
    release = []
    page.route("**/explore/practices.json", lambda route: release.append(route))
    page.goto(base_url + "/explore/")
    top_before = page.locator("#explorer-results").bounding_box()["y"]
    # On a phone the filters wait behind their button, shown from the first paint.
    assert page.locator("#explorer-open").is_visible() and not page.locator("#explorer-controls").is_visible()
    assert page.locator("details.atlas-facet summary").count() == len(FACETS)
    page.evaluate("""() => { window.__shifts = 0; new PerformanceObserver(list => {
        for (const entry of list.getEntries()) window.__shifts += entry.value; })
        .observe({type: "layout-shift", buffered: true}); }""")
    for _ in range(200):  # the script asks for the data within 10 s, or the test fails below
        if release:
            break
        page.wait_for_timeout(50)
    assert release, "the explorer never asked for its data"
    release[0].continue_()
    page.wait_for_selector("#explorer[data-ready]")
    assert page.locator("#explorer-results").bounding_box()["y"] == top_before
    assert page.locator("details.atlas-facet[data-facet='lens'] input").count() > 0
    assert page.evaluate("window.__shifts") < 0.05
    assert page.errors == [] and page.foreign == []
    context.close()


def test_the_browser_keeps_no_form_state_of_the_filters(explorer_page):
    # The address holds the filters; Chromium otherwise saved every checkbox's state at each
    # history.replaceState (about 90 ms per filter at 10,000 practices: see docs/performance.md).
    modes = explorer_page.locator("#explorer input[type=checkbox]").evaluate_all(
        "boxes => [...new Set(boxes.map(box => box.getAttribute('autocomplete')))]")
    assert modes == ["off"]


def test_an_unknown_value_in_the_address_is_reported_with_the_nearest_one(browser, base_url):
    page = watched_page(browser, base_url)
    page.goto(base_url + "/explore/?country=MDA&lens=vertcal&contry=mda&sort=newest")
    page.wait_for_selector("#explorer[data-ready]")
    lines = page.locator("#explorer-notice p").all_text_contents()
    assert lines == [
        "sort=newest: no such order",
        "contry=mda: the explorer has no filter named contry; did you mean country?",
        "lens=vertcal: no such lens; did you mean Vertical integration (vertical)?",
        "country=MDA: no such country; did you mean Moldova (mda)?",
    ]
    assert page.locator("#explorer-notice").is_visible()
    page.goto(base_url + "/explore/?country=mda")
    page.wait_for_selector("#explorer[data-ready]")
    assert page.locator("#explorer-notice").is_hidden()
    assert page.errors == [] and page.foreign == []
    page.close()


def test_the_downloads_hold_exactly_the_practices_shown_with_the_exports_columns(explorer_page, site, dataset):
    import csv
    import io

    explorer_page.evaluate("window.atlasExplorer.apply('?lens=vertical&region=europe')")
    shown = explorer_page.evaluate("window.atlasExplorer.matches()")
    assert shown
    with explorer_page.expect_download() as download:
        explorer_page.locator("#explorer-csv").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    export_header = (site / "data" / "practices.csv").read_text(encoding="utf-8").splitlines()[0]
    assert text.splitlines()[0] == export_header
    assert [row["id"] for row in rows] == shown
    assert set(shown) == expected(dataset, {"lens": ["vertical"], "region": ["europe"]})
    with explorer_page.expect_download() as download:
        explorer_page.locator("#explorer-json").click()
    document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [entry["id"] for entry in document["records"]] == shown and document["count"] == len(shown)


def test_the_list_sorts_by_country_and_by_evidence_year(explorer_page, dataset):
    (by_year,) = shown_for(explorer_page, ["?sort=year"])
    years = [int(next(iter(values_of(dataset, dataset.practices[i], "year")))) for i in by_year]
    assert years == sorted(years, reverse=True) and sorted(by_year) == sorted(dataset.practices)
    listed_years = explorer_page.locator("#explorer-results li[data-id]").evaluate_all("items => items.map(li => li.dataset.year)")
    assert [int(y) for y in listed_years] == years[:len(listed_years)]
    (by_country,) = shown_for(explorer_page, ["?sort=country"])
    # The first country a practice names (its countries, then its cities'), as the list shows it.
    first = {p.id: dataset.countries[[*p.countries, *(c.country for c in p.cities)][0]].name
             for p in dataset.practices.values() if p.countries or p.cities}
    countries = [first.get(i, "") for i in by_country]
    named = [c for c in countries if c]
    assert countries[: len(named)] == named and len(named) < len(countries)  # practices with no country come last
    assert named == sorted(named, key=lambda name: name.casefold()) or named == sorted(named)
    explorer_page.wait_for_url("**sort=country*")
    (by_title_ids,) = shown_for(explorer_page, [""])
    assert by_title_ids == by_title(dataset)
    titles = explorer_page.locator("#explorer-results li[data-id] > a").all_text_contents()
    assert titles == [dataset.practices[i].title for i in by_title_ids[:len(titles)]]


def test_a_long_facet_has_a_finder_and_an_order_by_count_and_dims_empty_values(explorer_page):
    explorer_page.evaluate("window.atlasExplorer.apply('?lens=vertical')")
    country = explorer_page.locator('details[data-facet="country"]')
    country.evaluate("details => { details.open = true; }")
    country.locator(".atlas-facet__tools input").fill("mold")
    visible = country.locator("label.atlas-facet__value:not([hidden])").all_text_contents()
    assert len(visible) == 1 and visible[0].startswith("Moldova")
    country.locator(".atlas-facet__tools input").fill("")
    country.locator(".atlas-facet__tools button").click()
    counts = [int(t.strip("()")) for t in country.locator(".atlas-facet__count").all_text_contents()]
    assert counts == sorted(counts, reverse=True)
    dimmed = country.locator("label.atlas-facet__value--empty")
    assert dimmed.count() > 0 and dimmed.first.is_visible()
    assert all(c.endswith("(0)") for c in dimmed.all_text_contents())
    explorer_page.evaluate("window.atlasExplorer.apply('')")
