"""Which section of a source document a citation's locator names, and that section's anchor on
the source's page, so that a reader goes from a claim to its section, then to the document.

A locator names a section when it contains the section's heading (as the source record lists it
under `sections:`), as in "Annex 1: Examples, Moldova — Outgoing migration"; when several do,
the longest, most specific heading wins.
"""

from __future__ import annotations

import re
import unicodedata


def section_of(sections: list[str], locator: str) -> str | None:
    """The heading among `sections` that `locator` names, or None."""
    text = locator.casefold()
    named = [heading for heading in sections if heading.casefold() in text]
    return max(named, key=len) if named else None


def section_anchors(sections: list[str]) -> dict[str, str]:
    """Each heading's anchor on the source page: `section-` and its words, lowercase ASCII."""
    anchors: dict[str, str] = {}
    for heading in sections:
        folded = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode().lower()
        words = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:60].rstrip("-") or "part"
        anchor, number = f"section-{words}", 2
        while anchor in anchors.values():  # two headings with the same words
            anchor, number = f"section-{words}-{number}", number + 1
        anchors[heading] = anchor
    return anchors
