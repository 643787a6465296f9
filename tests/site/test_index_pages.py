"""Past `index_page_size` records, an index page (countries, frameworks, organizations, sources)
goes on on further pages: every record is listed exactly once, the first page says where each
group begins, and every page links the others (issue 20: a page stays small at any size)."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import urljoin, urlsplit

import pytest

from atlas.site.index_pages import split, starts
from atlas.site.pages import PAGE_KINDS
from conftest import ROOT, ParsedSite

PAGE_SIZE = 200  # mkdocs.yml's index_page_size (the plugin's default)
SMALL_PAGE = 40  # for a build in which the real indexes are split
FOLDERS = {"country": "countries", "framework": "frameworks", "organization": "organizations", "source": "sources"}


# --- the rule --------------------------------------------------------------------------------


def _groups(*sizes):
    return [(f"Group {n}", f"group-{n}", [f"{n}.{i}" for i in range(size)]) for n, size in enumerate(sizes)]


@pytest.mark.parametrize("sizes", [[200], [100, 100], [199, 1], [1] * 200])
def test_up_to_the_page_size_an_index_is_one_page(sizes):
    [page] = split(_groups(*sizes), PAGE_SIZE)
    assert [len(group.entries) for group in page] == sizes
    assert not any(group.continued or group.continues for group in page)


@pytest.mark.parametrize("sizes", [[201], [100, 101], [200, 1], [1] * 201, [650, 7, 200]])
def test_past_it_each_record_is_on_one_page_in_order(sizes):
    groups = _groups(*sizes)
    pages = split(groups, PAGE_SIZE)
    assert len(pages) == -(-sum(sizes) // PAGE_SIZE)
    assert all(sum(len(group.entries) for group in page) == PAGE_SIZE for page in pages[:-1])
    listed = [entry for page in pages for group in page for entry in group.entries]
    assert listed == [entry for *_, entries in groups for entry in entries]
    for page, following in zip(pages, pages[1:]):
        # A group cut between two pages says so on both.
        assert page[-1].continues == following[0].continued
        if page[-1].continues:
            assert page[-1].anchor == following[0].anchor
    assert [(start.anchor, start.total) for start in starts(pages)] == [(anchor, len(e)) for _, anchor, e in groups]
    assert all(start.anchor in {g.anchor for g in pages[start.page - 1] if not g.continued} for start in starts(pages))


# --- on the built site -----------------------------------------------------------------------


def _linked_records(soup, relative: str, folder: str) -> list[str]:
    """The records of `folder` the lists of the page at `relative` link, by id (not the world map)."""
    paths = (urlsplit(urljoin("/" + relative, a["href"])).path for a in soup.select("article li > a[href]"))
    return [path.split("/")[2] for path in paths if path.startswith(f"/{folder}/") and path.count("/") == 3]


def _index_pages(root, folder: str) -> list[str]:
    further = sorted((root / folder / "index").glob("*/index.html"), key=lambda p: int(p.parent.name))
    return [f"{folder}/index.html", *(p.relative_to(root).as_posix() for p in further)]


def test_at_todays_size_every_index_is_one_page(parsed, dataset):
    for kind, folder in FOLDERS.items():
        assert _index_pages(parsed.root, folder) == [f"{folder}/index.html"]
        records = PAGE_KINDS[kind].records(dataset)
        assert sorted(_linked_records(parsed(f"{folder}/index.html"), f"{folder}/index.html", folder)) == sorted(records)
        assert parsed(f"{folder}/index.html").select_one("nav.atlas-pager") is None


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> ParsedSite:
    """The real site built with index pages of `SMALL_PAGE` records."""
    out = tmp_path_factory.mktemp("split-site")
    script = (
        "import sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        "config = load_config('mkdocs.yml', site_dir=sys.argv[1], strict=True)\n"
        "config.plugins['atlas'].config.index_page_size = int(sys.argv[2])\n"
        "build(config)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(out), str(SMALL_PAGE)], cwd=ROOT,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return ParsedSite(out)


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_a_split_index_lists_every_record_once_and_links_its_pages(split_site, dataset, kind):
    folder = FOLDERS[kind]
    records = PAGE_KINDS[kind].records(dataset)
    pages = _index_pages(split_site.root, folder)
    assert len(pages) == -(-len(records) // SMALL_PAGE)
    listed = [record for relative in pages
              for record in _linked_records(split_site(relative), relative, folder)]
    assert sorted(listed) == sorted(records), "every record exactly once"
    for number, relative in enumerate(pages, start=1):
        soup = split_site(relative)
        if len(pages) == 1:
            assert soup.select_one("nav.atlas-pager") is None
            continue
        pager = soup.select("nav.atlas-pager")
        assert len(pager) == 2, "a pager above the list and one below"
        targets = {urlsplit(urljoin("/" + relative, a["href"])).path for a in pager[0].select("a[href]")}
        others = {"/" + p.removesuffix("index.html") for p in pages if p != relative}
        assert targets == others
        assert pager[0].strong.get_text() == str(number)
        if number > 1:
            assert soup.h1.get_text(strip=True).rstrip("¶").endswith(f"page {number} of {len(pages)}")


@pytest.mark.parametrize("kind", ["organization", "framework", "country"])
def test_the_first_page_says_where_each_group_begins(split_site, kind):
    folder = FOLDERS[kind]
    first = split_site(f"{folder}/index.html")
    summary = first.select_one("article ul")
    links = summary.select("a[href]")
    assert links
    for link in links:
        target = urlsplit(urljoin(f"/{folder}/", link["href"]))
        page = target.path.lstrip("/") + "index.html"
        heading = split_site(page).find(id=target.fragment)
        assert heading is not None and heading.name == "h2", link["href"]
        assert link.get_text() in heading.get_text() and "continued" not in heading.get_text()
