"""Record prose: the shortcut for plain paragraphs gives exactly what Markdown and nh3 give.

`ProseRenderer` wraps plain paragraphs in <p> itself instead of running Python-Markdown and nh3.
Whenever it takes that shortcut, the result must be the converter's, byte for byte: checked on
every text of the real data and on generated text full of Markdown's special characters.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from atlas.site.text import ProseRenderer, _plain_paragraphs

RENDERER = ProseRenderer()
markdown_to_safe_html = RENDERER.markdown_to_safe_html
render_prose = RENDERER

PIECES = [
    "a", "word", "Word", " ", "  ", "\n", "\n\n", "\n \n", "\t", "1.", "2)", "- ", "+ ", "* ", "# ", "> ",
    "---", "===", "    code", "_x_", "*x*", "`x`", "[x](y)", "<b>", "&amp;", "&", "<https://x.org>",
    "https://x.org", "'", '"', "“", "(", ")", ":", ";", "é", "—", "\u00a0", "\u2003", "\u2028", "\x85",
    "\ufeff", "\U0001f600", "\\", "!", "{", "}", "|", "~", "%", "\r", "\x00",
]


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _real_texts(dataset) -> list[str]:
    records = [r for table in (dataset.practices, dataset.countries, dataset.frameworks,
                               dataset.organizations, dataset.sources) for r in table.values()]
    return [text for record in records for text in _texts(record.model_dump())]


def test_plain_paragraphs_match_markdown_on_every_text_of_the_data(dataset):
    texts = _real_texts(dataset)
    shortcut = [text for text in texts if _plain_paragraphs(text) is not None]
    assert [_plain_paragraphs(t) for t in shortcut] == [markdown_to_safe_html(t) for t in shortcut]
    # The shortcut is worth having only if most summaries take it.
    summaries = [r.summary for r in dataset.practices.values()]
    assert sum(_plain_paragraphs(s) is not None for s in summaries) > len(summaries) / 2


@settings(max_examples=3000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_plain_paragraphs_match_markdown_on_generated_text(text):
    shortcut = _plain_paragraphs(text)
    if shortcut is not None:
        assert shortcut == markdown_to_safe_html(text)


def test_markdown_still_goes_through_the_converter_and_the_sanitizer():
    assert _plain_paragraphs("See *this*") is None
    assert render_prose("See *this* <script>x</script>") == (
        '<div class="atlas-prose"><p>See <em>this</em> </p></div>')
    assert render_prose("One.\n\nTwo.") == '<div class="atlas-prose"><p>One.</p>\n<p>Two.</p></div>'


def test_a_recursion_error_while_rendering_names_the_record(dataset):
    """The validator bounds nesting (tests/test_hostile_rejected.py); should Markdown still recurse
    too deep on some construct, the build stops on a message that names the record's file."""
    import pytest
    from mkdocs.exceptions import PluginError

    from atlas.site.pages import PageRenderer

    renderer = PageRenderer(dataset, cite_block=lambda record: None, improve_links=lambda record: None)

    def recursing(text):
        raise RecursionError("maximum recursion depth exceeded")

    renderer.page_environment.filters["prose"] = recursing
    practice = next(iter(dataset.practices))
    with pytest.raises(PluginError, match=f"data/practices/{practice}.yaml"):
        renderer.record_page("practice", practice)
