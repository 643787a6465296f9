"""Record prose: Markdown through the converter and the sanitizer, and a recursion that names its record."""

from __future__ import annotations

from atlas.site.text import ProseRenderer

RENDERER = ProseRenderer()
render_prose = RENDERER


def test_markdown_still_goes_through_the_converter_and_the_sanitizer():
    assert render_prose("See *this* <script>x</script>") == (
        '<div class="atlas-prose"><p>See <em>this</em> </p></div>')
    assert render_prose("One.\n\nTwo.") == '<div class="atlas-prose"><p>One.</p>\n<p>Two.</p></div>'


def test_a_recursion_error_while_rendering_names_the_record(dataset):
    """The validator bounds nesting (tests/unit/test_hostile_rejected.py); should Markdown still recurse
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
