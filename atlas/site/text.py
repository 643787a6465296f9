"""Makes record text safe for a page: escaped where it is plain text, sanitized where it is Markdown.

Record text comes from pull requests. Record pages are HTML, and Jinja escapes their single-line
fields; where record text goes into the Markdown of a hand-written page, `escape_markdown` escapes
it for Markdown and HTML so that no character in it means anything to Python-Markdown or a
browser. Prose fields are rendered by a Markdown instance of their own and then cleaned by nh3
against an allow-list.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markupsafe import Markup

from atlas.model.web_address import display_host

# Characters Python-Markdown (with the tables and attr_list extensions) gives a meaning to.
_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()>#+-.!|")
_ESCAPES = str.maketrans({ch: "\\" + ch for ch in _MARKDOWN_SPECIALS} | {":": "&#58;"})

_ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "sup", "sub"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}
_ALLOWED_SCHEMES = {"http", "https", "mailto"}


def escape_markdown(value: object) -> Markup:
    """Plain text that reads the same once Python-Markdown and a browser have seen it, on one line.

    A template puts the value inside a Markdown construct (a list item, a table cell, a card):
    a line break in it (a blank line, or an indented line) would end that construct or start
    another, such as a code block, so every run of white space becomes one space.
    """
    if isinstance(value, Markup):
        return value
    text = html.escape(" ".join(str(value).split()), quote=True)
    # A colon cannot be backslash-escaped; as an entity it cannot start an emoji code (:warning:),
    # which the emoji extension would turn into an image.
    return Markup(text.translate(_ESCAPES))


# A link as nh3 writes it: the href first, no nested link.
_SAFE_LINK = re.compile(r'(<a href="(https?://[^"]*)"[^>]*>(.*?)</a>)', re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def _with_host(match: re.Match) -> str:
    """A link followed by the site it leads to, unless its text already shows that."""
    link, href, inner = match.groups()
    host = display_host(html.unescape(href))
    shown = html.unescape(_TAG.sub("", inner)).strip().lower()
    if not host or host in shown:
        return link
    return f'{link} <span class="atlas-host">({html.escape(host)})</span>'


# A source marker in prose: "(002)" or "(002, Annex 1)", the source's id and, optionally, where.
SOURCE_MARKER = re.compile(r"\((\d{3})(, [^()<>\n]{1,80})?\)")
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def plain_text(markdown_text: str, limit: int) -> str:
    """Prose as one line of plain text, without Markdown's punctuation, link targets or source
    markers, cut at a word boundary to at most `limit` characters (an explorer entry, a card, a
    page's preview)."""
    text = re.sub(r"\s*" + SOURCE_MARKER.pattern, "", markdown_text)  # "a fact (002)." → "a fact."
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"[*_`#>\[\]]", "", text)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


class SourceMarker:
    """Where a source marker leads and what it shows: `(002)` becomes `(GFMD 2018)`, linked to
    the source's page, with the source's short title as its tooltip."""

    def __init__(self, href: str, marker: str, title: str):
        self.html = Markup('<a class="atlas-source-mark" href="{}" title="{}">{}</a>').format(href, title, marker)


class ProseRenderer:
    """Renders Markdown prose as sanitized HTML, for one build.

    One converter (reset before each use) and one sanitizer: building either costs more than
    converting a summary, and there are thousands of summaries per build. `sources` maps a source
    id to its `SourceMarker`; a marker naming no known source stays as it is written.
    """

    def __init__(self, sources: dict[str, SourceMarker] | None = None):
        self._sources = sources or {}
        self._converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        self._sanitizer = nh3.Cleaner(
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRIBUTES,
            url_schemes=_ALLOWED_SCHEMES,
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
        )

    def markdown_to_safe_html(self, text: str) -> str:
        return self._sanitizer.clean(self._converter.reset().convert(text))

    def __call__(self, text: str | None) -> Markup:
        """Markdown prose as sanitized HTML; each link to another site says which site it is."""
        if not text:
            return Markup("")
        body = _SAFE_LINK.sub(_with_host, self.markdown_to_safe_html(text))
        if "(" in body and self._sources:
            body = self._with_source_marks(body)
        return Markup('<div class="atlas-prose">' + body + "</div>")

    def _mark(self, match: re.Match) -> str:
        source = self._sources.get(match.group(1))
        if source is None:
            return match.group(0)
        return f"({source.html}{match.group(2) or ''})"

    def _with_source_marks(self, body: str) -> str:
        """Source markers in the text between tags (never in an attribute or inside a link)."""
        parts = _TAG_OR_TEXT.split(body)
        in_link = False
        for index, part in enumerate(parts):
            if index % 2:
                in_link = part.startswith("<a ") or (in_link and part != "</a>")
            elif not in_link and "(" in part:
                parts[index] = SOURCE_MARKER.sub(self._mark, part)
        return "".join(parts)
