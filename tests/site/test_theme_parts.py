"""Parts of the theme rendered once for all record pages (atlas/site/theme_parts.py) are exactly
what Material renders for each page: the site built with every part rendered afresh
(`ATLAS_THEME_PARTS=fresh`) has the same pages, byte for byte."""

from __future__ import annotations

import os

from conftest import build_site


def test_record_pages_are_the_same_with_parts_rendered_afresh(site, tmp_path, monkeypatch):
    monkeypatch.setitem(os.environ, "ATLAS_THEME_PARTS", "fresh")
    fresh = tmp_path / "fresh"
    result = build_site(fresh)
    assert result.returncode == 0, result.stderr
    pages = sorted(path.relative_to(site) for path in site.rglob("*.html"))
    assert pages == sorted(path.relative_to(fresh) for path in fresh.rglob("*.html"))
    differing = [str(page) for page in pages if (site / page).read_bytes() != (fresh / page).read_bytes()]
    assert not differing, f"{len(differing)} pages differ, e.g. {differing[:5]}"
    assert any(page.parts[0] == "practices" for page in pages)
