"""Makes Material's search index lean and accent-insensitive.

Lean: the index is downloaded on a reader's first search, and it grows with the records. A record
page is indexed by its title, summary (the first section) and the sections that hold its own facts;
sections that only list other records (sources, related practices, practices by lens or role...)
are left out, since each of those records is indexed on its own page. `searchable` cuts them out
of the HTML the search plugin reads, which also spares it parsing them (it parses every page it
is shown in full). Index pages keep only their introduction (`make_lean`, just before the plugin
writes the index), and pages marked `search: exclude` (the explorer) are not indexed.

Accent-insensitive: lunr matches words exactly, so "padron" would not find "Padrón". Each entry
whose title or text has accented words gets `folded_title` / `folded_text` fields with those words
without accents, weighted like the title and the text; the fields are searched but never shown.
A record's aliases join its `folded_title`, so an acronym finds its record first; so do the
misprints it keeps in `search_spellings`, which its page never shows.

Results say what they found: a record page's own entry (its breadcrumbs) is titled with the kind
of the record ("Practice: ...", "Country: ..."), the heading Material shows for the page's hits.
Lens pages, which define the atlas's concepts, weigh more than any title that merely names one.
"""

from __future__ import annotations

import re
import unicodedata

from atlas.site.pages import PAGE_KINDS

# Sections of a record page that hold the record's own facts (anchors, as the templates set them).
KEPT_SECTIONS: dict[str, frozenset[str]] = {
    "practices": frozenset({"at-a-glance", "organizations", "frameworks", "figures", "notes"}),
    "countries": frozenset({"figures", "notes"}),
    "frameworks": frozenset({"components", "notes"}),
    "organizations": frozenset({"notes"}),
    "sources": frozenset({"sections", "figures"}),
    "lenses": frozenset(),  # its introduction: its sections list practices
}
FOLDED_FIELDS = {"folded_title": {"boost": 1000.0}, "folded_text": {"boost": 1.0}}
# A country's, organization's or framework's name is in the title of many practices ("IOM-UNDP
# Global Joint Programme"): its own page should come first. A lens page defines its concept
# ("whole-of-government", "multi-level governance"): found first for it.
NAMED_IN_TITLES = ("countries", "organizations", "frameworks")
NAMED_BOOST = 3
LENS_BOOST = 2000
# What a result says it is: the kind of record of each folder, in its page entry's title.
KIND_LABELS = {kind.folder: "Source document" if kind.kind == "source" else kind.kind.capitalize()
               for kind in PAGE_KINDS.values()}
_WORD = re.compile(r"[^\W\d_]+")
_SECTION = re.compile(r'(?=<h2 id=")')
_SECTION_ID = len('<h2 id="')
_EXCLUDED = "<div data-search-exclude>"
_TAG = re.compile(r"<[^>]+>")
# A record's other names, as the title of its page shows them (templates/pages/_parts.html.j2).
_ALSO_KNOWN_AS = re.compile(r"^<p>Also known as (.*?)</p>")
_BRACKETED = re.compile(r"\(([^()]+)\)")


def fold(text: str) -> str:
    """Text without accents: "Padrón" -> "Padron" (letters decomposed, combining marks removed)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def folded_words(text: str) -> str:
    """The words of `text` that have accents, without them, once each."""
    words = {}
    for word in _WORD.findall(_TAG.sub(" ", text)):
        plain = fold(word)
        if plain != word:
            words[plain.lower()] = None
    return " ".join(words)


def searchable(html: str, folder: str) -> str:
    """The part of a record page's HTML worth indexing: all before its first section, then the
    sections that hold the record's own facts (each with its subsections)."""
    kept = KEPT_SECTIONS[folder]
    opening, *sections = _SECTION.split(html)
    return opening + "".join(s for s in sections if s[_SECTION_ID:s.index('"', _SECTION_ID)] in kept)


def unmarked(html: str) -> str:
    """A record page without the `data-search-exclude` marks its templates put on lists of other
    records within kept sections (the search plugin skips marked elements). Only the templates'
    own tag is matched: in record text, `<` is escaped."""
    return html.replace(_EXCLUDED, "<div>")


def keeps(location: str, opens_page: bool) -> bool:
    """Whether an index entry stays; `opens_page` is true for the first section with a heading
    of a page (its title and first paragraphs: on record pages, the breadcrumbs come first)."""
    path, _, anchor = location.partition("#")
    if opens_page:
        return True
    parts = [part for part in path.split("/") if part]
    folders = {kind.folder for kind in PAGE_KINDS.values()}
    return not (len(parts) == 1 and parts[0] in folders and anchor)  # an index page: its introduction


def unshown_names(data) -> dict[str, str]:
    """Names search finds a record by that its page never shows (misprints a source prints, in
    `search_spellings`), by the record page's path: "organizations/senescyt/": "senekyt senecyt"."""
    return {
        f"{record.folder}/{record.id}/": fold(" ".join(record.search_spellings)).lower()
        for table in (data.practices, data.frameworks, data.organizations) for record in table.values()
        if record.search_spellings
    }


def make_lean(entries: list[dict], fields: dict, unshown: dict[str, str] | None = None) -> None:
    """Rework the search plugin's entries (and its `fields` setting) in place, before it writes
    them: read back from the written file, the index would be held two more times at once, the
    build's peak memory (110 MB at 10,000 practices). `unshown` adds names no page shows
    (`unshown_names`) to their records' entries, weighted like the title."""
    unshown = unshown or {}
    docs = []
    opened = set()
    for entry in entries:
        path, _, anchor = entry["location"].partition("#")
        opens_page = bool(anchor) and path not in opened
        if anchor:
            opened.add(path)
        if not keeps(entry["location"], opens_page):
            continue
        folder = path.split("/")[0]
        if not anchor and path.count("/") == 2 and folder in KEPT_SECTIONS:
            # A record page's own entry holds only its breadcrumbs; its text is the next entry.
            # The result's heading says what kind of record it found ("Practice: ...").
            entry["text"] = ""
            entry["title"] = f"{KIND_LABELS[folder]}: {entry['title']}"
        if folder == "lenses" and path.count("/") == 2:  # its title and its definition
            entry["boost"] = LENS_BOOST
        if folder in NAMED_IN_TITLES and path.count("/") == 2 and (not anchor or opens_page):
            entry["boost"] = NAMED_BOOST
        for field, source in (("folded_title", "title"), ("folded_text", "text")):
            folded = folded_words(entry.get(source, ""))
            if folded:
                entry[field] = folded
        if opens_page and (aliases := _ALSO_KNOWN_AS.match(entry.get("text", ""))):
            # Aliases weigh like the title: "PCMD", "HTAs" or "Padron" find their record first.
            names = " ".join(_WORD.findall(fold(_TAG.sub(" ", aliases.group(1))))).lower()
            entry["folded_title"] = f"{entry.get('folded_title', '')} {names}".strip()
        if opens_page and folder in KEPT_SECTIONS and (named := _BRACKETED.findall(entry.get("title", ""))):
            # The other name a title gives in brackets, "... (PCMD) criteria", weighs like an
            # alias: aliases do not repeat it (alias-repeats), yet it must find its record first.
            names = " ".join(_WORD.findall(fold(" ".join(named)))).lower()
            for field in ("folded_title", "folded_text"):
                entry[field] = f"{entry.get(field, '')} {names}".strip()
        if opens_page and path in unshown:
            entry["folded_title"] = f"{entry.get('folded_title', '')} {unshown[path]}".strip()
        docs.append(entry)
    entries[:] = docs
    fields.update(FOLDED_FIELDS)
