"""The Jinja environment that turns records into page Markdown, one template per page kind.

Escaping is on by default: `finalize` passes every `{{ value }}` through `escape_markdown` unless
the value is already `Markup` (sanitized prose, or a link path built from a validated id). Records
are only ever template *data*: no record text becomes template source.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ..dataset import Dataset
from ..model import ID_PATTERN, KINDS
from .text import escape_markdown, render_prose

TEMPLATES = Path(__file__).parent / "templates"


def _format_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


def make_environment(dataset: Dataset) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # One environment per build (made in on_config): no need to stat each template file
        # again on every get_template and `{% import %}`, thousands of times per build.
        auto_reload=False,
        # The output is Markdown: finalize escapes each value for it; autoescape only makes macro
        # output Markup so that it is not escaped twice.
        autoescape=True,
        finalize=escape_markdown,
        undefined=jinja2.StrictUndefined,
        # Markdown headings carry `{#anchor}` attribute lists, so Jinja comments need other marks.
        comment_start_string="<#--",
        comment_end_string="--#>",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def path_of(record, root: str = "../", anchor: str | None = None) -> Markup:
        """Relative link target of a record's page; MkDocs checks it exists and rewrites it."""
        folder = record.folder if hasattr(record, "folder") else KINDS[record].folder
        target = f"{root}{folder}/{record.id}.md"
        return Markup(target + (f"#{anchor}" if anchor else ""))

    def href(url: str) -> Markup:
        """An external link target with every character Markdown could misread percent-encoded."""
        return Markup(quote(url, safe=":/?#[]@!$&*+,;=%~-._"))

    def path_segment(identifier: str) -> Markup:
        """A validated id used as part of a link target; anything else is a bug, so it raises."""
        if not ID_PATTERN.match(identifier):
            raise ValueError(f"not an id: {identifier!r}")
        return Markup(identifier)

    def anchor(identifier: str) -> Markup:
        """The attribute list that gives a Markdown heading a stable id."""
        return Markup("{#" + path_segment(identifier) + "}")

    environment.filters.update(
        anchor=anchor,
        path_segment=path_segment,
        href=href,
        prose=render_prose,
        path=path_of,
        number=_format_number,
    )
    environment.globals.update(
        data=dataset,
        term=dataset.term,
        terms=dataset.terms,
    )
    return environment
