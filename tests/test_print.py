"""A record page printed from headless Chromium: no navigation, external link targets written out,
the citation kept, A4 pages."""

import pytest

# The browser and base_url fixtures come from conftest.py.

PRACTICE = "/practices/moldova-hometown-associations/"


@pytest.fixture
def printed(browser, base_url, dataset):  # noqa: F811
    """A practice page with external links, as printed."""
    practice = next(p for p in dataset.practices.values() if p.links)
    page = browser.new_page()
    page.goto(f"{base_url}/practices/{practice.id}/")
    page.emulate_media(media="print")
    yield page
    page.close()


def test_printing_hides_the_navigation_search_and_footer(printed):
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                     ".md-search", ".atlas-breadcrumbs", ".md-content__button"):
        element = printed.locator(selector).first
        assert element.count() == 1, selector
        assert not element.is_visible(), selector


def test_the_screen_shows_the_navigation_the_print_hides(browser, base_url):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + PRACTICE)
    assert page.locator(".md-sidebar--primary").first.is_visible()
    assert page.locator(".md-header").first.is_visible()
    page.close()


def test_printing_keeps_the_citation_and_only_its_formatted_reference(printed):
    assert printed.locator("h2#cite").is_visible()
    assert printed.locator("a.atlas-permalink").is_visible()
    blocks = printed.locator("h2#cite ~ .tabbed-set .tabbed-block")
    assert blocks.count() == 4
    assert blocks.nth(0).is_visible()
    assert "Migration Policy Integration Atlas contributors" in blocks.nth(0).inner_text()
    assert not any(blocks.nth(i).is_visible() for i in (1, 2, 3))


def test_printing_writes_out_the_target_of_external_links(printed):
    after = printed.evaluate(
        """() => [...document.querySelectorAll("article a[href^='http']")]
              .filter(a => !a.classList.contains('atlas-permalink'))
              .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
    )
    assert after, "the practice page has external links"
    for href, content in after:
        assert href in content, (href, content)


def test_a_printed_record_page_is_a_pdf_on_a4(printed):
    pdf = printed.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    # A4 is 595 x 842 points.
    assert b"/MediaBox [0 0 594.95996 841.91998]" in pdf or b"/MediaBox [0 0 595" in pdf
