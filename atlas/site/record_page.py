"""The page of one record: rendered as HTML by our templates, never by Python-Markdown.

MkDocs lets a plugin give a file its own `Page` (`File.page`, set in `on_files`). A record page
asks `PageRenderer.record_page_and_headings` for its HTML instead of converting Markdown: a
Markdown pass, with its extensions set up for every page, would cost more than the rest of the
page's build. Since the toc extension no longer sees the headings, the page's table of contents is
made from the headings its templates wrote (`templating.Headings`).
"""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc

from atlas.site.pages import PageKind, PageRenderer
from atlas.site.previews import attribute, record_description
from atlas.site.repository import Repository



class RecordPage(Page):
    """A record's page; `write_content` makes its HTML."""

    def __init__(self, file, config, page_kind: PageKind, record, renderer: PageRenderer, repository: Repository):
        super().__init__(None, file, config)
        self.page_kind = page_kind
        self.record = record
        self.renderer = renderer
        # "Edit this page" opens the record's YAML file, not a page that exists only in the build.
        data_file = f"{record.folder}/{record.id}" if hasattr(record, "folder") else "vocabularies/lenses"
        self.edit_url = repository.edit_url(f"data/{data_file}.yaml")

    def render(self, config, files) -> None:
        # Only the title here. MkDocs renders every page before it writes any, so HTML made here
        # would all be held at once (164 MB at 5,000 practices); `write_content` makes it when
        # the page is about to be written (plugin.py, on_page_context).
        # The theme prints page titles unescaped, and mkdocs-macros renders a title containing
        # "{{" as a template: store the title HTML-escaped, braces included.
        self.meta["title"] = attribute(self.record.label)
        # The theme's <meta name="description">, and the page's preview (previews.py).
        self.meta["description"] = record_description(self.record)
        self.content = ""

    def write_content(self) -> None:
        self.content, headings = self.renderer.record_page_and_headings(self.page_kind.kind, self.record.id)
        self.toc = table_of_contents(headings)
        # present_anchor_ids stays None: MkDocs then skips checking links into this page's
        # anchors, which it could only do before any page is written. The test suite checks
        # every link and anchor of the built site instead (tests/site/test_site.py).


def table_of_contents(headings: list[tuple[int, str, str]]) -> TableOfContents:
    """A page's headings (level, anchor, title), nested by level, as MkDocs' `page.toc`."""
    root: list[dict] = []
    stack: list[tuple[int, list[dict]]] = [(0, root)]
    for level, anchor, name in headings:
        while stack[-1][0] >= level:
            stack.pop()
        token = {"level": level, "id": anchor, "name": name, "children": []}
        stack[-1][1].append(token)
        stack.append((level, token["children"]))
    return get_toc(root)
