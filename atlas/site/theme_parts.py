"""Parts of Material's page that are the same on every record page: rendered once per build.

Material renders its navigation sidebar for every page, which is about half of the time the theme
spends on a page. Record pages are not in the navigation, so no item of it is active on them, and
their URLs all have the same shape (`<folder>/<id>/`), so its relative links depend only on the
folder: the sidebar is the same HTML on every record page of one folder (`practices/`,
`countries/`...). It is rendered for the first page of each folder and reused for the others.
So are the theme's script settings (the `config` block), which read nothing of the page but its
place in the site.

Measured at 10,000 practices: every part rendered afresh, the build takes 246.1 s of CPU time
against 204.4 and 199.8 s for two builds with the parts reused (17 to 19 % of the build saved).

`overrides/partials/nav.html` wraps Material's own partial (reachable as `material/...`, see
`add_material_prefix`) in `{% call same_on_record_pages("nav") %}`. Any other page renders it
as usual. `ATLAS_THEME_PARTS=fresh` renders every part afresh: the tests build the site both ways
and compare the pages.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import material

from atlas.site.record_page import RecordPage

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


class SameOnRecordPages:
    """Jinja global: `{% call same_on_record_pages(name) %}...{% endcall %}` renders the body once
    for all record pages of one folder, and every time for any other page."""

    def __init__(self, fresh: bool = False):
        self.fresh = fresh
        self.rendered: dict[tuple[str, str], str] = {}
        self._nav = None
        self._nav_pages: set[str] = set()

    def _in_nav(self, page, nav) -> bool:
        # mkdocs.yml may still list a record page in the navigation: its sidebar is its own.
        if nav is not self._nav:
            self._nav, self._nav_pages = nav, {item.file.src_uri for item in nav.pages}
        return page.file.src_uri in self._nav_pages

    @jinja2.pass_context
    def __call__(self, context, name: str, caller):
        page = context.get("page")
        if self.fresh or not isinstance(page, RecordPage) or self._in_nav(page, context["nav"]):
            return caller()
        # Material's links are relative to the page (`../../countries/`, or `../` within the
        # page's own folder): the same for every page of one folder.
        key = (name, page.url.rstrip("/").rpartition("/")[0])
        if key not in self.rendered:
            self.rendered[key] = caller()
        return self.rendered[key]


def add_material_prefix(env: jinja2.Environment) -> None:
    """Lets an override include the template it overrides, as `material/<path>`."""
    env.loader = jinja2.ChoiceLoader([
        env.loader,
        jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(str(MATERIAL_TEMPLATES))}),
    ])


def install(env: jinja2.Environment) -> jinja2.Environment:
    add_material_prefix(env)
    env.globals["same_on_record_pages"] = SameOnRecordPages(fresh=os.environ.get("ATLAS_THEME_PARTS") == "fresh")
    return env
