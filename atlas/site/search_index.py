"""The site's search index: Pagefind, run over the built site, and what each page gives it.

Pagefind reads the pages once the build has written them and splits its index into small files
by word; a reader's browser fetches only those its query needs, and then the text of the few
pages it shows (`docs/assets/search.js`). What a search downloads therefore barely grows with the
atlas, where one index file for every page (Material's) grew with each record. No request
leaves the site: the index and Pagefind's script are written into the site.

What is indexed: the content of every page (`overrides/main.html` marks it `data-pagefind-body`)
but the pages marked `search: exclude` (the explorer, the changelog, the performance page and the
data reference). On a record page, its title, summary and the sections holding the record's own
facts; sections that only list other records (sources, related practices, practices by lens or
role...) are marked `data-pagefind-ignore` here, and so are the lists the templates mark within
kept sections, since each of those records is found on its own page.

What finds a record first (`data-pagefind-weight`, 1 for text, 7 for a page's title): its other
names weigh like its title (`title` macro, templates/pages/_parts.html.j2), including the
misprints it keeps in `search_spellings`, indexed but never shown. A country, organization or
framework is named in the titles of many practices ("IOM-UNDP Global Joint Programme"), so its
own title weighs more (`NAMED_WEIGHT`) and its names are also a `name` field (`names_field`),
which the search weighs twice a title (`metaWeights` in docs/assets/search.js); a lens page's
definition names its concept ("whole-of-government"): it weighs the most, and is the lens's `name`
(templates/pages/lens.html.j2). Pagefind matches words without their accents ("padron" finds
"Padrón").

Results say what they found: each page's content carries its kind of record
(`data-pagefind-meta="kind:Practice"`), which the results show before the title.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pagefind_bin

# Sections of a record page that hold the record's own facts (anchors, as the templates set them).
KEPT_SECTIONS: dict[str, frozenset[str]] = {
    "practices": frozenset({"at-a-glance", "organizations", "frameworks", "figures", "notes"}),
    "countries": frozenset({"figures", "notes"}),
    "frameworks": frozenset({"components", "notes"}),
    "organizations": frozenset({"notes"}),
    "sources": frozenset({"sections", "figures"}),
    "lenses": frozenset(),  # its introduction: its sections list practices
}
# The weight of the title of a country's, organization's or framework's own page (Pagefind's
# scale: 1 for text, 7 for a page's first heading, at most 10).
TITLE_WEIGHT = 7  # as Pagefind weighs a first heading
NAMED_WEIGHT = {"countries": 10, "organizations": 10, "frameworks": 10}
# Where Pagefind writes the index and its script, within the site.
BUNDLE = "pagefind"
_SECTION = re.compile(r'(?=<h2 id=")')
_SECTION_ID = len('<h2 id="')
_IGNORED = '<div data-pagefind-ignore>'
_BRACKETED = re.compile(r"\s*\(([^()]+)\)")


def kind_label(page) -> str:
    """What a search result says it found: the kind of record a record page shows ("Practice",
    "Source document"); empty for any other page."""
    page_kind = getattr(page, "page_kind", None)
    if page_kind is None:
        return ""
    return "Source document" if page_kind.kind == "source" else page_kind.kind.capitalize()


def title_weight(record) -> int:
    """How much a match in a record's title and other names counts, on Pagefind's scale."""
    return NAMED_WEIGHT.get(getattr(record, "folder", ""), TITLE_WEIGHT)


def names_field(record, country_names: frozenset[str]) -> str:
    """The names of a record that practices' titles name (a country, an organization, a
    framework), for the `name` field search weighs most (docs/assets/search.js): its title and
    aliases, less a country its title adds in brackets ("Ministry of Development (Türkiye)"), so
    that the country's own page comes first for its name. Empty for any other record."""
    if getattr(record, "folder", "") not in NAMED_WEIGHT:
        return ""
    title = _BRACKETED.sub(lambda m: "" if m.group(1).strip() in country_names else m.group(0), record.label)
    return " ".join([title.strip(), *(getattr(record, "aliases", None) or [])])


def mark_sections(html: str, folder: str) -> str:
    """A record page's HTML with each section that is not among its folder's `KEPT_SECTIONS`
    (a second-level heading and what follows it, up to the next) kept out of the index. The
    templates write every section at the top level of the page, so a section is whole."""
    kept = KEPT_SECTIONS[folder]
    opening, *sections = _SECTION.split(html)
    return opening + "".join(
        section if section[_SECTION_ID:section.index('"', _SECTION_ID)] in kept else f"{_IGNORED}{section}</div>\n"
        for section in sections
    )


def index_site(site_dir: str | Path) -> None:
    """Index the built site with Pagefind (into `<site>/pagefind/`); raises RuntimeError with
    Pagefind's own message when it fails."""
    result = subprocess.run(
        [str(pagefind_bin.get_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE,
         # The ¶ beside each heading (its permalink) is not part of a title or of the text.
         "--exclude-selectors", ".headerlink", "--quiet"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind could not index the site: {(result.stderr or result.stdout).strip()}")
