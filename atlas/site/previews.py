"""What a link to a page shows when it is pasted into an e-mail, a chat or a reference manager:
the page's own title and description, as `<meta name="description">`, Open Graph and Twitter
card tags (overrides/main.html). A record page describes itself with the start of its summary."""

from __future__ import annotations

import html
from dataclasses import dataclass

from atlas.site.text import plain_text

# What search engines and link previews show of a description.
DESCRIPTION_CHARACTERS = 160


def attribute(text: str) -> str:
    """Text for an HTML attribute the theme prints as it is: escaped, braces too (mkdocs-macros
    would read "{{" in a page's metadata as a template)."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def record_description(record) -> str:
    """The start of a record's summary (a lens's description), as plain text, escaped."""
    prose = getattr(record, "summary", None) or getattr(record, "description", None) or record.label
    return attribute(plain_text(prose, DESCRIPTION_CHARACTERS))


@dataclass(frozen=True)
class Preview:
    """A page's preview; every value is escaped for an attribute."""

    kind: str  # Open Graph type: "article" for a record, "website" for the others
    title: str
    description: str
    url: str | None


def preview_of(page, config) -> Preview:
    """`page` is None on a page the theme renders without one (the 404 page)."""
    if page is None:
        return Preview("website", attribute(config.site_name), attribute(" ".join((config.site_description or "").split())), None)
    record = getattr(page, "record", None)
    if record is not None:
        # RecordPage.render has put the description in the page's metadata.
        return Preview("article", attribute(record.label), page.meta["description"], page.canonical_url)
    description = page.meta.get("description") or config.site_description or ""
    title = page.title if page.title and not page.is_homepage else config.site_name
    return Preview("website", attribute(str(title)), attribute(" ".join(str(description).split())), page.canonical_url)
