"""Small corrections to the HTML Material writes, where its defaults fail an accessibility check.

Each fix is a literal replacement of Material's markup; if Material changes that markup the
replacement stops applying and the axe-core browser test (tests/test_browser.py) fails, so a fix
cannot silently disappear.
"""

from __future__ import annotations

# axe-core "aria-dialog-name": the search overlay is a dialog without a name.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


def fix_page(html: str) -> str:
    return html.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG, 1)
