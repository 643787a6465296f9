"""The macros authors call on hand-written pages, as docs/contribute/writing-pages.md shows them:
on the built page, and with ids or filters that do not exist."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from atlas.site.author_macros import component_practices, examples, practice_card, practice_list
from atlas.site.pages import PageRenderer

PAGE = "contribute/writing-pages/index.html"


def _practice_ids(element, page="http://atlas.test/contribute/writing-pages/") -> list[str]:
    ids = []
    for anchor in element.select("a[href]"):
        parts = [p for p in urlsplit(urljoin(page, anchor["href"])).path.split("/") if p]
        if len(parts) == 2 and parts[0] == "practices":
            ids.append(parts[1])
    return ids


def test_the_card_shows_its_practice_and_links_to_its_page(parsed, dataset):
    card = parsed(PAGE).select_one("article .grid.cards li")
    assert _practice_ids(card) == ["moldova-hometown-associations"]
    practice = dataset.practices["moldova-hometown-associations"]
    assert practice.title in card.get_text() and "Moldova" in card.get_text()


def test_the_list_holds_exactly_the_practices_with_every_value_and_opens_in_the_explorer(parsed, dataset, site_build):
    filters = examples(site_build, "")["filters"]
    assert filters == {"lens": "engagement", "sector": "diaspora", "country": "mda"}
    expected = sorted(p.id for p in dataset.practices.values()
                      if "engagement" in dataset.lenses_of(p) and "diaspora" in p.sectors
                      and "mda" in [*p.countries, *(c.country for c in p.cities)])
    listing = parsed(PAGE).find(id="a-list-of-practices").find_next("ul")
    assert sorted(_practice_ids(listing)) == expected and expected
    explorer = listing.find_next("a", string="open this list in the explorer")
    assert parse_qs(urlsplit(explorer["href"]).query) == {key: [value] for key, value in filters.items()}
    assert f"{len(expected)} practices" in explorer.parent.get_text()


def test_the_component_lists_the_practices_linked_to_it(parsed, dataset, site_build):
    framework, component = examples(site_build, "")["component"]
    expected = dataset.practices_by_framework[framework][component]
    assert len(expected) == max(len(practices) for by_component in dataset.practices_by_framework.values()
                                for key, practices in by_component.items() if key)
    listing = parsed(PAGE).find(id="a-framework-component-and-its-practices").find_next("ul")
    assert sorted(_practice_ids(listing)) == sorted(p.id for p in expected)


@pytest.fixture(scope="module")
def site_build(dataset):
    return SimpleNamespace(data=dataset, renderer=PageRenderer(dataset, cite_block=lambda record: None, improve_links=lambda record: None))


@pytest.mark.parametrize("call, message", [
    (lambda site: practice_card(site, "", "no-such-practice"), "no practice has the id 'no-such-practice'"),
    (lambda site: practice_list(site, "", colour="blue"), "practice_list takes one or more of lens"),
    (lambda site: practice_list(site, ""), "practice_list takes one or more of lens"),
    (lambda site: practice_list(site, "", sector="<script>"), "'<script>' is not a sector of the data"),
    (lambda site: component_practices(site, "", "no-such-framework", "x"), "no framework has the id"),
    (lambda site: component_practices(site, "", "gcm", "objective-99"), "has no component 'objective-99'"),
])
def test_a_wrong_id_or_filter_says_what_exists(site_build, call, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("'", "'")):
        call(site_build)
