"""The hostile corpus, part 2: hostile text the loader accepts comes out of the build as inert text.

tests/fixtures/hostile/ holds one record of every kind with a hostile value in every text field:
`F..` single-line fields (HTML, event handlers, Jinja expressions including one that would run a
command, Markdown, attribute lists, emoji codes, table pipes) and `P..` Markdown prose (script and
iframe tags, javascript:/data:/vbscript: links and images, reference links, raw HTML links). Every
vocabulary gets the term in fixtures/hostile-vocabulary-term.yaml, used by those records. The data
is built into ONE site, and the whole site (every page, the search index, every JSON file) is
scanned. Refused input is part 1: tests/unit/test_hostile_rejected.py.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers.browser import site_search
from conftest import FIXTURES, ROOT, build_site

HOSTILE = FIXTURES / "hostile"
# The command the template payload would run, and what a Jinja expression would evaluate to.
SIDE_EFFECT = Path("/tmp/atlas-hostile-rce")
EVALUATED = "54439"  # {{ 7*7777 }}
# Markers every payload carries: if one reaches a script, it came from a record.
PAYLOAD_MARKERS = ("alert(", "msgbox(", "cycler", "atlas-hostile")
DANGEROUS_SCHEMES = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster", "background")
SITE_PATH = urlsplit(re.search(r"^site_url: *(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)[1]).path
NEVER_ALLOWED = ("iframe", "object", "embed", "frame", "frameset", "base", "applet")


def _hostile_data(target: Path) -> Path:
    for folder in ("vocabularies", "sources"):
        shutil.copytree(ROOT / "data" / folder, target / folder)
    shutil.copytree(FIXTURES / "valid", target, dirs_exist_ok=True)
    shutil.copytree(HOSTILE, target, dirs_exist_ok=True)
    term = yaml.safe_load((FIXTURES / "hostile-vocabulary-term.yaml").read_text())
    for path in (target / "vocabularies").glob("*.yaml"):
        vocabulary = yaml.safe_load(path.read_text())
        vocabulary["terms"].append(term)
        path.write_text(yaml.safe_dump(vocabulary, sort_keys=False, allow_unicode=True, width=1000))
    return target


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    data = _hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    SIDE_EFFECT.unlink(missing_ok=True)
    out = tmp_path_factory.mktemp("hostile-site")
    result = build_site(out, data)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def pages(hostile_site) -> dict[str, BeautifulSoup]:
    """Every page, and the world map's drawing that map.js puts in the countries index."""
    drawing = json.loads((hostile_site / "countries" / "world-map.json").read_text(encoding="utf-8"))["drawing"]
    return {
        **{path.relative_to(hostile_site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
           for path in sorted(hostile_site.rglob("*.html"))},
        "countries/world-map.json": BeautifulSoup(drawing, "html.parser"),
    }


def _single_line_payloads() -> list[str]:
    """Every `F..` value in the hostile records and the vocabulary term."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and re.match(r"^F\d\d ", value):
            found.append(value)

    for path in [*HOSTILE.rglob("*.yaml"), FIXTURES / "hostile-vocabulary-term.yaml"]:
        walk(yaml.safe_load(path.read_text()))
    return found


def _text(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def test_the_corpus_covers_every_record_kind_and_many_fields():
    kinds = {path.parent.name for path in HOSTILE.rglob("*.yaml")}
    assert kinds == {"practices", "countries", "frameworks", "organizations", "sources"}
    assert len(_single_line_payloads()) >= 40


def test_every_single_line_field_appears_on_the_site_as_literal_text(pages):
    """No Markdown, HTML or template syntax in a title, name, note, unit, locator... is interpreted:
    the value reads on the page exactly as written in the YAML file."""
    text = "\n".join(_text(soup) for soup in pages.values())
    missing = [value[:3] for value in _single_line_payloads() if " ".join(value.split()) not in text]
    # F51 is a source's `file`, the name of its text extraction: for maintainers, not readers
    # (it is in the record's JSON export, not on its page).
    assert missing == ["F51"]


def test_no_template_was_evaluated_and_no_command_ran(hostile_site):
    assert not SIDE_EFFECT.exists()
    for path in hostile_site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml"):
            assert EVALUATED not in path.read_text(encoding="utf-8"), path


def test_prose_keeps_template_syntax_as_text_and_safe_links_live(pages):
    soup = pages["practices/hostile-practice/index.html"]
    prose = soup.select_one(".atlas-prose")
    assert "{{ 7*7777 }}" in prose.get_text() and "{% raw %}" in prose.get_text()
    assert [a.get("href") for a in prose.find_all("a") if a.get("href")] == [
        "https://ok.example/", "https://ok.example/auto", "https://ok.example/md"
    ]
    assert all("nofollow" in a["rel"] for a in prose.find_all("a"))
    # Images are not in the allow-list (no tracking pixels), nor are forms, styles or SVG.
    assert prose.find(["img", "form", "button", "input", "style", "svg", "div"]) is None


def _assert_inert(soup: BeautifulSoup, where: str) -> None:
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert handlers == [], (where, str(element)[:200])
        assert element.name not in NEVER_ALLOWED, (where, str(element)[:200])
        for attribute in URL_ATTRIBUTES:
            value = "".join(str(element.get(attribute, "")).split())
            assert not DANGEROUS_SCHEMES.match(value), (where, str(element)[:200])
        # Nothing loads from elsewhere (an emoji code once became an image from a CDN).
        fetched_link = element.name == "link" and not {"canonical", "alternate"} & set(element.get("rel", []))
        loaded = element.get("src") or (element.get("href") if fetched_link else None)
        if loaded:
            assert not str(loaded).startswith(("//", "http:", "https:")), (where, str(element)[:200])
        if element.name == "script":
            assert not any(marker in element.get_text() for marker in PAYLOAD_MARKERS), where
        if element.name == "style":
            assert not any(marker in element.get_text() for marker in PAYLOAD_MARKERS), where


def test_no_page_has_a_record_script_an_event_handler_or_a_script_link(pages, hostile_site):
    for where, soup in pages.items():
        _assert_inert(soup, where)
        for script in soup.find_all("script", src=True):
            source = script["src"].split("?")[0]
            if source.startswith("/"):  # 404.html links from the site's root path
                local = hostile_site / source.removeprefix(SITE_PATH)
            else:
                local = (hostile_site / where).parent / source
            assert local.resolve().is_file(), (where, script["src"])


def test_hostile_pages_exist_and_contain_the_payload(pages):
    """The scan above would pass on empty pages: make sure the hostile records were rendered."""
    for page in ("practices/hostile-practice", "countries/nzl", "frameworks/hostile-framework",
                 "organizations/hostile-organization", "sources/hostile-source", "lenses/hostile-term"):
        assert "<script>alert(1)</script>" in _text(pages[f"{page}/index.html"]), page
    # The world map's drawing names every country: the hostile one's name as text.
    assert "<script>alert(1)</script>" in _text(pages["countries/world-map.json"])


def test_a_hostile_title_is_the_one_title_of_its_page(pages):
    soup = pages["practices/hostile-practice/index.html"]
    assert soup.title.get_text().startswith("F01 <script>alert(1)</script>")
    assert len(soup.find_all("title")) == 1


def test_the_search_index_holds_record_text_as_text(hostile_site):
    """Pagefind keeps each page's text and title as the reader reads them: a hostile title's
    `<script>` is there as characters, as on the page. Its texts are therefore never HTML to the
    results, which set titles as text and rebuild excerpts from text and marks only
    (docs/assets/search.js; test_search_results_show_hostile_text_as_text)."""
    # A fragment is gzip, a short marker of Pagefind's, then JSON.
    texts = [gzip.decompress(path.read_bytes()) for path in (hostile_site / "pagefind" / "fragment").glob("*.pf_fragment")]
    fragments = [json.loads(text[text.index(b"{"):]) for text in texts]
    hostile = [f for f in fragments if "hostile" in f["url"]]
    assert {"/practices/hostile-practice/", "/organizations/hostile-organization/",
            "/frameworks/hostile-framework/", "/sources/hostile-source/"} <= {f["url"] for f in hostile}
    assert any("<script>alert(1)</script>" in f["meta"]["title"] for f in hostile)
    assert any("<script>alert(1)</script>" in f["content"] for f in hostile)


# --- in a browser: nothing runs, nothing loads from elsewhere, search results stay text ----------


@pytest.fixture(scope="module")
def hostile_browser_page(hostile_site):
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright
    from helpers.browser import CHROMIUM, FLAGS

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        events = {"dialogs": [], "foreign": []}
        page.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:"))
                else events["foreign"].append(r.url))
        yield base, page, events
        browser.close()
    server.shutdown()


def test_hostile_pages_run_no_record_script_in_a_browser(hostile_browser_page, hostile_site):
    base, page, events = hostile_browser_page
    paths = ["", "practices/", "organizations/", "countries/", "frameworks/", "sources/",
             "practices/hostile-practice/", "countries/nzl/", "frameworks/hostile-framework/",
             "organizations/hostile-organization/", "sources/hostile-source/", "lenses/hostile-term/"]
    if (hostile_site / "explore" / "index.html").exists():  # the explorer renders record text itself
        paths.append("explore/?q=alert")
    for path in paths:
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("load")
        if path == "countries/":  # the map's drawing, fetched and put in the page by map.js
            page.wait_for_selector("[data-map-ready]", state="attached")
            names = page.eval_on_selector_all("[data-map-ready] a[data-name]", "links => links.map(a => a.dataset.name)")
            assert any("<script>" in name for name in names)
        assert page.evaluate("document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length") == 0
    assert events["dialogs"] == [] and events["foreign"] == []


def test_the_propose_form_offers_hostile_names_as_text(hostile_browser_page):
    """The form's pickers list every record by its name: a hostile name is a choice's label, inert."""
    base, page, events = hostile_browser_page
    page.goto(f"{base}/contribute/propose/")
    page.wait_for_selector("#practice-form[data-ready]")
    labels = page.eval_on_selector_all("#pf-picks-organization option", "options => options.map(o => o.label)")
    assert any(label.startswith("F") and "<script>" in label for label in labels)
    assert page.evaluate("document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length") == 0
    assert events["dialogs"] == [] and events["foreign"] == []


def test_search_results_show_hostile_text_as_text(hostile_browser_page):
    base, page, events = hostile_browser_page
    page.goto(f"{base}/")
    for query in ("onerror", "script alert"):
        items = site_search(page, query)
        assert items.count() > 0, query
        text = page.locator("#atlas-search-results").inner_text()
        assert "<img src=x onerror=alert(1)>" in text or "<script>" in text, query
        assert page.evaluate("document.querySelectorAll('#atlas-search-results img, #atlas-search-results script, "
                             "#atlas-search-results svg, #atlas-search-results iframe, "
                             "#atlas-search-results [onerror], #atlas-search-results [onload]').length") == 0
        # Only Pagefind's marks of the matched words are elements within an excerpt.
        assert set(page.eval_on_selector_all("#atlas-search-results .atlas-search__excerpt *",
                                             "nodes => nodes.map(n => n.tagName)")) <= {"MARK"}
        page.keyboard.press("Escape")
    assert events["dialogs"] == [] and events["foreign"] == []


def test_the_title_tag_cannot_be_closed_from_a_record(hostile_site):
    html = (hostile_site / "practices" / "hostile-practice" / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    assert "</script></title>" not in html
    assert "<script>alert(1)</script>" in soup.title.get_text()


def test_a_hostile_title_is_cited_and_exported_as_plain_text(hostile_site):
    import csv
    import json

    from atlas.publish.citation import bibtex_escape

    title = yaml.safe_load((HOSTILE / "practices" / "hostile-practice.yaml").read_text())["title"]
    soup = BeautifulSoup((hostile_site / "practices" / "hostile-practice" / "index.html").read_text(), "html.parser")
    reference, bibtex, ris, csl = (code.get_text() for code in soup.select("h2#cite ~ .atlas-cite-formats pre code"))
    assert title in reference and f"TI  - {title}" in ris and json.loads(csl)[0]["title"] == title
    assert f"title = {{{bibtex_escape(title)}}}" in bibtex
    exported = json.loads((hostile_site / "practices" / "hostile-practice.json").read_text())
    assert exported["record"]["title"] == title
    with (hostile_site / "data" / "practices.csv").open(newline="") as handle:
        assert title in [row["title"] for row in csv.DictReader(handle)]


def test_a_site_built_outside_git_has_no_dates_and_says_unversioned(hostile_site):
    soup = BeautifulSoup((hostile_site / "practices" / "hostile-practice" / "index.html").read_text(), "html.parser")
    assert soup.select_one("footer .atlas-version__label").get_text(strip=True) == "unversioned"
    labels = [th.get_text(strip=True) for th in soup.select("h2#cite + table th")]
    assert "Last changed" not in labels and "Data version" in labels
    feed = (hostile_site / "changelog" / "feed.xml").read_text()
    assert "<entry>" not in feed


# --- layout: the widest title the rules allow wraps; a title cannot take the theme's element ids ---

WIDE_TITLE_PAGES = ["practices/", "countries/", "countries/nzl/", "countries/mda/", "organizations/",
                    "sources/hostile-source/", "lenses/horizontal/", "practices/hostile-wide-title/",
                    "explore/", "changelog/"]


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_the_widest_allowed_title_wraps_instead_of_widening_a_page(hostile_browser_page, viewport):
    base, page, events = hostile_browser_page
    width, height = viewport
    page.set_viewport_size({"width": width, "height": height})
    try:
        for path in WIDE_TITLE_PAGES:
            page.goto(f"{base}/{path}")
            page.wait_for_load_state("load")
            if path == "explore/":
                page.wait_for_selector(".atlas-explorer a[href*='hostile-wide-title']")
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            # Nothing that shows the title sticks out of the screen either (a table would scroll).
            widest = page.evaluate("""() => Math.max(0, ...[...document.querySelectorAll(
                "a[href*='hostile-wide-title'], h1")].map(e => e.getBoundingClientRect().right))""")
            assert widest <= width, (path, widest)
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


def test_a_title_that_slugs_to_a_theme_id_leaves_the_theme_working(hostile_browser_page, pages):
    soup = pages["practices/hostile-config-title/index.html"]
    assert len(soup.select("#__config")) == 1 and soup.select_one("#__config").name == "script"
    base, page, events = hostile_browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/practices/hostile-config-title/")
    page.wait_for_load_state("load")
    # The search reads the site's root from #__config: "/" opens it, and its results link pages
    # that exist.
    page.keyboard.press("/")
    page.wait_for_function("document.getElementById('atlas-search').open")
    page.keyboard.press("Escape")
    items = site_search(page, "hostile")
    href = items.first.locator("a").get_attribute("href")
    assert page.request.get(href if href.startswith("http") else base + href).ok
    page.keyboard.press("Escape")
    assert errors == []


def test_no_hostile_page_repeats_an_element_id(pages):
    repeated = {}
    for where, soup in pages.items():
        ids = [element["id"] for element in soup.find_all(id=True)]
        if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
            repeated[where] = duplicates
    assert repeated == {}


# --- hand-written pages: record text from a macro stays inline and leaves their structure whole ---

# The pages whose Markdown is written by a macro (docs/**/*.md calling one).
MACRO_PAGES = ["index.html", "lenses/index.html", "practices/index.html", "countries/index.html",
               "frameworks/index.html", "organizations/index.html", "sources/index.html",
               "explore/compare/index.html", "changelog/index.html", "data/index.html",
               "contribute/data-reference/index.html", "contribute/writing-pages/index.html"]


@pytest.mark.parametrize("where", MACRO_PAGES)
def test_record_text_in_a_macro_page_opens_no_block_and_cuts_no_table(pages, where):
    # The hostile vocabulary term's description has blank lines and indented lines in it.
    article = pages[where].select_one("article")
    # The Writing pages page shows each macro call in a code block of its own; nothing else may.
    blocks = [pre for pre in article.select("pre") if not pre.get_text().startswith("{{ ")]
    assert blocks == [], "record text became a code block"
    for table in article.select("table"):
        header = len(table.select("thead th"))
        assert {len(row.find_all("td")) for row in table.select("tbody tr")} <= {header}, "a row lost or gained cells"


@pytest.mark.parametrize("where", ["index.html", "lenses/index.html"])
def test_every_lens_card_is_whole_on_the_hostile_home_and_lenses_pages(pages, where):
    lenses = yaml.safe_load((ROOT / "data" / "vocabularies" / "lenses.yaml").read_text())["terms"]
    cards = pages[where].select("article .grid.cards > ul > li")
    assert len(cards) == len(lenses) + 1  # and the hostile term
    for card in cards:
        links = card.select("a")
        assert len(links) == 2 and links[0]["href"] == links[1]["href"], card.get_text()[:80]
        assert re.fullmatch(r"\d+ in all, \d+ primary", links[1].get_text()), links[1].get_text()
        description = card.select("p")[1].get_text()
        assert "\n" not in description.strip() and description.strip()


# --- CSV: no piece of a text cell reaches a spreadsheet as a formula ---

# What a spreadsheet takes for the start of a formula, in ASCII; full-width forms fold to these.
FORMULA_STARTS = ("=", "+", "-", "@")


def test_no_piece_of_any_hostile_csv_cell_starts_a_formula(hostile_site):
    import csv
    import json
    import unicodedata

    package = json.loads((hostile_site / "data" / "datapackage.json").read_text())
    checked = set()
    for resource in package["resources"]:
        if not resource["path"].endswith(".csv"):
            continue
        text_columns = {f["name"] for f in resource["schema"]["fields"] if f["type"] in ("string", "list")}
        with (hostile_site / "data" / resource["path"]).open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for column in text_columns & row.keys():
                    # A spreadsheet in a semicolon locale splits a cell at each ';'.
                    for piece in row[column].split(";"):
                        start = unicodedata.normalize("NFKC", piece.lstrip()[:1])
                        assert not start.startswith(FORMULA_STARTS), (resource["path"], column, row[column])
                        checked.add(piece.strip())
    # The hostile practice's aliases put a formula at every place a piece can start.
    assert {"'=3+3", "'=HYPERLINK(\"https://evil.example/\")", "'＝1+1 full-width", "'=2+2", "'@SUM(1)",
            "'-2+3"} <= checked


def test_a_link_in_prose_is_followed_by_the_site_it_leads_to(pages):
    soup = pages["practices/hostile-practice/index.html"]
    links = [a for a in soup.select(".atlas-prose a[href^='https://ok.example']")]
    assert links
    beside = 0
    for link in links:
        if "ok.example" in link.get_text():  # an address as its own text says where it goes
            continue
        after = link.find_next_sibling()
        assert after is not None and "atlas-host" in after.get("class", []) and after.get_text() == "(ok.example)"
        beside += 1
    assert beside >= 2


def test_a_hostile_summary_is_a_plain_text_description_and_link_preview(pages):
    from atlas.site.previews import DESCRIPTION_CHARACTERS
    from atlas.site.text import plain_text

    summary = yaml.safe_load((HOSTILE / "practices" / "hostile-practice.yaml").read_text())["summary"]
    head = pages["practices/hostile-practice/index.html"].head
    expected = plain_text(summary, DESCRIPTION_CHARACTERS)
    for selector in ("meta[name=description]", "meta[property='og:description']", "meta[name='twitter:description']"):
        assert head.select_one(selector)["content"] == expected, selector
    assert len(head.select("meta[name=description]")) == 1
