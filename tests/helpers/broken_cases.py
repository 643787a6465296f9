"""The mistakes contributors make, one per case: how to make it in a copy of the fixture data.

Each case edits the valid fixture data (tests/fixtures/valid plus the real sources and
vocabularies) in one way. tests/site/test_broken_records.py asserts the exact message each produces.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable

PRACTICE = "practices/moldova-hometown-associations.yaml"
OTHER = "practices/moldova-migration-and-local-development.yaml"

FRAMEWORK = """\
id: pcmd
title: Policy coherence for migration and development
framework_kind: criteria
summary: >-
  A set of criteria against which a government can measure how coherent its migration and
  development policies are.
components:
  - id: criterion-1
    title: Migration is part of national development planning.
  - id: criterion-2
    title: Ministries coordinate on migration.
sources:
  - source: "002"
    locator: "Participation Mechanisms in service delivery, paragraph 30"
"""

# A framework link written into the practice, before `related:`.
LINK = """\
frameworks:
  - framework: pcmd
    component: {component}
    kind: {kind}
    reason: Gives emigrants a standing say in local development, an instance of the criterion.
"""

PUBLISHED = """\
practices:
  - moldova-hometown-associations
  - moldova-migration-and-local-development
countries:
  - mda
organizations:
  - undp
"""


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        path = data / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture text {old!r} not found in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def write(relative: str, content: str | bytes) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        path = data / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return edit


def rename(relative: str, new_relative: str, old_id: str, new_id: str) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        text = (data / relative).read_text(encoding="utf-8")
        (data / relative).unlink()
        (data / new_relative).write_text(text.replace(f"id: {old_id}", f"id: {new_id}", 1), encoding="utf-8")
    return edit


def symlink(relative: str, target: str) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        os.symlink(data / target, data / relative)
    return edit


def steps(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        for step in edits:
            step(data)
    return edit


def linked(links: str) -> Callable[[Path], None]:
    """The PCMD fixture framework, and `links` (a `frameworks:` block) written into the practice."""
    return steps(write("frameworks/pcmd.yaml", FRAMEWORK), replace(PRACTICE, "related:", links + "related:"))


class Case:
    """A mistake: its name (the test id), how to make it, and the exact lines `make validate`
    prints for it (`file:line:col: error [code] field: what is wrong; hint`)."""

    def __init__(self, name: str, make: Callable[[Path], None], *messages: str):
        self.name, self.make, self.messages = name, make, messages


CASES: list[Case] = [
    Case(
        'yaml-syntax',
        replace(PRACTICE, "  primary:\n    lens: engagement", "  primary:\n    lens: engagement\n   bad: x"),
        'data/practices/moldova-hometown-associations.yaml:13:4: error [yaml-syntax] YAML syntax error: while parsing a block mapping did not find expected key; check the indentation and quoting on this line and the one above',
    ),
    Case(
        'tab-indentation',
        replace(PRACTICE, "levels:\n  - local", "levels:\n\t- local"),
        'data/practices/moldova-hometown-associations.yaml:18:1: error [yaml-syntax] YAML syntax error: while scanning for the next token found character that cannot start any token; YAML does not allow tabs for indentation: indent with spaces',
    ),
    Case(
        'duplicate-key',
        replace(PRACTICE, "levels:\n  - local\n", "levels:\n  - local\nlevels:\n  - national\n"),
        "data/practices/moldova-hometown-associations.yaml:19:1: error [duplicate-key] levels: key 'levels' appears twice (first on line 17); keep one of the two and delete the other",
    ),
    Case(
        'unknown-field',
        replace(PRACTICE, "    role: partner", "    rol: partner"),
        'data/practices/moldova-hometown-associations.yaml:27:5: error [missing-field] actors[0].role: required field is missing; add `role:` (What the organization does in the practice)',
        'data/practices/moldova-hometown-associations.yaml:28:10: error [unknown-field] actors[0].rol: unknown field `rol`; did you mean `role`? allowed fields here: organization, role, note',
    ),
    Case(
        'missing-field',
        replace(PRACTICE, "mechanisms:\n  - hometown-association\n", ""),
        'data/practices/moldova-hometown-associations.yaml:1:1: error [missing-field] mechanisms: required field is missing; add `mechanisms:` (Kinds of mechanism it is)',
    ),
    Case(
        'empty-required-list',
        replace(PRACTICE, "levels:\n  - local\n", "levels: []\n"),
        'data/practices/moldova-hometown-associations.yaml:17:9: error [missing-field] levels: the list is empty; give at least one item',
    ),
    Case(
        'wrong-type-list',
        replace(PRACTICE, "countries:\n  - mda\n", "countries: mda\n"),
        'data/practices/moldova-hometown-associations.yaml:19:12: error [wrong-type] countries: expected a list (lines starting with `- `), got `mda`; write it as a list: `- mda` on the next line, indented by two spaces',
    ),
    Case(
        'wrong-type-number',
        replace(PRACTICE, "  - value: 38", "  - value: thirty-eight"),
        'data/practices/moldova-hometown-associations.yaml:31:12: error [wrong-type] figures[0].value: expected a number, got `thirty-eight`; write a number here',
    ),
    Case(
        'not-text-boolean',
        replace(PRACTICE, "  - HTAs", "  - NO"),
        'data/practices/moldova-hometown-associations.yaml:4:5: error [not-text] aliases[0]: expected text, but YAML reads `NO` as a true/false value; put it in quotes: "NO"',
    ),
    Case(
        'unquoted-source-id',
        replace(PRACTICE, '      source: "002"', "      source: 002"),
        'data/practices/moldova-hometown-associations.yaml:35:15: error [not-text] figures[0].source.source: expected text, but YAML reads `002` as a number; put it in quotes: "002"',
    ),
    Case(
        'multi-line-title',
        replace(PRACTICE, "title: Hometown associations in Moldovan localities", "title: |\n  Hometown associations\n  in Moldova"),
        'data/practices/moldova-hometown-associations.yaml:2:8: error [bad-text] title: this field is a single line of text; remove the line breaks',
    ),
    Case(
        'empty-value',
        replace(PRACTICE, "title: Hometown associations in Moldovan localities", 'title: ""'),
        'data/practices/moldova-hometown-associations.yaml:2:8: error [empty-value] title: no value given; fill it in: Name of the practice in English',
    ),
    Case(
        'unknown-reference',
        replace(PRACTICE, "organization: undp", "organization: undpp"),
        "data/practices/moldova-hometown-associations.yaml:27:19: error [unknown-reference] actors[0].organization: no organization has the id 'undpp'; did you mean 'undp'?",
    ),
    Case(
        'wrong-reference-type',
        replace(PRACTICE, "  - mda", "  - undp"),
        "data/practices/moldova-hometown-associations.yaml:20:5: error [wrong-reference-type] countries[0]: 'undp' is an organization, not a country; use the id of a country record here",
    ),
    Case(
        'unknown-term',
        replace(PRACTICE, "    lens: engagement", "    lens: engagment"),
        "data/practices/moldova-hometown-associations.yaml:12:11: error [unknown-term] lenses.primary.lens: 'engagment' is not a term of the vocabulary 'lenses'; did you mean 'engagement'? allowed: engagement, horizontal, vertical",
    ),
    Case(
        'bad-id',
        replace(PRACTICE, "id: moldova-hometown-associations", "id: Moldova_HTAs"),
        "data/practices/moldova-hometown-associations.yaml:1:5: error [bad-id] id: 'Moldova_HTAs' is not an id; an id is lowercase letters, digits and single hyphens (kebab-case), e.g. 'one-stop-shops'",
    ),
    Case(
        'id-mismatch',
        replace(PRACTICE, "id: moldova-hometown-associations", "id: moldova-htas"),
        "data/practices/moldova-hometown-associations.yaml:1:5: error [id-mismatch] id: the id 'moldova-htas' differs from the file name 'moldova-hometown-associations'; make them the same: rename the file to moldova-htas.yaml or set `id: moldova-hometown-associations`",
    ),
    Case(
        'bad-file-name',
        write("practices/Hometown_Associations.yaml", "id: x\n"),
        "data/practices/Hometown_Associations.yaml:1:1: error [bad-file-name] 'Hometown_Associations.yaml' is not <id>.yaml with a kebab-case id; use lowercase letters, digits and hyphens, e.g. one-stop-shops.yaml",
    ),
    Case(
        'duplicate-component-id',
        steps(write("frameworks/pcmd.yaml", FRAMEWORK.replace("id: criterion-2", "id: criterion-1"))),
        "data/frameworks/pcmd.yaml:10:9: error [duplicate-id] components[1].id: 'criterion-1' is used twice in this list (also item 0); give each item its own id",
    ),
    Case(
        'unknown-component',
        linked(LINK.format(component="criterion-3", kind="classified")),
        "data/practices/moldova-hometown-associations.yaml:39:16: error [unknown-component] frameworks[0].component: framework 'pcmd' has no component 'criterion-3'; did you mean 'criterion-2' or 'criterion-1'? its components: criterion-1, criterion-2",
    ),
    Case(
        'bad-component-count',
        write("frameworks/pcmd.yaml", FRAMEWORK.replace("components:\n", "components_in_all:\n  count: 0\n  source:\n"
                                                        "    source: \"002\"\n    locator: \"Annex 1\"\ncomponents:\n")),
        "data/frameworks/pcmd.yaml:8:10: error [bad-value] components_in_all.count: a count is a whole number of "
        "at least 1; write how many components the source says the framework has",
    ),
    Case(
        'uncited-link',
        linked(LINK.format(component="criterion-1", kind="stated")),
        "data/practices/moldova-hometown-associations.yaml:40:11: error [uncited-link] frameworks[0].kind: the link to 'pcmd#criterion-1' is stated by a source but cites no passage; add `source:` with the source and locator where it says so, or make it `kind: classified` if it is the atlas's own judgement",
    ),
    Case(
        'repeated-link',
        linked(LINK.format(component="criterion-1", kind="classified")
               + LINK.format(component="criterion-1", kind="classified").removeprefix("frameworks:\n")),
        "data/practices/moldova-hometown-associations.yaml:42:16: error [repeated-link] frameworks[1].framework: the link to 'pcmd#criterion-1' is given more than once; give each framework or component once, with one reason",
    ),
    Case(
        'link-reason-too-short',
        linked(LINK.format(component="criterion-1", kind="classified").replace(
            "reason: Gives emigrants a standing say in local development, an instance of the criterion.",
            "reason: Diaspora.")),
        'data/practices/moldova-hometown-associations.yaml:41:13: error [reason-too-short] frameworks[0].reason: the reason has 9 characters; at least 20 are needed; say in a short sentence why the practice serves this framework or component',
    ),
    Case(
        'unknown-link-kind',
        linked(LINK.format(component="criterion-1", kind="implied")),
        "data/practices/moldova-hometown-associations.yaml:40:11: error [bad-value] frameworks[0].kind: `implied` is not allowed here; write 'stated' or 'classified': stated: a source itself ties the practice to it (cite the passage under `source`); classified: the atlas's editors judge, from what the sources say of the practice, that it serves it",
    ),
    Case(
        'removed-without-redirect',
        steps(write("published.yaml", PUBLISHED), rename(PRACTICE, "practices/moldova-htas.yaml", "moldova-hometown-associations", "moldova-htas")),
        "data/published.yaml:2:5: error [removed-without-redirect] practices[0]: the practice 'moldova-hometown-associations' was published at /practices/moldova-hometown-associations/ but no record has this id any more; if you renamed or merged it, add `moldova-hometown-associations: <new id>` under `redirects:` > `practices:` in data/published.yaml; if you did not mean to remove it, restore data/practices/moldova-hometown-associations.yaml",
    ),
    Case(
        'redirect-to-nothing',
        steps(write("published.yaml", PUBLISHED + "redirects:\n  practices:\n    moldova-hta: moldova-htas\n")),
        "data/published.yaml:10:18: error [redirect-to-nothing] redirects.practices.moldova-hta: 'moldova-hta' is redirected to 'moldova-htas', but no practice has the id 'moldova-htas'; redirect it to the id of an existing practice",
    ),
    Case(
        'bad-year',
        replace(PRACTICE, "    unit: communities", "    unit: communities\n    year: 20017"),
        'data/practices/moldova-hometown-associations.yaml:33:11: error [bad-year] figures[0].year: `20017` is not a year in the allowed range; the largest value allowed is 2100; write the year with four digits, e.g. 2017',
    ),
    Case(
        'bad-url',
        replace("organizations/undp.yaml", "organization_kind: un-body", "organization_kind: un-body\nlinks:\n  - url: javascript:alert(1)"),
        "data/organizations/undp.yaml:7:10: error [bad-url] links[0].url: 'javascript:alert(1)' is not a link the atlas accepts; only absolute http:// or https:// links are allowed: write the full address, e.g. https://www.undp.org/",
    ),
    Case(
        'url-without-scheme',
        replace("organizations/undp.yaml", "organization_kind: un-body", "organization_kind: un-body\nlinks:\n  - url: www.undp.org"),
        "data/organizations/undp.yaml:7:10: error [bad-url] links[0].url: 'www.undp.org' is not a link the atlas accepts; only absolute http:// or https:// links are allowed: write the full address, e.g. https://www.undp.org/",
    ),
    Case(
        'bad-date',
        replace(PRACTICE, "title: Hometown", "reviews:\n  - date: 2026-02-30\n    reviewer: octocat\n    checked: every fact\ntitle: Hometown"),
        "data/practices/moldova-hometown-associations.yaml:3:11: error [bad-date] reviews[0].date: '2026-02-30' is not a real date; write a date that exists, as YYYY-MM-DD",
    ),
    Case(
        'bad-country-code',
        steps(write("countries/xyz.yaml", "id: xyz\nname: Nowhere\nregion: europe\nsources:\n  - source: \"002\"\n    locator: \"Annex 1\"\n")),
        "data/countries/xyz.yaml:1:5: error [bad-country-code] id: 'xyz' is not an ISO 3166-1 alpha-3 country code; use the lowercase ISO 3166-1 alpha-3 code, e.g. 'mda' for Moldova",
    ),
    Case(
        'self-reference',
        replace(PRACTICE, "practice: moldova-migration-and-local-development", "practice: moldova-hometown-associations"),
        'data/practices/moldova-hometown-associations.yaml:38:15: error [self-reference] related[0].practice: the record refers to itself; point at another record',
    ),
    Case(
        'yaml-anchor',
        replace(PRACTICE, "levels:\n  - local", "levels: &levels\n  - local"),
        'data/practices/moldova-hometown-associations.yaml:17:9: error [yaml-anchor] anchor &levels is not allowed; remove the anchor; anchors and aliases are not accepted',
    ),
    Case(
        'yaml-tag',
        replace(PRACTICE, "  - HTAs", "  - !!str HTAs"),
        'data/practices/moldova-hometown-associations.yaml:4:5: error [yaml-tag] explicit tag !!str is not allowed; remove the tag; to make a value text, put it in quotes',
    ),
    Case(
        'several-documents',
        replace(PRACTICE, "editorial_notes:", "---\neditorial_notes:"),
        'data/practices/moldova-hometown-associations.yaml:45:1: error [several-documents] the file holds more than one YAML document; keep one record per file and remove the `---` separator',
    ),
    Case(
        'empty-file',
        write(PRACTICE, ""),
        'data/practices/moldova-hometown-associations.yaml:1:1: error [empty-file] the file is empty; a record is a YAML mapping of fields, starting with `id:`',
    ),
    Case(
        'not-a-mapping',
        write(PRACTICE, "- id: moldova-hometown-associations\n"),
        'data/practices/moldova-hometown-associations.yaml:1:1: error [not-a-mapping] the document is not a mapping of fields; a record is a YAML mapping of `field: value` lines, starting with `id:`',
    ),
    Case(
        'forbidden-character',
        replace(PRACTICE, "Hometown associations", "Hometown\u202eassociations"),
        'data/practices/moldova-hometown-associations.yaml:2:16: error [forbidden-character] invisible or control character U+202E; delete it; records may not contain control, bidirectional or zero-width characters',
    ),
    Case(
        'bad-encoding',
        write(PRACTICE, b"id: moldova-hometown-associations\ntitle: caf\xe9\n"),
        'data/practices/moldova-hometown-associations.yaml:2:11: error [bad-encoding] the file is not valid UTF-8; save the file as UTF-8',
    ),
    Case(
        'unexpected-file',
        write("practices/notes.txt", "a note"),
        'data/practices/notes.txt:1:1: error [unexpected-file] only .yaml record files belong in this folder; rename it to <id>.yaml, or remove it',
    ),
    Case(
        'symlink',
        symlink("practices/copy.yaml", PRACTICE),
        'data/practices/copy.yaml:1:1: error [symlink] symbolic links are not allowed; replace the link with the file itself',
    ),
    Case(
        'editor-jargon',
        replace(PRACTICE, "editorial_notes: >-\n  The annex of the GFMD 2018 background paper prints",
                "notes: >-\n  The annex of source 002 prints"),
        'data/practices/moldova-hometown-associations.yaml:45:8: error [editor-jargon] notes: "scanning" is editors\' shorthand, not a reader\'s language; move notes about the source\'s text (scanning errors, corrected spellings) to editorial_notes',
        'data/practices/moldova-hometown-associations.yaml:45:8: error [editor-jargon] notes: "source 002" is editors\' shorthand, not a reader\'s language; name the document (the GFMD 2018 background paper…), or cite it with a marker such as (002)',
    ),
    Case(
        'alias-repeats',
        replace(PRACTICE, "aliases:\n  - HTAs\n", "aliases:\n  - HTAs\n  - Hometown Associations in Moldovan localities\n"),
        'data/practices/moldova-hometown-associations.yaml:5:5: error [alias-repeats] aliases[1]: the alias "Hometown Associations in Moldovan localities" repeats the title, which search already finds, accents and punctuation aside; remove it; a misprint the source prints goes in search_spellings',
    ),
    Case(
        'country-alias-in-title',
        replace(PRACTICE, "title: Hometown associations in Moldovan localities",
                "title: Hometown associations (Republic of Moldova)"),
        'data/practices/moldova-hometown-associations.yaml:2:8: error [country-alias-in-title] title: the title names Moldova by another of its names; write Moldova, as data/countries/mda.yaml names it; its other names are aliases, for search',
    ),
    Case(
        'summary-too-short',
        replace(PRACTICE, """summary: >-
  As part of the Migration and Local Development initiative, each of the 38 Moldovan communities
  taking part set up a hometown association: a standing body through which emigrants from the
  locality take part in local planning and development, with particular attention to the public
  services the community needs.""", "summary: Emigrants' associations."),
        'data/practices/moldova-hometown-associations.yaml:5:10: error [summary-too-short] summary: the summary has 24 characters; at least 60 are needed; say in your own words what it is, who runs it and what it does',
    ),
    Case(
        'repeated-lens',
        replace(PRACTICE, "    - lens: vertical", "    - lens: engagement"),
        "data/practices/moldova-hometown-associations.yaml:15:13: error [repeated-lens] lenses.secondary[0].lens: the lens 'engagement' is given more than once; give each lens once: the primary lens is not repeated among the secondary ones",
    ),
    Case(
        'reason-too-short',
        replace(PRACTICE, "reason: Gives emigrants a permanent channel into the planning of their home localities.", "reason: Diaspora."),
        'data/practices/moldova-hometown-associations.yaml:13:13: error [reason-too-short] lenses.primary.reason: the reason has 9 characters; at least 20 are needed; say in a short sentence why the record illustrates this lens',
    ),
    Case(
        'too-long',
        replace(PRACTICE, "title: Hometown associations in Moldovan localities", "title: " + "Hometown associations " * 15),
        'data/practices/moldova-hometown-associations.yaml:2:8: error [too-long] title: the text has 329 characters, too many for this field; shorten it to 300 characters or fewer',
    ),
    Case(
        'missing-vocabulary',
        lambda d: (d / "vocabularies" / "sectors.yaml").unlink(),
        "data/vocabularies/sectors.yaml:1:1: error [missing-vocabulary] the vocabulary 'sectors' is missing; restore the file from the repository",
    ),
    Case(
        'missing-folder',
        lambda d: shutil.rmtree(d),
        "data:1:1: error [missing-folder] the data folder does not exist",
    ),
    Case(
        'redirect-of-existing-record',
        write("published.yaml", PUBLISHED + "redirects:\n  practices:\n    moldova-hometown-associations: "
                                "moldova-migration-and-local-development\n"),
        "data/published.yaml:10:36: error [redirect-of-existing-record] redirects.practices.moldova-hometown-associations: "
        "'moldova-hometown-associations' is redirected to 'moldova-migration-and-local-development', but "
        "data/practices/moldova-hometown-associations.yaml still exists; remove the redirect, or the record it would hide",
    ),
]
