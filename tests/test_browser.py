"""A reader's path through the site in headless Chromium (Debian's package, never a downloaded one)."""

import functools
import http.server
import shutil
import threading

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def base_url(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


def test_a_reader_goes_from_home_to_a_lens_a_practice_a_country_and_another_practice(browser, base_url):
    page = browser.new_page()
    foreign, errors = [], []
    page.on("request", lambda r: None if r.url.startswith((base_url, "data:")) else foreign.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url + "/")
    page.locator("article a", has_text="Engagement").first.click()
    assert page.url.endswith("/lenses/engagement/")
    page.locator("article a[href*='moldova-hometown-associations']").first.click()
    assert page.url.endswith("/practices/moldova-hometown-associations/")
    assert page.locator("article h1").inner_text().startswith("Hometown associations")
    page.locator("article a", has_text="Moldova").first.click()
    assert page.url.endswith("/countries/mda/")
    page.locator("article a[href*='moldova-migration-and-local-development']").first.click()
    assert page.url.endswith("/practices/moldova-migration-and-local-development/")
    assert foreign == [] and errors == []
