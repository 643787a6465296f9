"""Desktop and phone screenshots of each page type of a built site, for a person to look at.

    make screenshots            # builds the site, then writes screenshots/<page>-<desktop|phone>.png
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from helpers.browser import CHROMIUM, DESKTOP, FLAGS, PHONE, serve, site_search, watched_page  # noqa: E402

# One page of each type (name, path); the explorer also filtered, and a search with results.
PAGES = (
    ("home", "/"),
    ("lens", "/lenses/engagement/"),
    ("practice", "/practices/moldova-hometown-associations/"),
    ("country", "/countries/mda/"),
    ("framework", "/frameworks/pcmd/"),
    ("organization", "/organizations/undp/"),
    ("source", "/sources/002/"),
    ("practices-index", "/practices/"),
    ("countries-map", "/countries/"),
    ("explorer", "/explore/"),
    ("explorer-filtered", "/explore/?lens=vertical&level=local&sector=health"),
    ("compare", "/explore/compare/"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    problems = []
    with serve(args.site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            context = browser.new_context(viewport=viewport, color_scheme="light",
                                          is_mobile=device == "phone", has_touch=device == "phone")
            for name, path in PAGES:
                page = watched_page(context, base_url)
                page.goto(base_url + path)
                if name.startswith("explorer"):
                    page.wait_for_selector("#explorer[data-ready]")
                if name == "countries-map":  # map.js fetches the drawing into the page
                    page.wait_for_selector("[data-map-ready]", state="attached")
                page.screenshot(path=args.out / f"{name}-{device}.png", full_page=True)
                problems += [f"{path} ({device}): {e}" for e in page.errors + page.foreign]
                page.close()
            page = watched_page(context, base_url)
            page.goto(base_url + "/")
            site_search(page, "padron")
            page.screenshot(path=args.out / f"search-{device}.png")
            page.close()
            context.close()
        browser.close()
    print(f"{len(list(args.out.glob('*.png')))} screenshots in {args.out}")
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
