"""What the browser tests and `make screenshots` share: Debian's Chromium, its flags, a local server,
and pages that record console errors and requests to other hosts."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the name http.server gives it
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """The built site on http://127.0.0.1:<free port> for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def watched_page(context_or_browser, base_url: str, **options):
    """A new page whose console errors and requests to any other host are collected in
    `page.errors` and `page.foreign` (data: URLs are not requests to a host)."""
    page = context_or_browser.new_page(**options)
    page.errors, page.foreign = [], []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((base_url, "data:", "blob:")) else page.foreign.append(r.url))
    return page


def site_search(page, query: str):
    """Open the site's search from the header, type `query` and wait until its results are
    listed (docs/assets/search.js); returns the result items, best first."""
    page.locator("#atlas-search-open").click()
    page.locator("#atlas-search-q").fill(query)
    page.wait_for_function("q => document.getElementById('atlas-search').getAttribute('data-searched') === q",
                           arg=query.strip())
    return page.locator("#atlas-search-results li")
