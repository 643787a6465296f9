"""Raw HTML blocks that a page embeds whole: the explorer's list and controls, the world map.

Python-Markdown passes a raw HTML block through untouched, so these templates are rendered by a
Jinja environment of their own that escapes every value for HTML (the record-page environment
escapes for Markdown, whose backslashes would show here). The block is returned without blank
lines, so Markdown sees one HTML block and never reads record text as Markdown.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from atlas.site.templating import badge

TEMPLATES = Path(__file__).parent / "templates" / "html"


def make_html_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["badge"] = badge
    return environment


def render_block(environment: jinja2.Environment, template_name: str, **context) -> Markup:
    html = environment.get_template(template_name).render(**context)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
