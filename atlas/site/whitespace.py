"""Strips the indentation and blank lines of a page's HTML, a fifth of a record page's weight.

The theme's templates indent their output deeply; outside `<pre>` (and `<textarea>`), a browser
collapses that whitespace anyway, so removing it changes nothing on screen. Inside them it is
content, and is kept as it is.
"""

from __future__ import annotations

import re

_PRESERVED = re.compile(r"(<(pre|textarea)[\s>].*?</\2>)", re.DOTALL)
_INDENTATION = re.compile(r"\n[ \t\r\n]+")


def strip_indentation(html: str) -> str:
    parts = _PRESERVED.split(html)
    # split() yields text, then each match's two groups (the element, its tag name), and so on.
    out = []
    for index in range(0, len(parts), 3):
        out.append(_INDENTATION.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
