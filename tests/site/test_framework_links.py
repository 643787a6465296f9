"""Practices linked to framework components, on the built site, both ways: each link reads on the
practice's page and in its component's section of the framework page, with the same kind, reason
and passage; the matrix counts what the data holds; the link table round-trips; the explorer
filters on a component. Expected values come from the records, never from atlas/site."""

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag

from helpers.practice_facets import CORE_FRAMEWORKS, framework_links

KIND_LABELS = {"stated": "a source document links it", "classified": "classified by the atlas"}
# Components no practice can serve, and why, from the sources: the component's own summary says so.
NONE_QUALIFIES = {
    ("sdgs", "target-16-9"): "cited only as a function that labelling refugees 'displaced' makes hard (000); "
                             "no source describes a practice of birth registration",
}


def section_of(soup: BeautifulSoup, anchor: str) -> list[Tag]:
    """The elements after the heading `anchor`, up to the next heading of its level or higher."""
    heading = soup.find(id=anchor)
    assert heading is not None, f"no heading #{anchor}"
    level = int(heading.name[1])
    ends = [f"h{n}" for n in range(1, level + 1)]
    elements = []
    for sibling in heading.find_next_siblings():
        # A section search leaves out is wrapped whole (search_index.mark_sections): its heading
        # ends this one too.
        if sibling.name in ends or sibling.find(ends):
            break
        elements.append(sibling)
    return elements


def item_linking(elements: list[Tag], href_end: str) -> Tag | None:
    """The list item among `elements` whose first link ends with `href_end`."""
    for element in elements:
        for item in element.select("li"):
            first = item.find("a")
            if first is not None and first["href"].endswith(href_end):
                return item
    return None


def not_listed(elements: list[Tag]) -> int:
    """How many practices a section leaves out to keep the page small ("N more not listed here")."""
    for element in elements:
        more = element if "atlas-more" in (element.get("class") or []) else element.select_one(".atlas-more")
        if more is not None:
            return int(more.get_text().split()[0])
    return 0


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def assert_reads_the_link(item: Tag, link, dataset):
    """The item shows the link's kind, its reason and, when it has one, its passage's section."""
    assert item is not None
    kind = item.select_one(".atlas-link-kind")
    assert kind is not None and kind.get_text() == KIND_LABELS[link.kind]
    assert " ".join(link.reason.split()) in text(item)
    if link.source:
        source = dataset.sources[link.source.source]
        cited = [a for a in item.select(".atlas-link-source a") if f"/sources/{source.id}/" in a["href"]]
        assert cited, f"no link to the source of {link}"
        anchor = dataset.section_anchor(link.source)
        if anchor:
            assert cited[0]["href"].endswith(f"#{anchor}")
        assert link.source.locator in text(item)


def test_every_link_reads_on_its_practice_page_with_kind_reason_and_passage(parsed, dataset):
    for practice, link in framework_links(dataset):
        soup = parsed(f"practices/{practice.id}/index.html")
        target = f"frameworks/{link.framework}/" + (f"#{link.component}" if link.component else "")
        # An item links its framework, then its component if it has one: the last of them is the target.
        item = next((li for li in soup.select("#frameworks ~ div ul.atlas-framework-links li")
                     if [a for a in li.select("a[href]") if "/frameworks/" in a["href"]][-1]["href"].endswith(target)),
                    None)
        assert_reads_the_link(item, link, dataset)


def test_every_component_lists_each_practice_linked_to_it_with_the_same_reason(parsed, dataset):
    for practice, link in framework_links(dataset):
        soup = parsed(f"frameworks/{link.framework}/index.html")
        elements = section_of(soup, link.component or "practices")
        item = item_linking(elements, f"practices/{practice.id}/")
        if item is None and not_listed(elements):
            continue  # in a cut list: the count of those left out is checked below
        assert_reads_the_link(item, link, dataset)


def test_a_component_lists_no_practice_that_is_not_linked_to_it(parsed, dataset):
    for framework in dataset.frameworks.values():
        soup = parsed(f"frameworks/{framework.id}/index.html")
        for component in framework.components:
            expected = {p.id for p, link in framework_links(dataset)
                        if link.framework == framework.id and link.component == component.id}
            listed = set()
            for element in section_of(soup, component.id):
                for item in element.select("ul.atlas-framework-links > li"):
                    listed.add(urlsplit(item.find("a")["href"]).path.rstrip("/").rsplit("/", 1)[-1])
            elements = section_of(soup, component.id)
            assert listed <= expected and len(listed) + not_listed(elements) == len(expected), (framework.id, component.id)


def test_a_component_counts_its_links_by_kind_and_opens_them_in_the_explorer(parsed, dataset):
    for framework in dataset.frameworks.values():
        soup = parsed(f"frameworks/{framework.id}/index.html")
        for component in framework.components:
            linked = [link for _, link in framework_links(dataset)
                      if link.framework == framework.id and link.component == component.id]
            count = next(e for e in section_of(soup, component.id) if e.select_one(".atlas-component-count")
                         or "atlas-component-count" in (e.get("class") or []))
            line = text(count)
            if not linked:
                assert "No practice in the atlas is linked to it yet" in line
                continue
            stated = sum(1 for link in linked if link.kind == "stated")
            assert line.startswith(f"{len(linked)} practice")
            assert f"{stated} linked by their source, {len(linked) - stated} classified by the atlas" in line
            href = count.find("a")["href"]
            assert parse_qs(urlsplit(href).query) == {"component": [f"{framework.id}.{component.id}"]}


def test_the_matrix_counts_each_components_practices_by_lens(parsed, dataset):
    lenses = [term.id for term in dataset.terms("lenses")]
    for framework_id in CORE_FRAMEWORKS:
        framework = dataset.frameworks[framework_id]
        soup = parsed(f"frameworks/{framework_id}/index.html")
        rows = soup.select("table.atlas-matrix tbody tr")
        assert len(rows) == len(framework.components)
        for row, component in zip(rows, framework.components):
            practices = [p for p, link in framework_links(dataset)
                         if link.framework == framework_id and link.component == component.id]
            cells = row.select("td")
            for cell, lens in zip(cells, lenses):
                count = sum(1 for p in practices if lens in {p.lenses.primary.lens, *(s.lens for s in p.lenses.secondary)})
                assert cell.get_text() == str(count)
                if count:
                    query = parse_qs(urlsplit(cell.find("a")["href"]).query)
                    assert query == {"component": [f"{framework_id}.{component.id}"], "lens": [lens]}
            assert cells[-1].get_text() == str(len(practices))


def test_the_pcmd_criteria_gcm_objectives_and_sdg_components_each_list_a_practice(dataset):
    """Issue 16's first condition: every component of the three frameworks serves somewhere."""
    for framework_id in CORE_FRAMEWORKS:
        for component in dataset.frameworks[framework_id].components:
            linked = dataset.practices_by_framework.get(framework_id, {}).get(component.id)
            if (framework_id, component.id) in NONE_QUALIFIES:
                assert not linked and "no practice is linked" in component.summary
            else:
                assert linked, (framework_id, component.id)


def test_at_least_half_the_practices_serve_a_framework_component_and_every_link_has_its_grounds(dataset):
    with_component = {p.id for p, link in framework_links(dataset) if link.component}
    assert len(with_component) * 2 >= len(dataset.practices)
    for practice, link in framework_links(dataset):
        assert link.reason.strip() and link.kind in KIND_LABELS
        if link.kind == "stated":
            assert link.source is not None, (practice.id, link)


def test_a_framework_page_says_how_many_components_it_has_only_where_a_source_does(parsed, dataset):
    for framework in dataset.frameworks.values():
        if not framework.components:
            continue
        sentence = text(section_of(parsed(f"frameworks/{framework.id}/index.html"), "components")[0])
        if framework.components_in_all:
            assert f"It has {framework.components_in_all.count} components in all" in sentence
        else:
            assert "do not say how many it has in all" in sentence
    assert dataset.frameworks["pcmd"].components_in_all.count == 5


# --- the link table and the explorer ----------------------------------------------------------------


def test_the_link_table_holds_every_link_and_its_former_address_the_same(site, dataset):
    content = (site / "data" / "practice-components.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(content)))
    expected = [{
        "practice": p.id, "framework": link.framework, "component": link.component or "", "kind": link.kind,
        "reason": link.reason, "source": link.source.source if link.source else "",
        "locator": link.source.locator if link.source else "",
    } for p, link in framework_links(dataset)]
    key = lambda row: (row["practice"], row["framework"], row["component"])  # noqa: E731
    assert sorted(rows, key=key) == sorted(expected, key=key)
    assert (site / "data" / "practice-frameworks.csv").read_text(encoding="utf-8") == content
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "practice-components")
    assert [field["name"] for field in resource["schema"]["fields"]] == list(expected[0])


def test_the_explorer_lists_components_under_their_framework(site, dataset):
    document = json.loads((site / "explore" / "practices.json").read_text(encoding="utf-8"))
    facet = next(f for f in document["facets"] if f["key"] == "component")
    groups = {value[0]: value[2] for value in facet["values"]}
    for _, link in framework_links(dataset):
        if link.component:
            assert groups[f"{link.framework}.{link.component}"].startswith(dataset.frameworks[link.framework].title)


