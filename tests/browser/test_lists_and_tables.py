"""Lists and tables as a reader uses them: sorting the comparison tables, and a cut list's or a
matrix cell's link opening the explorer on exactly its practices."""

from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from helpers.browser import watched_page
from helpers.practice_facets import CORE_FRAMEWORKS, expected, framework_links


def test_sorting_a_comparison_column_reorders_it_says_so_and_keeps_it_in_the_address(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "/explore/compare/")
    table = page.locator('[data-table="country-by-lens"] table')
    header = table.locator("thead th").nth(3)  # Engagement
    assert table.locator("thead th").nth(4).get_attribute("aria-sort") == "descending"
    header.locator("button").focus()
    page.keyboard.press("Enter")
    values = [int(v) for v in table.locator("tbody tr td:nth-child(4)").all_text_contents()]
    assert values == sorted(values, reverse=True) and header.get_attribute("aria-sort") == "descending"
    assert table.locator("thead th").nth(4).get_attribute("aria-sort") is None
    assert "sort=country-by-lens.3.desc" in page.url
    header.locator("button").click()
    values = [int(v) for v in table.locator("tbody tr td:nth-child(4)").all_text_contents()]
    assert values == sorted(values) and header.get_attribute("aria-sort") == "ascending"
    assert table.locator("tfoot td").first.text_content() == "All practices"
    page.goto(base_url + "/explore/compare/?sort=country-by-lens.0.asc")
    names = table.locator("tbody tr td:first-child").all_text_contents()
    assert names == sorted(names, key=str.casefold) or names == sorted(names)
    assert table.locator("thead th").first.get_attribute("aria-sort") == "ascending"
    page.close()


def test_a_cut_group_opens_the_explorer_on_its_practices_in_a_browser(browser, base_url, parsed, dataset):
    article = parsed("lenses/horizontal/index.html").select_one("article")
    more = article.select_one(".atlas-more a")
    filters = parse_qs(urlsplit(more["href"]).query)
    page = watched_page(browser, base_url)
    page.goto(base_url + "/lenses/horizontal/")
    page.locator(".atlas-more a").first.click()
    page.wait_for_selector("#explorer[data-ready]")
    shown = page.evaluate("window.atlasExplorer.matches()")
    assert sorted(shown) == sorted(expected(dataset, filters))
    assert page.errors == [] and page.foreign == []
    page.close()


@pytest.mark.parametrize("framework_id", CORE_FRAMEWORKS)
def test_a_matrix_count_opens_the_explorer_on_exactly_those_practices(browser, base_url, parsed, dataset, framework_id):
    soup = parsed(f"frameworks/{framework_id}/index.html")
    cell = soup.select_one("table.atlas-matrix td a")
    query = parse_qs(urlsplit(cell["href"]).query)
    framework, component = query["component"][0].split(".")
    expected = {p.id for p, link in framework_links(dataset) if link.framework == framework and link.component == component
                and query["lens"][0] in {p.lenses.primary.lens, *(s.lens for s in p.lenses.secondary)}}
    page = watched_page(browser, base_url)
    page.goto(urljoin(f"{base_url}/frameworks/{framework_id}/", cell["href"]))
    page.wait_for_selector("#explorer[data-ready]")
    shown = page.evaluate("window.atlasExplorer.matches()")
    assert set(shown) == expected and len(shown) == int(cell.get_text())
    box = page.locator(f'#explorer-facets input[name="component"][value="{framework}.{component}"]')
    assert box.is_checked()
    assert page.errors == [] and page.foreign == []
    page.close()
