"""How to cite a record page: one `Reference`, written out as text, BibTeX, RIS and CSL-JSON.

Pure functions, no MkDocs. Record titles are untrusted text, so every format escapes for itself:
BibTeX's special characters, RIS's one-line fields, JSON through `json.dumps`. The page template
puts each result in a code block, which escapes it for HTML.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from atlas.model.records import Source

# BibTeX/LaTeX characters that mean something inside a braced field value.
_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


@dataclass(frozen=True)
class Reference:
    """A record page as a citable web page of the atlas."""

    key: str  # citation key: "atlas-<folder>-<id>", from validated ids only
    title: str
    url: str
    site: str
    author: str  # the atlas as a body: "<site> contributors"
    version: str | None = None  # the data commit the page was built from
    date: datetime.date | None = None  # version date
    # The day the reader saw the page: the build writes its own day, and the page's script
    # (docs/assets/cite-date.js) puts in the reader's today before a format is copied.
    accessed: datetime.date | None = None


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def one_line(text: str) -> str:
    """Line breaks and other control characters become spaces: every format here is line-based."""
    return " ".join(_CONTROL.sub(" ", text).split())


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIALS.get(ch, ch) for ch in one_line(text))


def bibtex_url(url: str) -> str:
    """biblatex reads `url` verbatim: only braces, backslashes and spaces need encoding."""
    return quote(one_line(url), safe="".join(chr(c) for c in range(33, 127) if chr(c) not in "{}\\"))


def _version_phrase(reference: Reference) -> str:
    if reference.date and reference.version:
        return f", version {reference.date.isoformat()} ({reference.version})"
    if reference.date or reference.version:
        return f", version {reference.date.isoformat() if reference.date else reference.version}"
    return ""


def text(reference: Reference) -> str:
    """A formatted reference in the author-date style most report templates use."""
    year = f" ({reference.date.year})" if reference.date else ""
    accessed = f" (accessed {reference.accessed.isoformat()})" if reference.accessed else ""
    return one_line(
        f"{reference.author}{year}. {reference.title}. "
        f"{reference.site}{_version_phrase(reference)}. {reference.url}{accessed}"
    )


def bibtex(reference: Reference) -> str:
    fields = [
        ("author", "{" + bibtex_escape(reference.author) + "}"),  # braces: a body, not "Last, First"
        ("title", bibtex_escape(reference.title)),
        ("organization", bibtex_escape(reference.site)),
        ("url", bibtex_url(reference.url)),
    ]
    if reference.date:
        fields += [("year", str(reference.date.year)), ("date", reference.date.isoformat())]
    if reference.version:
        fields.append(("version", bibtex_escape(reference.version)))
    if reference.accessed:
        fields.append(("urldate", reference.accessed.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{reference.key},\n{body}\n}}\n"


def ris(reference: Reference) -> str:
    lines = [
        ("TY", "ELEC"),
        ("AU", reference.author),
        ("TI", reference.title),
        ("T2", reference.site),
        ("UR", reference.url),
    ]
    if reference.date:
        lines += [("PY", str(reference.date.year)), ("DA", reference.date.strftime("%Y/%m/%d"))]
    if reference.version:
        lines.append(("ET", reference.version))
    if reference.accessed:
        lines.append(("Y2", reference.accessed.strftime("%Y/%m/%d")))  # RIS's access date
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {one_line(value)}".rstrip() + "\n" for tag, value in lines)


def csl_item(reference: Reference) -> dict:
    item = {
        "id": reference.key,
        "type": "webpage",
        "title": one_line(reference.title),
        "container-title": reference.site,
        "author": [{"literal": reference.author}],
        "URL": reference.url,
    }
    if reference.date:
        item["issued"] = {"date-parts": [[reference.date.year, reference.date.month, reference.date.day]]}
    if reference.version:
        item["version"] = reference.version
    if reference.accessed:
        item["accessed"] = {"date-parts": [[reference.accessed.year, reference.accessed.month, reference.accessed.day]]}
    return item


def csl_json(reference: Reference) -> str:
    """CSL-JSON is a list of items; Zotero, Pandoc and citation.js read it."""
    return json.dumps([csl_item(reference)], ensure_ascii=False, indent=2) + "\n"


def source_document(source: Source) -> str:
    """The reference of a source document itself, for readers who cite the original. The publisher
    is the author: the `authors` field describes who prepared a document, in sentences."""
    details = ", ".join(d for d in (source.document_type, source.event, source.place, source.date) if d)
    link = f" {source.links[0].url}" if source.links else ""
    return one_line(f"{source.publisher} ({source.year}). {source.title}. {details}.{link}")


def document_formats(source: Source) -> list[tuple[str, str]]:
    """The source document itself in the four formats, for a reader who cites the original: its
    publisher as the author, its title, year, event and place, and its address when one is known."""
    key = f"source-{source.id}"
    url = source.links[0].url if source.links else None
    note = ", ".join(d for d in (source.document_type, source.event, source.place) if d)
    bibtex_fields = [("author", "{" + bibtex_escape(source.publisher) + "}"), ("title", bibtex_escape(source.title)),
                     ("institution", bibtex_escape(source.publisher)), ("year", str(source.year))]
    if note:
        bibtex_fields.append(("note", bibtex_escape(note)))
    if url:
        bibtex_fields.append(("url", bibtex_url(url)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in bibtex_fields)
    ris_lines = [("TY", "RPRT"), ("AU", source.publisher), ("TI", source.title), ("PB", source.publisher),
                 ("PY", str(source.year))]
    ris_lines += [(tag, value) for tag, value in (("T2", source.event), ("CY", source.place), ("UR", url)) if value]
    ris_lines.append(("ER", ""))
    item = {"id": key, "type": "report", "title": one_line(source.title), "author": [{"literal": source.publisher}],
            "publisher": source.publisher, "issued": {"date-parts": [[source.year]]}}
    item.update({name: one_line(value) for name, value in (("event", source.event), ("event-place", source.place),
                                                           ("genre", source.document_type), ("URL", url)) if value})
    return [
        ("Reference", source_document(source) + "\n"),
        ("BibTeX", f"@report{{{key},\n{body}\n}}\n"),
        ("RIS", "".join(f"{tag}  - {one_line(value)}".rstrip() + "\n" for tag, value in ris_lines)),
        ("CSL-JSON", json.dumps([item], ensure_ascii=False, indent=2) + "\n"),
    ]


def formats(reference: Reference) -> list[tuple[str, str]]:
    """(label, text) of every format the cite block offers, in order."""
    return [
        ("Reference", text(reference) + "\n"),
        ("BibTeX", bibtex(reference)),
        ("RIS", ris(reference)),
        ("CSL-JSON", csl_json(reference)),
    ]
