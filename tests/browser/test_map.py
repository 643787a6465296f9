"""The world map on the countries index: its links, targets, shading and keyboard use, and what it says
when its drawing cannot load."""

from helpers.browser import watched_page


def _open_map(page, base_url: str, query: str = "") -> None:
    """The countries index, once map.js has put the map's drawing (its own file) in the page."""
    page.goto(base_url + "/countries/" + query)
    page.wait_for_selector("[data-map-ready]", state="attached")


def test_the_map_links_each_country_to_its_page(browser, base_url, dataset):
    page = watched_page(browser, base_url)
    _open_map(page, base_url)
    # Each country once: its outline, or the marker that stands for a small one.
    links = page.locator("figure.atlas-map a[aria-label]")
    labels = links.evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert sorted(label.split(":")[0] for label in labels) == sorted(c.name for c in dataset.countries.values())
    page.locator("figure.atlas-map a[aria-label^='Moldova:']").click()
    page.wait_for_url("**/countries/mda/")
    assert page.locator("article h1").inner_text().startswith("Moldova")
    assert page.errors == [] and page.foreign == []


def test_on_a_phone_every_country_with_practices_has_a_map_target_of_24_px(browser, base_url, dataset):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = watched_page(context, base_url)
    _open_map(page, base_url)
    targets = page.evaluate("""() => {
        const sizes = {};
        for (const a of document.querySelectorAll('figure.atlas-map a')) {
            if (a.getAttribute('aria-hidden') === 'true') continue;  // a marker stands for it
            const href = a.getAttribute('href') || a.getAttribute('xlink:href');
            const box = a.getBoundingClientRect();
            sizes[href.split('/').filter(Boolean).pop()] = [box.width, box.height];
        }
        return sizes;
    }""")
    with_practices = [code for code in dataset.countries if dataset.practices_by_country.get(code)]
    for code in with_practices:
        width, height = targets[code]
        assert width >= 24 and height >= 24, (code, width, height)
    # The marker's centre falls on the map, and its circle is what a tap there reaches.
    moldova = page.locator('a.atlas-map__marker[href$="/countries/mda/"]')
    box = moldova.bounding_box()
    hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a').getAttribute('href')",
                        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert hit.endswith("/countries/mda/")
    context.close()


def test_the_map_switches_its_shading_to_a_lens_and_keeps_it_in_the_address(browser, base_url, dataset):
    page = watched_page(browser, base_url)
    _open_map(page, base_url)
    moldova = page.locator('a.atlas-map__marker[href$="/countries/mda/"]')
    practices = dataset.practices_by_country["mda"]
    assert moldova.text_content() == str(len(practices))
    page.locator('input[name="atlas-map-lens"][value="engagement"]').check()
    engaged = sum(1 for p in practices if "engagement" in dataset.lenses_of(p))
    assert moldova.text_content() == str(engaged)
    assert moldova.get_attribute("aria-label") == f"Moldova: {engaged} practices with the lens Engagement"
    assert "lens=engagement" in page.url
    shade = [c for c in moldova.get_attribute("class").split() if c.startswith("atlas-map__shade-")]
    page.reload()
    page.wait_for_selector("[data-map-ready]", state="attached")
    assert page.locator('input[name="atlas-map-lens"][value="engagement"]').is_checked()
    assert [c for c in moldova.get_attribute("class").split() if c.startswith("atlas-map__shade-")] == shade
    assert page.errors == [] and page.foreign == []
    page.close()


def test_the_map_countries_are_reached_with_the_keyboard_and_named_on_focus(browser, base_url):
    page = watched_page(browser, base_url)
    _open_map(page, base_url)
    named = None
    for _ in range(80):
        page.keyboard.press("Tab")
        named = page.evaluate("document.activeElement.closest('svg') && document.activeElement.getAttribute('aria-label')")
        if named:
            break
    assert named and "practice" in named
    page.keyboard.press("Enter")
    page.wait_for_url("**/countries/*/")


def test_a_map_whose_drawing_cannot_load_says_so_and_the_lists_remain(browser, base_url):
    page = watched_page(browser, base_url)
    page.route("**/countries/world-map.json", lambda route: route.abort())
    page.goto(base_url + "/countries/")
    status = page.locator("[data-map-status]")
    status.wait_for(state="visible")
    assert "could not be loaded" in status.inner_text()
    assert page.locator(".atlas-map__switch").is_hidden()  # nothing to shade
    assert page.locator("article li a[href$='/countries/mda/']").count() == 1
    page.close()
