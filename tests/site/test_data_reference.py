"""The Data reference page lists every field of every record kind with what the model says of it,
so it cannot drift from the code; allowed values link to vocabularies listed on the same page."""

from __future__ import annotations

from atlas.model.field_reference import fields_of, nested_models, record_kinds


REFERENCE = "contribute/data-reference/index.html"


def table_after(soup, anchor: str):
    heading = soup.find(id=anchor)
    assert heading is not None, f"no section #{anchor}"
    return heading.find_next("table")


def test_every_field_of_every_kind_and_part_is_listed_with_its_description(parsed):
    soup = parsed(REFERENCE)
    for cls in record_kinds() + [part for kind in record_kinds() for part in nested_models(kind)]:
        rows = table_after(soup, cls.__name__.lower()).select("tbody tr")
        listed = {row.select("td")[0].get_text(strip=True): row for row in rows}
        assert list(listed) == list(cls.model_fields), cls.__name__
        for doc in fields_of(cls):
            cells = [cell.get_text(" ", strip=True) for cell in listed[doc.name].select("td")]
            assert cells[1] == " ".join(doc.description.split()), (cls.__name__, doc.name)
            assert cells[3] == ("yes" if doc.required else "no")


def test_vocabulary_fields_link_to_their_terms_on_the_page(parsed, dataset):
    soup = parsed(REFERENCE)
    row = next(r for r in table_after(soup, "practice").select("tbody tr") if r.td.get_text(strip=True) == "levels")
    link = row.select("td")[4].a
    assert link["href"] == "#vocabulary-levels"
    terms = table_after(soup, "vocabulary-levels").select("tbody tr td:first-child")
    assert [cell.get_text(strip=True) for cell in terms] == [term.id for term in dataset.terms("levels")]


def test_examples_come_from_the_data(parsed, dataset):
    soup = parsed(REFERENCE)
    row = next(r for r in table_after(soup, "country").select("tbody tr") if r.td.get_text(strip=True) == "name")
    assert row.select("td")[5].get_text(strip=True) == next(iter(dataset.countries.values())).name


def test_the_contribute_pages_are_in_the_navigation(parsed):
    home = parsed("index.html")
    links = {a.get_text(strip=True): a["href"] for a in home.select("nav.md-nav--primary a[href]")}
    assert links.get("Data reference", "").endswith("contribute/data-reference/")
    assert links.get("Inclusion criteria", "").endswith("contribute/inclusion-criteria/")


def test_the_data_reference_lists_every_problem_code_with_its_meaning(parsed):
    from atlas.read.rules import RULES

    soup = parsed(REFERENCE)
    table = soup.find(id="problem-codes").find_next("table")
    rows = [[cell.get_text() for cell in row.find_all("td")] for row in table.select("tbody tr")]
    assert rows == [[rule.code, rule.meaning] for rule in RULES]
