"""The "Propose a practice" form, filled in a real browser as a contributor would: the record it
writes loads back with exactly the text typed (template syntax, HTML, YAML's special characters
and a 2,000-character summary included); each mistake shows the validator's own message; the
GitHub link carries the file's name and content. The form is made from the model, so a field the
model gains appears in it (test at the end)."""

import random
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest

from atlas.contrib.cli import main
from atlas.loader import load
from atlas.model.field_reference import fields_of
from atlas.model.records import Practice
from atlas.site.practice_form import EDITORS_ONLY
from helpers.browser import watched_page
from conftest import ROOT

HOSTILE = "{{ 7*7 }} {% raw %} <script>alert(1)</script> <b onclick=x>: # NO - yes & 'q' \"dq\" \\ ~ null"
# Words of no source: a summary this long must not trip the own-words rule, only be long.
WORDS = ("atlas", "ledger", "harbour", "quorum", "lantern", "meadow", "cobalt", "orchard", "signal", "ribbon")


def long_summary() -> str:
    rng = random.Random(7)
    text = "Line one: a colon\n# not a comment\n- not a list item\nNO\n" + HOSTILE + "\n"
    while len(text) < 2000:
        text += " ".join(rng.choice(WORDS) for _ in range(12)) + ". "
    return text[:1999] + "."


VALID = {
    "id": "proposed-hostile-practice",
    "title": HOSTILE,
    "aliases[0]": "- NO",
    "aliases[1]": "key: value",
    "summary": long_summary(),
    "lenses.primary.lens": "horizontal",
    "lenses.primary.reason": "Joins ministries: \"quoted\" #tag and - dash, NO.",
    "levels": ["national"],
    "countries[0]": "mda",
    "mechanisms": ["one-stop-shop"],
    "frameworks[0].framework": "pcmd",
    "frameworks[0].component": "criterion-1",
    "frameworks[0].kind": "classified",
    "frameworks[0].reason": "Brings ministries together on migration: " + HOSTILE,
    "frameworks[0].source.source": "002",
    "frameworks[0].source.locator": "Annex 1: Examples, Moldova — Outgoing migration",
    "period.start": "2015",
    "links[0].url": "https://www.undp.org/moldova",
    "sources[0].source": "002",
    "sources[0].locator": "Annex 1: Examples, Moldova — Outgoing migration",
}

# Finds the control at a validator path ("frameworks[0].source.locator"), adding list items as needed.
LOCATE = """([path]) => {
  const direct = (container, name) => [...container.querySelectorAll(`[data-field="${name}"]`)]
    .find(el => el.parentElement.closest('[data-field], form') === container);
  let container = document.getElementById('practice-form');
  for (const segment of path.split('.')) {
    const [, name, index] = segment.match(/^([a-z_]+)(?:\\[(\\d+)\\])?$/);
    let control = direct(container, name);
    if (index !== undefined) {
      const items = () => control.querySelector('[data-items]').children;
      while (items().length <= Number(index)) control.querySelector(':scope > [data-action="add"]').click();
      control = items()[Number(index)];
    }
    container = control;
  }
  return container.matches('[data-widget="checkboxes"]') ? container
    : container.querySelector(':scope > label > input, :scope > label > textarea, :scope > label > select');
}"""


@pytest.fixture
def form(browser, base_url):
    page = watched_page(browser, base_url)
    page.goto(base_url + "/contribute/propose/")
    page.wait_for_selector("#practice-form[data-ready]")
    yield page
    assert page.errors == [] and page.foreign == []
    page.close()


def fill(page, entries: dict) -> None:
    for path, value in entries.items():
        element = page.evaluate_handle(LOCATE, [path]).as_element()
        if isinstance(value, list):
            for choice in value:
                element.query_selector(f'input[value="{choice}"]').check()
        elif element.evaluate("e => e.tagName") == "SELECT":
            element.select_option(value)
        else:
            element.fill(value)


def written(page) -> str:
    return page.locator("#pf-yaml").text_content()


def problems(page) -> list[str]:
    """The problems listed, each as the validator writes it (the page shows `code` as code)."""
    return page.locator("#pf-problems li").evaluate_all("items => items.map(li => li.dataset.message)")


def loaded(tmp_path, text: str, identifier: str):
    """The atlas's own loader on a copy of the data with the form's file added."""
    data = tmp_path / "data"
    if not data.exists():
        shutil.copytree(ROOT / "data", data)
    (data / "practices" / f"{identifier}.yaml").write_text(text, encoding="utf-8")
    return load(data, shown_as="data")


def test_a_valid_entry_loads_back_with_every_text_exactly_as_typed(form, tmp_path):
    fill(form, VALID)
    assert problems(form) == []
    result = loaded(tmp_path, written(form), VALID["id"])
    assert [p.format() for p in result.problems] == []
    practice = result.dataset.practices[VALID["id"]]
    assert practice.title == HOSTILE and practice.aliases == ["- NO", "key: value"]
    assert practice.summary == VALID["summary"] and len(practice.summary) == 2000
    assert practice.lenses.primary.reason == VALID["lenses.primary.reason"]
    assert practice.frameworks[0].reason == VALID["frameworks[0].reason"]
    assert practice.frameworks[0].source.locator == VALID["frameworks[0].source.locator"]
    assert practice.period.start == 2015 and practice.countries == ["mda"]
    assert written(form).startswith("# yaml-language-server: $schema=../../schema/practices.schema.json\n")
    # The contributor's own command, own-words check included, passes on it too.
    assert main(["validate", "--data", str(tmp_path / "data"), "--sources", str(ROOT.parent / "shared" / "sources")]) == 0


def test_the_github_link_carries_the_file_name_and_the_file(form):
    fill(form, VALID)
    link = urlsplit(form.locator("#pf-github").get_attribute("href"))
    assert (link.scheme, link.netloc, link.path) == ("https", "github.com", "/migration-policy-atlas/atlas/new/main")
    query = parse_qs(link.query)
    assert query["filename"] == [f"data/practices/{VALID['id']}.yaml"]
    assert query["value"] == [written(form)]
    assert form.locator("#pf-github").get_attribute("aria-disabled") == "false"


# Each mistake, made on the valid entry: the form's message is the one `atlas validate` gives
# for the file the form writes.
MISTAKES = {
    "missing title": {"title": ""},
    "title too long": {"title": "Hometown " * 40},
    "summary too short": {"summary": "Too short to say what it is."},
    "lens reason too short": {"lenses.primary.reason": "Ministries."},
    "a link that is not http": {"links[0].url": "javascript:alert(1)"},
    "a stated link without its passage": {"frameworks[0].kind": "stated", "frameworks[0].source.source": "",
                                          "frameworks[0].source.locator": ""},
    "a year out of range": {"period.start": "1850"},
    "an organization without its role": {"actors[0].organization": "undp"},
    "no source passage": {"sources[0].source": "", "sources[0].locator": ""},
    "no level": {},
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_mistake_shows_the_validators_message(form, tmp_path, mistake):
    entries = dict(VALID, **MISTAKES[mistake])
    if mistake == "no level":
        entries.pop("levels")
    fill(form, entries)
    shown = problems(form)
    assert shown, "the form found no problem"
    result = loaded(tmp_path, written(form), VALID["id"])
    assert [p.format().split(": error ", 1)[1] for p in result.problems] == shown
    assert form.locator("#pf-github").get_attribute("aria-disabled") == "true"
    assert form.locator("#pf-github").get_attribute("href") is None


def test_an_id_that_exists_or_is_not_an_id_is_refused_where_it_is_typed(form):
    fill(form, dict(VALID, id="moldova-hometown-associations"))
    assert problems(form)[0] == ("id: a practice with the id 'moldova-hometown-associations' already exists "
                                 "(Hometown associations in Moldovan localities); choose another id, or edit that "
                                 "record from its page")
    assert "already exists" in form.locator('#practice-form > [data-field="id"] [data-problem]').text_content()
    fill(form, {"id": "Hometown Associations"})
    assert problems(form) == ["[bad-id] id: 'Hometown Associations' is not an id; an id is lowercase letters, "
                              "digits and single hyphens (kebab-case), e.g. 'one-stop-shops'"]


def test_the_form_has_a_control_for_every_field_a_proposer_writes(parsed):
    soup = parsed("contribute/propose/index.html")
    top = [el["data-field"] for el in soup.select("#practice-form > [data-field]")]
    assert top == [doc.name for doc in fields_of(Practice) if doc.name not in EDITORS_ONLY]
    required = {el["data-field"] for el in soup.select("#practice-form > [data-field][data-required]")}
    required |= {el["data-field"] for el in soup.select("#practice-form > [data-field][data-min]") if el["data-min"] != "0"}
    assert required == {doc.name for doc in fields_of(Practice) if doc.required}
