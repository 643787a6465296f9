"""A reader's path through the site, and every page type without console errors, foreign requests
or serious accessibility violations, light and dark, on a desktop and a phone (axe-core)."""

import pytest

from conftest import ROOT
from helpers.browser import PHONE, watched_page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
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
