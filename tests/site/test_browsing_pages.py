"""The browsing pages as built: comparison tables, world map, country neighbours, practice tags,
and the size and content of the search index and the explorer's data file."""

import gzip
import json
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from helpers.practice_facets import expected, values_of


def soup_of(parsed, path: str) -> BeautifulSoup:
    return parsed(f"{path}/index.html")


def test_every_count_in_the_comparison_tables_is_the_number_of_practices_its_link_shows(parsed, site, dataset):
    soup = soup_of(parsed, "explore/compare")
    cells = soup.select("article .atlas-compare td a[href^='../?']")
    assert len(cells) > 3 * len(dataset.countries)
    for link in cells:
        filters = parse_qs(urlsplit(link["href"]).query)
        assert int(link.get_text()) == len(expected(dataset, filters)), link["href"]
        assert urlsplit(link["href"]).path == "../"  # from /explore/compare/ to /explore/


def test_the_comparison_tables_have_a_row_for_each_country_with_practices(parsed, site, dataset):
    soup = soup_of(parsed, "explore/compare")
    table = soup.find(id="country-by-lens").find_next("table")
    names = [row.select_one("td").get_text() for row in table.select("tbody tr")][:-1]  # the last: totals
    with_practices = [c.name for c in dataset.countries.values() if dataset.practices_by_country.get(c.id)]
    assert sorted(names) == sorted(with_practices)


def test_comparison_rows_come_largest_first_and_the_last_row_totals_each_practice_once(parsed, dataset):
    soup = soup_of(parsed, "explore/compare")
    for table in soup.select("article .atlas-compare table"):
        rows = table.select("tbody tr")
        totals = [int(row.select("td")[-1].get_text()) for row in rows[:-1]]
        assert totals == sorted(totals, reverse=True)
        assert rows[-1].select_one("td").get_text() == "All practices"
        for cell in rows[-1].select("td a"):
            filters = parse_qs(urlsplit(cell["href"]).query)
            assert int(cell.get_text()) == len(expected(dataset, filters))
        # Each count's bar is its share of the table's largest count.
        counts = [(int(td.a.get_text()), td.a) for row in rows[:-1] for td in row.select("td")[1:-1] if td.a]
        largest = max(count for count, _ in counts)
        for count, link in counts:
            assert link["style"] == f"--share:{count / largest:.2f}".replace(":0.", ":.")


def test_a_comparison_table_shows_its_largest_rows_and_says_how_many_it_leaves_out(dataset, monkeypatch):
    from atlas.site import overviews
    from atlas.site.pages import PageRenderer

    whole = {table.anchor: table for table in overviews.cross_tables(dataset)}
    assert not any(table.more for table in whole.values()), "today every table is whole"
    monkeypatch.setattr(overviews, "MAX_ROWS", 5)
    cut = {table.anchor: table for table in overviews.cross_tables(dataset)}
    countries = whole["country-by-lens"]
    assert cut["country-by-lens"].rows == countries.rows[:5]
    assert cut["country-by-lens"].more == len(countries.rows) - 5
    # The totals still count every row; a link would name each of them, so they have none.
    assert [c.count for c in cut["country-by-lens"].totals.cells] == [c.count for c in countries.totals.cells]
    assert cut["country-by-lens"].totals.total.count == countries.totals.total.count
    in_every_row = "country=" in countries.totals.total.query
    assert all((cell.query is None) == in_every_row for cell in [*cut["country-by-lens"].totals.cells,
                                                                 cut["country-by-lens"].totals.total])
    rendered = PageRenderer(dataset, cite_block=None, improve_links=None).block(
        "overviews", tables=list(cut.values()), root="../")
    assert f"Shown: the 5 rows with the most practices. {len(countries.rows) - 5} more, with fewer," in rendered


def test_the_countries_index_fetches_its_map_drawing_and_holds_none_of_it(parsed, site):
    page = soup_of(parsed, "countries")
    frame = page.select_one("figure.atlas-map [data-map-src]")
    assert frame["data-map-src"] == "../countries/world-map.json"
    assert (site / "countries" / "world-map.json").is_file()
    assert page.select_one("figure.atlas-map svg, figure.atlas-map path") is None
    assert "JavaScript" in page.select_one("figure.atlas-map noscript").get_text()


def test_the_map_has_one_named_link_per_country_record_and_hides_the_rest(parsed, site, dataset):
    # The drawing, as map.js puts it in the countries index: its links are relative to that page.
    soup = BeautifulSoup(json.loads((site / "countries" / "world-map.json").read_text())["drawing"], "lxml")
    svg = soup.select_one("svg")
    links = {a["xlink:href"].strip("/").split("/")[-1]: a for a in svg.find_all("a")}
    assert set(links) == set(dataset.countries)
    assert all(a["xlink:href"].startswith("../countries/") for a in svg.find_all("a"))
    markers = {a["href"].strip("/").split("/")[-1]: a for a in soup.select("a.atlas-map__marker")}
    for code, link in links.items():
        count = len(dataset.practices_by_country.get(code, []))
        name = dataset.countries[code].name
        # A country with a marker is named by its marker; its outline stays out of the tab order.
        named = markers.get(code, link)
        assert named["aria-label"] == f"{name}: {count} practice{'' if count == 1 else 's'}"
        assert link.find("title").get_text() == named["aria-label"]
        if code in markers:
            assert link["tabindex"] == "-1" and link["aria-hidden"] == "true"
            assert markers[code].get_text() == str(count)
    assert all(path.get("aria-hidden") == "true" for path in svg.find_all("path", recursive=False))


def test_a_country_profile_lists_neighbours_that_share_a_framework_or_organization(parsed, site, dataset):
    def ties(code):
        practices = dataset.practices_by_country.get(code, [])
        return ({link.framework for p in practices for link in p.frameworks}
                | {actor.organization for p in practices for actor in p.actors})

    soup = soup_of(parsed, "countries/mda")
    heading = soup.find(id="neighbours")
    assert heading is not None
    neighbours = [li.find("a")["href"].strip("/").split("/")[-1] for li in heading.find_next("ul").find_all("li")]
    assert neighbours
    for code in neighbours:
        assert code != "mda" and ties(code) & ties("mda")


def test_a_practice_page_has_tags_that_open_the_explorer_on_its_lenses_sectors_and_mechanisms(parsed, site, dataset):
    practice = dataset.practices["moldova-hometown-associations"]
    soup = soup_of(parsed, f"practices/{practice.id}")
    hrefs = [a["href"] for a in soup.select("article .atlas-tags a")]
    wanted = [f"../../explore/?{facet}={value}" for facet in ("lens", "sector", "mechanism")
              for value in sorted(values_of(dataset, practice, facet))]
    assert sorted(hrefs) == sorted(wanted)


def test_search_indexes_each_record_by_its_own_facts_not_by_the_lists_of_other_records(parsed, dataset):
    """On a record page, what Pagefind reads is the title, summary and the sections holding the
    record's own facts: a section that lists other records, and a list within a kept section, is
    marked data-pagefind-ignore (each listed record is found on its own page)."""
    from atlas.site.search_index import KEPT_SECTIONS

    checked = 0
    for folder, table in (("practices", dataset.practices), ("countries", dataset.countries),
                          ("frameworks", dataset.frameworks), ("organizations", dataset.organizations),
                          ("sources", dataset.sources)):
        for record_id in sorted(table)[:15]:
            body = parsed(f"{folder}/{record_id}/index.html").select_one("[data-pagefind-body]")
            assert body is not None and body.select_one("h1"), (folder, record_id)
            for heading in body.find_all("h2"):
                ignored = heading.find_parent(attrs={"data-pagefind-ignore": True}) is not None
                assert ignored == (heading["id"] not in KEPT_SECTIONS[folder]), (folder, record_id, heading["id"])
                checked += 1
    assert checked > 100
    # A framework's components are found by their titles, not by the practices listed under them.
    gcm = parsed("frameworks/gcm/index.html")
    objective = gcm.find(id="objective-15")
    assert objective.find_parent(attrs={"data-pagefind-ignore": True}) is None
    listed = [a for a in gcm.select("[data-pagefind-body] a[href*='/practices/']")
              if a.find_parent(attrs={"data-pagefind-ignore": True}) is None]
    assert listed == []


def test_the_explorer_data_stays_under_150_kb_gzip_per_1000_practices(site, dataset):
    size = len(gzip.compress((site / "explore" / "practices.json").read_bytes()))
    assert size / len(dataset.practices) < 150, f"{size} bytes gzip for {len(dataset.practices)} practices"


def test_every_page_counts_a_lens_the_same_way(parsed, dataset):
    """Home, practices index, lens page and country pages give the same two numbers, labelled
    alike: practices with the lens in all (primary or secondary), and with it as primary lens.
    Cautionary examples are listed, marked, but counted nowhere."""
    import re

    count = re.compile(r"(\d+) in all, (\d+) primary")
    home_cards = {a["href"].strip("/").split("/")[-1]: a.get_text() for a in
                  parsed("index.html").select("article .grid.cards li a[href*='lenses/']") if count.search(a.get_text())}
    for lens in dataset.terms("lenses"):
        with_lens = [p for p in dataset.counted_practices if lens.id in dataset.lenses_of(p)]
        expected = (str(len(with_lens)), str(sum(p.lenses.primary.lens == lens.id for p in with_lens)))
        index_heading = parsed("practices/index.html").find(id=lens.id).get_text()
        lens_page = parsed(f"lenses/{lens.id}/index.html").select_one("article p strong").get_text()
        for where, text in (("home", home_cards[lens.id]), ("practices index", index_heading), ("lens page", lens_page)):
            assert count.search(text).groups() == expected, (lens.id, where, text)
    for code in dataset.countries:
        if not dataset.practices_by_country.get(code):
            continue  # it says once that the sources describe no practice there (test_site.py)
        article = parsed(f"countries/{code}/index.html").select_one("article")
        for lens in dataset.terms("lenses"):
            heading = article.find("h3", id=lens.id)
            total, primary = map(int, count.search(heading.get_text()).groups())
            listed = heading.find_next_sibling()
            items = listed.find_all("li") if listed is not None and listed.name == "ul" else []
            counted = [li for li in items if not li.select(".atlas-badge--cautionary")]
            assert len(counted) == total and sum("(secondary)" not in li.get_text() for li in counted) == primary, code
