"""The links a Markdown text makes, found the way the site finds them: by rendering it.

The validator checks every link of a summary or note with the same rules as a record's `links:`
(a public host, no look-alike name, text that does not name another site). Reading links out of
Markdown with a pattern would miss some (reference links, autolinks, raw HTML ones); rendering
with Python-Markdown, as the site does, finds exactly those a reader gets.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

# Without these a text has no link: Markdown links need "[" or "<"; bare addresses stay text.
_LINK_MARKS = ("[", "<")


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (text, href)
        self._open: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append([dict(attrs).get("href") or "", ""])

    def handle_data(self, data):
        for anchor in self._open:
            anchor[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.links.append((text, href))


def prose_links(text: str) -> list[tuple[str, str]]:
    """(link text, target) of every link the Markdown text renders to."""
    if not any(mark in text for mark in _LINK_MARKS):
        return []
    # A converter of its own: one that renders a text keeps state until it is reset, and few
    # texts have a link at all.
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    anchors = _Anchors()
    anchors.feed(converter.convert(text))
    anchors.close()
    return anchors.links
