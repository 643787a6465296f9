"""Citations: each format escapes record text for itself and stays parseable whatever the title."""

import datetime
import json

from hypothesis import given
from hypothesis import strategies as st

from atlas.publish import citation
from atlas.model.records import Source

DATE = datetime.date(2026, 11, 27)


def reference(title: str = "Hometown associations", **changes) -> citation.Reference:
    values = dict(
        key="atlas-practices-hometown-associations", title=title,
        url="https://atlas.test/practices/hometown-associations/", site="Migration Policy Integration Atlas",
        author="Migration Policy Integration Atlas contributors", version="abc1234", date=DATE,
    )
    return citation.Reference(**{**values, **changes})


def unescaped_braces_balance(text: str) -> bool:
    depth, escaped = 0, False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def bibtex_field(entry: str, name: str) -> str:
    line = next(line for line in entry.splitlines() if line.strip().startswith(f"{name} = "))
    return line.split(" = ", 1)[1].rstrip(",")[1:-1]


def test_the_formatted_reference_names_site_title_version_and_url():
    text = citation.text(reference())
    assert text == (
        "Migration Policy Integration Atlas contributors (2026). Hometown associations. "
        "Migration Policy Integration Atlas, version 2026-11-27 (abc1234). "
        "https://atlas.test/practices/hometown-associations/"
    )


def test_a_build_outside_git_gives_a_reference_without_version():
    text = citation.text(reference(version=None, date=None))
    assert "version" not in text and "()" not in text
    assert "year" not in citation.bibtex(reference(version=None, date=None))


def test_bibtex_escapes_every_special_character_of_a_title():
    entry = citation.bibtex(reference(r"Cost & 100% {of} #1 a_b $x$ ^ ~ \end"))
    title = bibtex_field(entry, "title")
    assert title == (r"Cost \& 100\% \{of\} \#1 a\_b \$x\$ \textasciicircum{} \textasciitilde{} "
                     r"\textbackslash{}end")


@given(st.text(max_size=80))
def test_any_title_keeps_the_bibtex_entry_balanced(title):
    entry = citation.bibtex(reference(title))
    assert unescaped_braces_balance(entry)
    assert entry.startswith("@online{atlas-practices-hometown-associations,\n")
    assert len(entry.splitlines()) == 9  # a title cannot add lines


@given(st.text(min_size=1, max_size=80).filter(citation.one_line))
def test_any_title_stays_on_its_own_ris_line(title):
    lines = citation.ris(reference(title)).splitlines()
    assert [line[:6] for line in lines] == ["TY  - ", "AU  - ", "TI  - ", "T2  - ", "UR  - ", "PY  - ",
                                            "DA  - ", "ET  - ", "ER  -"]
    assert lines[2][6:] == citation.one_line(title)


@given(st.text(max_size=80))
def test_csl_json_is_valid_json_with_the_title(title):
    items = json.loads(citation.csl_json(reference(title)))
    assert items[0]["title"] == citation.one_line(title)
    assert items[0]["URL"] == "https://atlas.test/practices/hometown-associations/"
    assert items[0]["issued"] == {"date-parts": [[2026, 11, 27]]}


def test_a_bibtex_url_is_left_verbatim_but_cannot_break_the_entry():
    assert citation.bibtex_url("https://a.test/x_y/%20#z") == "https://a.test/x_y/%20#z"
    assert citation.bibtex_url("https://a.test/{x}\\") == "https://a.test/%7Bx%7D%5C"


def test_a_source_document_is_cited_with_its_publisher_year_title_and_link():
    source = Source(
        id="002", title="Roundtable 1.2 background paper", short_title="RT 1.2", marker="GFMD 2018",
            document_type="Background paper",
        publisher="Global Forum on Migration and Development (GFMD)", event="GFMD Eleventh Summit",
        date="2018-12", year=2018, file="002.txt", summary="About services.",
        links=[{"url": "https://gfmd.example/rt12"}],
    )
    assert citation.source_document(source) == (
        "Global Forum on Migration and Development (GFMD) (2018). Roundtable 1.2 background paper. "
        "Background paper, GFMD Eleventh Summit, 2018-12. https://gfmd.example/rt12"
    )


def test_every_format_carries_the_access_date_a_page_script_can_replace():
    formats = dict(citation.formats(reference(accessed=datetime.date(2026, 12, 3))))
    assert formats["Reference"].rstrip().endswith("(accessed 2026-12-03)")
    assert "urldate = {2026-12-03}" in formats["BibTeX"]
    assert "Y2  - 2026/12/03\n" in formats["RIS"]
    assert json.loads(formats["CSL-JSON"])[0]["accessed"] == {"date-parts": [[2026, 12, 3]]}
    # Without an access date no format invents one.
    assert not any("2026-12-03" in text or "2026/12/03" in text for _, text in citation.formats(reference()))
