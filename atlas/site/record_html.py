"""What MkDocs needs from a record page written as HTML: its table of contents and its anchors.

Record pages skip Python-Markdown (see `templating.make_page_environment`), so the toc extension
does not list their headings. Their templates write every heading as the toc extension would,
`<hN id="...">text<a class="headerlink" ...>`, and this module reads them back.
"""

from __future__ import annotations

import re

from mkdocs.structure.toc import TableOfContents, get_toc

_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)<a class="headerlink"')
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def table_of_contents(html: str) -> TableOfContents:
    """The headings of `html`, nested by level, as MkDocs' `page.toc`."""
    root: list[dict] = []
    stack: list[tuple[int, list[dict]]] = [(0, root)]
    for level, anchor, text in _HEADING.findall(html):
        level = int(level)
        while stack[-1][0] >= level:
            stack.pop()
        token = {"level": level, "id": anchor, "name": _TAG.sub("", text), "children": []}
        stack[-1][1].append(token)
        stack.append((level, token["children"]))
    return get_toc(root)


def anchor_ids(html: str) -> set[str]:
    """Every id on the page: what links from other pages may point at (MkDocs checks them)."""
    return set(_ID.findall(html))
