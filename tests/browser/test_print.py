"""A record page printed from headless Chromium: no navigation, external link targets written out,
the citation kept, A4 pages."""

import subprocess

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
                     "#atlas-search-open", ".atlas-breadcrumbs", ".md-content__button"):
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
    blocks = printed.locator("h2#cite ~ .atlas-cite-formats details")
    assert blocks.count() == 4
    assert blocks.nth(0).locator("pre").is_visible() and not blocks.nth(0).locator("summary").is_visible()
    assert "Migration Policy Integration Atlas contributors" in blocks.nth(0).inner_text()
    assert not any(blocks.nth(i).is_visible() for i in (1, 2, 3))


def test_printing_writes_out_the_target_of_external_links_and_of_no_other(printed):
    printed.wait_for_function("document.querySelector('article a.atlas-external') !== null")
    links = printed.evaluate(
        """() => [...document.querySelectorAll("article a[href]")]
              .filter(a => !a.classList.contains('atlas-permalink') && !a.classList.contains('headerlink'))
              .map(a => [a.href, a.host === location.host, getComputedStyle(a, '::after').content])"""
    )
    external = [(href, content) for href, own, content in links if not own]
    internal = [(href, content) for href, own, content in links if own]
    assert external and internal, "the practice page links to other sites and within the site"
    for href, content in external:
        assert href.rstrip("/") in content, (href, content)
    # Links within the site (tag chips, record links) print as their text alone.
    assert [(href, content) for href, content in internal if content not in ("none", "normal")] == []


def test_tag_chips_print_as_plain_words(printed):
    chip = printed.locator(".atlas-tag").first
    assert chip.evaluate("e => getComputedStyle(e).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")


def test_a_printed_record_page_is_a_pdf_on_a4(printed):
    pdf = printed.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    # A4 is 595 x 842 points.
    assert b"/MediaBox [0 0 594.95996 841.91998]" in pdf or b"/MediaBox [0 0 595" in pdf


def test_the_printed_pdf_reads_as_a_reader_expects(printed, tmp_path):
    # The text a reader of the paper copy gets, as pdftotext (poppler, installed by `make browser`)
    # extracts it: the external address once, no internal address, the tags as words.
    practice_links = printed.evaluate(
        "() => [...document.querySelectorAll('article a.atlas-external')].map(a => a.href)")
    own_host = printed.evaluate("() => location.host")
    chips = printed.locator(".atlas-tag").all_inner_texts()
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(printed.pdf(prefer_css_page_size=True))
    text_file = tmp_path / "page.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(text_file)], check=True)
    text = " ".join(text_file.read_text(encoding="utf-8").split())
    unbroken = text.replace(" ", "")  # a long address may wrap across lines
    assert practice_links and all(link.rstrip("/").split("://", 1)[1] in unbroken for link in practice_links)
    assert own_host not in unbroken, "an address within the site was printed"
    assert chips and all(chip.strip() in text for chip in chips)
    assert "Cite this page" in text and "Filters" not in text


def test_the_copied_citation_carries_the_readers_date_of_access(browser, base_url):  # noqa: F811
    page = browser.new_page()
    # The reader's clock says 2031-02-14, years after the build: each format says so.
    page.clock.set_fixed_time("2031-02-14T10:00:00")
    page.goto(base_url + PRACTICE)
    blocks = page.locator(".atlas-cite-formats details pre code")
    texts = [blocks.nth(i).text_content() for i in range(blocks.count())]
    assert texts[0].rstrip().endswith("(accessed 2031-02-14)")
    assert "urldate = {2031-02-14}" in texts[1]
    assert "Y2  - 2031/02/14" in texts[2]
    assert '"date-parts": [\n        [\n          2031,\n          2,\n          14' in texts[3]
    page.close()
