"""Redirect pages for renamed or removed records: `/practices/<old id>/` leads to the new page.

The redirects come from `data/published.yaml` (read and checked by the loader), never from
mkdocs.yml, so there is one place to declare a rename. Each redirect is a small static HTML page
generated into the build, which works on any static host (GitHub Pages has no server redirects).
"""

from __future__ import annotations

import jinja2
from mkdocs.structure.files import File, InclusionLevel

from atlas.site.templating import TEMPLATES

def redirect_files(config, redirects: dict[str, dict[str, str]]) -> list[File]:
    """One `<folder>/<old id>/index.html` per redirect (ids are validated kebab-case)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)
    template = environment.get_template("redirect.html.j2")
    site_url = (config.site_url or "").rstrip("/")
    files = []
    for folder, moves in redirects.items():
        for old, new in sorted(moves.items()):
            target = f"../{new}/"
            canonical = f"{site_url}/{folder}/{new}/" if site_url else target
            content = template.render(target=target, canonical=canonical, new=new)
            files.append(File.generated(config, f"{folder}/{old}/index.html", content=content,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
    return files
