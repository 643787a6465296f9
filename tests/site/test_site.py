"""The built site: every record has its page, cross-links resolve both ways, lens pages list exactly
their practices, record pages stay out of the navigation and nothing is fetched from elsewhere."""

import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from atlas.model.records import CITING_KINDS, KINDS, SECTION_ANCHORS
from atlas.site.pages import PAGE_KINDS
from helpers.practice_facets import expected as expected_in_explorer
from conftest import ROOT

RECORD_KINDS = tuple(KINDS)


def page(parsed, folder: str, identifier: str) -> BeautifulSoup:
    soup = parsed(f"{folder}/{identifier}/index.html")
    soup.page_url = f"http://atlas.test/{folder}/{identifier}/"
    return soup


def content_links(soup: BeautifulSoup, folder: str) -> set[str]:
    """Ids of the `folder` records the page's main content links to (hrefs resolved)."""
    ids = set()
    for anchor in soup.select_one("article").select("a[href]"):
        url = urljoin(soup.page_url, anchor["href"])
        parts = [p for p in urlsplit(url).path.split("/") if p]
        if url.startswith("http://atlas.test/") and len(parts) == 2 and parts[0] == folder:
            ids.add(parts[1])
    return ids


def reachable_practices(soup: BeautifulSoup, dataset) -> set[str]:
    """The practices a page links, and those its cut lists open in the explorer ("N more")."""
    ids = content_links(soup, "practices")
    for more in soup.select_one("article").select(".atlas-more a"):
        ids |= expected_in_explorer(dataset, parse_qs(urlsplit(more["href"]).query))
    return ids


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_every_record_has_its_own_page_with_its_title(parsed, dataset, kind):
    folder = PAGE_KINDS[kind].folder
    for record in dataset.table(kind).values():
        soup = page(parsed, folder, record.id)
        assert soup.select_one("article h1").get_text(strip=True).rstrip("¶") == record.label


def test_a_practice_links_its_countries_and_each_country_links_back(parsed, dataset):
    for practice in dataset.practices.values():
        linked = content_links(page(parsed, "practices", practice.id), "countries")
        assert set(practice.countries) <= linked
        for code in practice.countries:
            assert practice.id in content_links(page(parsed, "countries", code), "practices")


def test_a_practice_links_its_organizations_and_each_lists_it(parsed, dataset):
    for practice in dataset.practices.values():
        linked = content_links(page(parsed, "practices", practice.id), "organizations")
        for actor in practice.actors:
            assert actor.organization in linked
            assert practice.id in content_links(page(parsed, "organizations", actor.organization), "practices")


def test_a_practice_links_its_frameworks_and_components_and_they_list_it(parsed, dataset):
    for practice in dataset.practices.values():
        soup = page(parsed, "practices", practice.id)
        hrefs = {a["href"] for a in soup.select("article a[href]")}
        for link in practice.frameworks:
            framework_page = page(parsed, "frameworks", link.framework)
            assert practice.id in reachable_practices(framework_page, dataset)
            if link.component:
                assert f"../../frameworks/{link.framework}/#{link.component}" in hrefs
                assert framework_page.find(id=link.component) is not None


def test_related_practices_link_each_other_both_ways(parsed, dataset):
    for practice in dataset.practices.values():
        for relation in practice.related:
            assert relation.practice in content_links(page(parsed, "practices", practice.id), "practices")
            assert practice.id in content_links(page(parsed, "practices", relation.practice), "practices")


def test_a_source_page_lists_every_record_that_cites_it(parsed, dataset):
    cut_kinds = 0
    for source_id, by_kind in dataset.records_by_source.items():
        soup = page(parsed, "sources", source_id)
        for kind, records in by_kind.items():
            if kind == "practice":  # a cut list opens the explorer on the rest
                assert {r.id for r in records} <= reachable_practices(soup, dataset)
                continue
            linked = content_links(soup, PAGE_KINDS[kind].folder)
            listed = soup.find(id=kind).find_next_sibling()
            more = listed.find_next_sibling()
            if more is not None and "atlas-more" in more.get("class", []):
                # Past the page's cap, the list says how many it leaves to the data files.
                cut_kinds += 1
                shown = {a["href"].strip("/").split("/")[-1] for a in listed.select("a[href]")}
                assert shown <= {r.id for r in records} and shown <= linked
                assert int(re.match(r"(\d+) more not listed here", more.get_text()).group(1)) == len(records) - len(shown)
                assert more.select_one("a[href$='data/']") is not None
            else:
                assert {r.id for r in records} <= linked, (source_id, kind)
    assert cut_kinds  # today the GFMD 2015 page cuts its organizations


@pytest.mark.parametrize("lens", ["horizontal", "vertical", "engagement"])
def test_each_lens_page_lists_exactly_its_practices(parsed, dataset, lens):
    expected = {p.id for p in dataset.practices_in_lens(lens)}
    assert expected, f"no practice has the {lens} lens"
    soup = page(parsed, "lenses", lens)
    assert content_links(soup, "practices") <= expected
    assert reachable_practices(soup, dataset) == expected


def test_record_pages_are_kept_out_of_the_navigation(parsed, dataset):
    soup = parsed("index.html")
    nav_hrefs = [a["href"] for a in soup.select("nav.md-nav--primary a[href]")]
    assert not [h for h in nav_hrefs if "/practices/" in h and not h.rstrip("/").endswith("practices")]
    assert len(nav_hrefs) < 40


def test_every_page_shows_the_same_navigation_with_every_title(site, parsed, dataset):
    """Pages are built one after another; the navigation of the last ones names the first ones."""
    def labels(path: Path) -> list[str]:
        soup = parsed(path.relative_to(site).as_posix())
        # Links and section labels; a section with an index page shows its label as that page's link.
        links = soup.select("nav.md-nav--primary a.md-nav__link, nav.md-nav--primary label.md-nav__link:not([for='__toc'])")
        # The current page's own table of contents sits in the navigation too: not compared. A
        # section's fold toggle is a label with no text beside its linked title.
        return [a.get_text(" ", strip=True) for a in links if not a.find_parent("nav", class_="md-nav--secondary")
                and (a.name != "label" or a.get_text(strip=True))]

    expected = labels(site / "index.html")
    assert "Lenses" in expected and "Practices" in expected
    # No section repeats its own name as its first page ("Lenses › Lenses").
    assert expected.count("Lenses") == 1 and expected.count("Contribute") == 1
    last_practice = sorted(dataset.practices)[-1]
    for path in (site / "about" / "index.html", site / "practices" / last_practice / "index.html",
                 site / "sources" / "index.html", site / "contribute" / "data-reference" / "index.html"):
        found = labels(path)
        assert found == expected, path
        assert not [label for label in found if label in ("", "None")], path


def test_every_record_page_has_an_edit_link_to_its_yaml_file(parsed, dataset):
    for kind in RECORD_KINDS:
        folder = PAGE_KINDS[kind].folder
        for record in dataset.table(kind).values():
            edit = page(parsed, folder, record.id).select_one("a.md-content__button[href*='/edit/']")
            assert edit is not None and edit["href"].endswith(f"/edit/main/data/{folder}/{record.id}.yaml")


def test_the_home_page_shows_counts_computed_from_the_data(parsed, dataset):
    soup = parsed("index.html")
    counts = {a.get_text(" ", strip=True): a["href"] for a in soup.select("article .atlas-counts a")}
    assert counts == {
        # Cautionary examples are listed with the practices but not counted among them.
        f"{len(dataset.counted_practices)} practices": "practices/", f"{len(dataset.countries)} countries": "countries/",
        f"{len(dataset.frameworks)} frameworks": "frameworks/",
        f"{len(dataset.organizations)} organizations": "organizations/",
        f"{len(dataset.sources)} source documents": "sources/",
    }
    cards = [card.find("a").get_text() for card in soup.select("article .atlas-lens-cards > ul > li")]
    assert cards == [term.label for term in dataset.terms("lenses")]


def test_no_page_loads_anything_from_another_host(site, parsed):
    for path in site.rglob("*.html"):
        soup = parsed(path.relative_to(site).as_posix())
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and "stylesheet" not in (element.get("rel") or []) and "preconnect" not in (element.get("rel") or []):
                    continue
                assert not value.startswith(("http:", "https:", "//")), f"{path}: {tag} {value}"


def test_the_sources_page_counts_the_records_drawn_from_each_source(parsed, dataset):
    soup = parsed("sources/index.html")
    rows = soup.select_one("h2#coverage ~ table").select("tbody tr")
    kinds = CITING_KINDS
    for row, source in zip(rows, dataset.sources.values(), strict=False):
        cells = row.select("td")
        assert cells[0].get_text(strip=True).startswith(f"{source.id}:")
        drawn = dataset.records_by_source.get(source.id, {})
        assert [int(cell.get_text()) for cell in cells[1:5]] == [len(drawn.get(kind, [])) for kind in kinds]
        assert [a["href"] for a in row.select("a")][1:] == [f"{source.id}/#{kind}" for kind in kinds]
        page = parsed(f"sources/{source.id}/index.html")
        for kind in kinds:
            assert page.select_one(f"h3#{kind}") is not None
    assert len(rows) == len(dataset.sources) + 1
    assert rows[-1].select("td")[1].get_text() == str(len(dataset.practices))


def test_every_link_within_the_site_reaches_a_page_and_its_anchor(site, parsed):
    """Record pages are written as HTML, so MkDocs no longer checks their links: this does, for
    every page's main content (the theme's own links are the theme's)."""
    ids_of: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_of:
            soup = parsed(path.relative_to(site).as_posix())
            ids_of[path] = {element["id"] for element in soup.select("[id]")}
        return ids_of[path]

    broken = []
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 500
    for path in pages:
        soup = parsed(path.relative_to(site).as_posix())
        article = soup.select_one("article")
        if article is None:  # a redirect page
            continue
        base = "http://atlas.test/" + path.relative_to(site).as_posix()
        for anchor in article.select("a[href]"):
            url = urlsplit(urljoin(base, anchor["href"]))
            if url.netloc != "atlas.test":
                continue
            target = site / url.path.lstrip("/")
            if url.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {anchor['href']} (no such file)")
            elif url.fragment and target.suffix == ".html" and url.fragment not in ids(target):
                broken.append(f"{path.relative_to(site)}: {anchor['href']} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_the_section_anchors_a_component_may_not_take_are_those_of_the_templates():
    templates = ROOT / "atlas" / "site" / "templates" / "pages"
    used = {anchor for path in templates.glob("*.j2")
            for anchor in re.findall(r'heading\([23], "([a-z-]+)",', path.read_text(encoding="utf-8"))}
    assert used == SECTION_ANCHORS


def test_no_page_has_an_element_id_twice(site):
    for path in site.rglob("*.html"):
        ids = Counter(re.findall(r'\sid="([^"]*)"', path.read_text(encoding="utf-8")))
        assert not [name for name, count in ids.items() if count > 1], path


def test_every_external_link_on_a_record_page_shows_the_site_it_leads_to(parsed, dataset):
    checked = 0
    for kind, folder in (("organizations", "organizations"), ("practices", "practices"), ("frameworks", "frameworks")):
        for record in getattr(dataset, kind).values():
            if not getattr(record, "links", None):
                continue
            soup = parsed(f"{folder}/{record.id}/index.html")
            items = soup.find(id="links").find_next("ul").find_all("li")
            for item, link in zip(items, record.links, strict=True):
                host = urlsplit(link.url).hostname.removeprefix("www.")
                # The host is either the link's own text (an address) or written beside it.
                assert host in item.get_text(), (record.id, item.get_text())
                checked += 1
    assert checked > 20


def test_every_page_has_its_own_description_and_a_link_preview(parsed, dataset):
    from atlas.site.previews import DESCRIPTION_CHARACTERS
    from atlas.site.text import plain_text

    descriptions = {}
    for relative, soup in parsed.every_page():
        if soup.select_one("article") is None:  # a redirect page
            continue
        meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in soup.select("head meta")}
        description = meta["description"]
        assert meta["og:description"] == meta["twitter:description"] == description, relative
        assert meta["og:url"] == soup.select_one("link[rel=canonical]")["href"], relative
        assert meta["og:site_name"] == "Migration Policy Integration Atlas" and meta["twitter:card"] == "summary"
        folder, _, rest = relative.partition("/")
        record_id = rest.removesuffix("/index.html")
        kind = next((kind for kind, page_kind in PAGE_KINDS.items() if page_kind.folder == folder), None)
        if not (kind and "/" not in record_id and record_id != "index.html"):
            descriptions.setdefault(description, []).append(relative)  # a hand-written page
        else:
            record = PAGE_KINDS[kind].records(dataset)[record_id]
            prose = getattr(record, "summary", None) or getattr(record, "description", None) or record.label
            assert description == plain_text(prose, DESCRIPTION_CHARACTERS), relative
            assert len(description) <= DESCRIPTION_CHARACTERS and meta["og:title"] == record.label, relative
            assert meta["og:type"] == "article"
    # Record pages describe themselves with their summaries (two countries may share one); each
    # hand-written page has a description of its own.
    shared = {text: pages for text, pages in descriptions.items() if len(pages) > 1}
    assert shared == {} and len(descriptions) > 15, shared


def test_a_citation_leads_to_its_section_on_the_source_page_which_lists_the_record(parsed, dataset):
    from atlas.model.dataset import citations_in

    checked = 0
    for kind in CITING_KINDS:
        folder = PAGE_KINDS[kind].folder
        for record in dataset.table(kind).values():
            hrefs = {a["href"] for a in page(parsed, folder, record.id).select("article a[href*='sources/']")}
            for citation in citations_in(record):
                anchor = dataset.section_anchor(citation)
                assert anchor is not None, (record.id, citation.locator)
                assert f"../../sources/{citation.source}/#{anchor}" in hrefs, (record.id, anchor)
                source_page = page(parsed, "sources", citation.source)
                listed = source_page.find(id=anchor).find_next_sibling()
                href = f"../../{folder}/{record.id}/"
                if href not in {a["href"] for a in listed.select("a[href]")}:
                    # Past the cap the sections count the records citing them, by kind: the record
                    # is then in its kind's list of the records drawn from the document, unless that
                    # list is cut (its cut is checked in test_capped_lists.py).
                    assert re.search(rf"\d+ {folder}\b|\b1 {kind}\b", listed.get_text(" ")), (record.id, anchor)
                    drawn = source_page.find(id=kind)
                    assert drawn is not None, (citation.source, kind)
                    items = drawn.find_next_sibling()
                    assert href in {a["href"] for a in items.select("a[href]")} or items.find_next_sibling(class_="atlas-more"), (record.id, citation.source)
                    checked += 1
                    continue
                assert href in {a["href"] for a in listed.select("a[href]")}, (record.id, anchor)
                checked += 1
    assert checked > 1000


def test_a_country_without_practices_says_so_once_and_shows_what_it_has(parsed, dataset):
    empty = [c for c in dataset.countries.values() if not dataset.practices_by_country.get(c.id)]
    assert empty
    for country in empty:
        soup = page(parsed, "countries", country.id)
        text = " ".join(soup.select_one("article").get_text(" ").split())
        assert text.count("describe no practice") == 1
        assert "primary lens" not in text
        assert not [h for h in soup.select("article h3") if h.get("id") in {t.id for t in dataset.terms("lenses")}]


def test_the_404_page_offers_the_search_and_the_main_ways_in(site):
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    article = soup.select_one("article")
    assert "Page not found" in article.get_text() and "Search for it" in article.get_text()
    assert soup.select_one("#atlas-search-open") is not None and soup.select_one("#atlas-search-q") is not None
    root = urlsplit(re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(),
                              re.MULTILINE).group(1)).path
    targets = [a["href"] for a in article.select("a[href]")]
    assert len(targets) >= 6
    for href in targets:
        assert href.startswith(root)
        assert (site / href.removeprefix(root) / "index.html").is_file(), href
