"""Makes record text safe for a page: escaped where it is plain text, sanitized where it is Markdown.

Record text comes from pull requests. Record pages are HTML, and Jinja escapes their single-line
fields; where record text goes into the Markdown of a hand-written page, `escape_markdown` escapes
it for Markdown and HTML so that no character in it means anything to Python-Markdown or a
browser. Prose fields are rendered by a Markdown instance of their own and then cleaned by nh3
against an allow-list.
"""

from __future__ import annotations

import html

import markdown
import nh3
from markupsafe import Markup

# Characters Python-Markdown (with the tables and attr_list extensions) gives a meaning to.
_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()>#+-.!|")
_ESCAPES = str.maketrans({ch: "\\" + ch for ch in _MARKDOWN_SPECIALS} | {":": "&#58;"})

_ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "sup", "sub"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}
_ALLOWED_SCHEMES = {"http", "https", "mailto"}
# One converter (reset before each use) and one sanitizer: building either costs more than
# converting a summary, and there are thousands of summaries per build.
_CONVERTER = markdown.Markdown(extensions=["sane_lists"], output_format="html")
_SANITIZER = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    attributes=_ALLOWED_ATTRIBUTES,
    url_schemes=_ALLOWED_SCHEMES,
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def escape_markdown(value: object) -> Markup:
    """Plain text that reads the same once Python-Markdown and a browser have seen it."""
    if isinstance(value, Markup):
        return value
    text = html.escape(str(value), quote=True)
    # A colon cannot be backslash-escaped; as an entity it cannot start an emoji code (:warning:),
    # which the emoji extension would turn into an image.
    return Markup(text.translate(_ESCAPES))


def render_prose(text: str | None) -> Markup:
    """Markdown prose as sanitized HTML."""
    if not text:
        return Markup("")
    return Markup('<div class="atlas-prose">' + _SANITIZER.clean(_CONVERTER.reset().convert(text)) + "</div>")
