"""Shared fixtures: the real data set, the real site built once per run, and throwaway data folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from atlas.loader import load

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
MKDOCS = Path(sys.executable).parent / "mkdocs"
# MkDocs' maintained continuation, a drop-in for it: the site must build the same with both.
PROPERDOCS = Path(sys.executable).parent / "properdocs"


def build_site(out: Path, data_dir: Path | None = None, builder: Path = MKDOCS) -> subprocess.CompletedProcess:
    """Build the site with the real configuration (optionally from another data folder)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if data_dir is not None:
        env["ATLAS_DATA"] = str(data_dir)
    return subprocess.run(
        [str(builder), "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def dataset():
    result = load(ROOT / "data")
    assert not result.problems, "\n".join(p.format() for p in result.problems)
    return result.dataset


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out


class ParsedSite:
    """The built site's pages, each parsed once for the whole run (with lxml, the fastest parser
    BeautifulSoup has): tests read the same pages again and again. Nothing may change a page."""

    def __init__(self, root: Path):
        self.root = root
        self._soups: dict[str, BeautifulSoup] = {}

    def __call__(self, relative: str) -> BeautifulSoup:
        """The page at `relative` (e.g. "practices/x/index.html")."""
        if relative not in self._soups:
            path = self.root / relative
            assert path.is_file(), f"no page {relative}"
            self._soups[relative] = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        return self._soups[relative]

    def every_page(self) -> list[tuple[str, BeautifulSoup]]:
        return [(relative, self(relative)) for relative in
                sorted(path.relative_to(self.root).as_posix() for path in self.root.rglob("index.html"))]


@pytest.fixture(scope="session")
def parsed(site) -> ParsedSite:
    return ParsedSite(site)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A data folder with the real vocabularies and sources and the records of fixtures/valid,
    to break at will (the fixture records keep their line numbers whatever the real data does)."""
    target = tmp_path / "data"
    for folder in ("vocabularies", "sources"):
        shutil.copytree(ROOT / "data" / folder, target / folder)
    shutil.copytree(Path(__file__).parent / "fixtures" / "valid", target, dirs_exist_ok=True)
    return target


# Module-scoped: a module that starts Playwright itself (test_hostile.py) must not run while
# another Playwright instance is open.
@pytest.fixture(scope="module")
def base_url(site):
    """The built site served on localhost for the browser tests."""
    from helpers.browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless (never a browser downloaded by Playwright)."""
    from helpers.browser import CHROMIUM, FLAGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()
