"""Pages that list practices link at most a cap of them in all; a cut group says how many more it
has and opens the explorer on exactly that group."""

from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from atlas.site.capped_lists import capped, shares
from atlas.site.pages import organization_context
from helpers.practice_facets import expected

CAP = 100  # mkdocs.yml's list_cap
LISTING_PAGES = ("lenses", "countries", "sources", "frameworks", "organizations")
PRACTICE_LINK = re.compile(r"^/practices/([^/#?]+)/$")


# --- the rule --------------------------------------------------------------------------------


@pytest.mark.parametrize("sizes", [[100], [60, 40], [1] * 100, [99, 1, 0]])
def test_at_the_cap_every_list_is_whole(sizes):
    assert shares(sizes, CAP) == sizes


@pytest.mark.parametrize("sizes", [[101], [61, 40], [1] * 101, [400, 3, 30, 70], [250] * 7])
def test_one_past_the_cap_the_groups_share_it_fairly(sizes):
    shown = shares(sizes, CAP)
    assert sum(shown) == CAP
    assert all(0 <= n <= size for n, size in zip(shown, sizes))
    cut = [n for n, size in zip(shown, sizes) if n < size]
    # Every cut group shows as many as any other group (one more at most): no group is starved.
    assert cut and max(shown) - min(cut) <= 1


def test_a_cut_group_keeps_all_its_items_and_its_filter():
    [group] = capped([(list(range(150)), {"country": "mda", "lens": "vertical"})], CAP)
    assert list(group.shown) == list(range(100)) and group.more == 50 and len(group.items) == 150
    assert parse_qs(group.explorer_query) == {"country": ["mda"], "lens": ["vertical"]}


def test_an_organization_past_the_cap_groups_by_lens_which_the_explorer_can_filter(dataset):
    organization = max(dataset.organizations.values(),
                       key=lambda o: len(dataset.practices_by_organization.get(o.id, [])))
    whole = organization_context(SimpleNamespace(data=dataset, list_cap=10_000), organization)
    assert whole["grouped_by"] == "role" and all(not g.more for *_, g in whole["practice_groups"])
    cut = organization_context(SimpleNamespace(data=dataset, list_cap=5), organization)
    assert cut["grouped_by"] == "lens"
    assert sum(len(g.shown) for *_, g in cut["practice_groups"]) == 5
    for anchor, _, group in cut["practice_groups"]:
        filters = {key: values for key, values in parse_qs(group.explorer_query).items()}
        assert filters == {"organization": [organization.id], "lens": [anchor]}
        assert {p.id for p in group.items} == expected(dataset, filters)


# --- on the built site -----------------------------------------------------------------------


def _practice_ids(element, relative: str) -> list[str]:
    """The practices `element` of the page at `relative` links, by id."""
    found = [PRACTICE_LINK.search(urlsplit(urljoin("/" + relative, a["href"])).path) for a in element.select("a[href]")]
    return [match.group(1) for match in found if match]


def _listing_pages(parsed):
    """The record pages of the kinds that list practices, and the practices index."""
    yield "practices/index.html", parsed("practices/index.html").select_one("article")
    for folder in LISTING_PAGES:
        for path in sorted(parsed.root.glob(f"{folder}/*/index.html")):
            relative = path.relative_to(parsed.root).as_posix()
            yield relative, parsed(relative).select_one("article")


def test_no_page_links_more_practices_than_the_cap(parsed):
    counts = {relative: len(_practice_ids(article, relative)) for relative, article in _listing_pages(parsed)}
    assert max(counts.values()) <= CAP, sorted(counts.items(), key=lambda item: -item[1])[:3]
    # Today's largest pages (the lens pages, the PCMD page) are past it: the cut is exercised.
    assert any(article.select(".atlas-more") for _, article in _listing_pages(parsed))


FRAMEWORK_CAP = CAP * 2 // 5  # a framework page's links each carry their reason and passage


def test_a_framework_page_lists_fewer_practices_each_with_its_reason(parsed, dataset):
    for framework in dataset.frameworks.values():
        relative = f"frameworks/{framework.id}/index.html"
        items = parsed(relative).select("article ul.atlas-framework-links > li")
        links = sum(len(components) for components in dataset.links_by_framework.get(framework.id, {}).values())
        assert len(items) == min(links, FRAMEWORK_CAP), relative
    # Today the PCMD and SDG pages are past it.
    assert len(parsed("frameworks/pcmd/index.html").select("article ul.atlas-framework-links > li")) == FRAMEWORK_CAP


def test_each_cut_group_says_how_many_more_and_opens_exactly_its_practices(parsed, dataset):
    seen = 0
    for relative, article in _listing_pages(parsed):
        for more in article.select(".atlas-more"):
            link = more.select_one("a")
            if "/explore/" not in urljoin("/" + relative, link["href"]):
                continue  # a cut list of other records, pointing to the data files (test_site.py)
            seen += 1
            filters = parse_qs(urlsplit(link["href"]).query)
            group = expected(dataset, filters)
            total = int(re.search(r"all (\d+) in the explorer", link.get_text()).group(1))
            hidden = int(re.match(r"(\d+) more not listed here", more.get_text()).group(1))
            assert total == len(group), (relative, filters)
            # The links shown just above it belong to the group, and with the hidden ones make all of it.
            shown = []
            for sibling in more.find_previous_siblings():
                if sibling.name in ("h2", "h3") or sibling.select(".atlas-more") or "atlas-more" in sibling.get("class", []):
                    break
                if sibling.name == "ul":
                    shown += _practice_ids(sibling, relative)
            assert set(shown) <= group and len(set(shown)) + hidden == total, (relative, filters)
    assert seen


def test_a_country_lists_two_fifths_of_the_cap_of_organizations_and_frameworks_and_points_to_the_rest(dataset):
    from atlas.site.pages import country_context

    country = dataset.countries["mda"]
    site = SimpleNamespace(data=dataset, list_cap=5, neighbourhoods=SimpleNamespace(of=lambda record: []))
    context = country_context(site, country)
    for whole, cut in ((context["organizations"], context["organization_list"]),
                       (context["frameworks"], context["framework_list"])):
        assert len(whole) > 2 and list(cut.shown) == whole[:2] and cut.more == len(whole) - 2
        assert parse_qs(cut.explorer_query) == {"country": ["mda"]}
    # What the explorer then shows among its filters: the frameworks of the country's practices.
    practices = dataset.practices_by_country["mda"]
    assert {f.id for f in context["frameworks"]} == {link.framework for p in practices for link in p.frameworks}
    whole = country_context(SimpleNamespace(data=dataset, list_cap=CAP, neighbourhoods=site.neighbourhoods), country)
    assert not whole["organization_list"].more and not whole["framework_list"].more  # today, whole
