"""The data model: one pydantic class per record kind, the single definition of the schema.

Everything else is derived from these classes: the JSON Schema for editors, the field reference
page, the new-record template and the reference checks (through the `RefTo` and `TermOf` markers
on a field's type). The model knows nothing of files, YAML or MkDocs.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from atlas.model.prose_links import prose_links
from atlas.model.text_limits import MAX_NAME_WORDS, why_line_unreadable, why_prose_too_complex
from atlas.model.web_address import why_not_public, why_text_misleads

# Matched with fullmatch, never match: "$" would also accept an id that ends in a newline.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 80
# Names Windows refuses as file names, and names that would shadow a generated index page.
RESERVED_IDS = frozenset(
    {"con", "prn", "aux", "nul", "index", "assets", "search"}
    | {f"com{n}" for n in range(10)}
    | {f"lpt{n}" for n in range(10)}
)
# The fixed ids of the record pages' own sections (tests/site/test_site.py holds the templates to this
# list): a component's anchor sits on its framework page beside them and may not repeat one.
SECTION_ANCHORS = frozenset({
    "at-a-glance", "by-mechanism", "cite", "cite-document", "components", "components-by-lens", "figures", "frameworks", "lenses", "links",
    "members", "neighbours", "notes", "organizations", "parts", "practices", "records", "related",
    "sections", "sources",
})
MAX_LINE_LENGTH = 300
MAX_PROSE_LENGTH = 6000
MAX_PROSE_MARKUP = 50  # links and HTML-like brackets in one Markdown field


# --- markers read by the reference checks and the schema export -----------------------------


@dataclass(frozen=True)
class RefTo:
    """Marks a field whose value is the id of a record of `kind`."""

    kind: str


@dataclass(frozen=True)
class TermOf:
    """Marks a field whose value is a term id of the vocabulary `vocabulary`."""

    vocabulary: str


# --- scalar types ------------------------------------------------------------------------------


def _check_id(value: str) -> str:
    if len(value) > MAX_ID_LENGTH:
        raise PydanticCustomError("bad_id", f"an id has at most {MAX_ID_LENGTH} characters")
    if not ID_PATTERN.fullmatch(value):
        raise PydanticCustomError("bad_id", 
            "an id is lowercase letters, digits and single hyphens (kebab-case), e.g. 'one-stop-shops'"
        )
    if value in RESERVED_IDS:
        raise PydanticCustomError("bad_id", f"'{value}' is a reserved name and cannot be an id")
    return value


def _check_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise PydanticCustomError("bad_text", "this field is a single line of text; remove the line breaks")
    if value != value.strip() or not value:
        raise PydanticCustomError("bad_text", "text may not be empty or start or end with spaces")
    if (reason := why_line_unreadable(value)) is not None:
        raise PydanticCustomError("bad_text", "{reason}", {"reason": reason})
    return value


def _check_name(value: str) -> str:
    # The own-words rule lets a name be copied from a source: a copied sentence must not pass as one.
    if (count := len(value.split())) > MAX_NAME_WORDS:
        raise PydanticCustomError(
            "bad_text", "a name or heading has at most {limit} words, this one {count}; "
            "say more in the summary or notes, in your own words", {"limit": MAX_NAME_WORDS, "count": count})
    return value


def _check_prose(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("bad_text", "text may not be empty")
    # Python-Markdown takes time quadratic in the number of brackets (6000 "[" take half a
    # minute): a pull request must not be able to stall the build.
    for character in "[<":
        if value.count(character) > MAX_PROSE_MARKUP:
            raise PydanticCustomError(
                "bad_text", f"at most {MAX_PROSE_MARKUP} '{character}' characters in one text field"
            )
    if (reason := why_prose_too_complex(value)) is not None:
        raise PydanticCustomError("bad_text", "{reason}", {"reason": reason})
    _check_prose_links(value)
    return value


def why_url_bad(value: str) -> str | None:
    """What is wrong with a link's address, or None: the rule for `links:` and for prose links."""
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return "a URL may not contain spaces or control characters"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is not a number from 0 to 65535
    except ValueError as error:
        return f"the link cannot be read: {error}"
    if parts.scheme not in ("http", "https"):
        return "only absolute http:// or https:// links are allowed"
    if not parts.hostname or value.startswith(("//", "http:///", "https:///")):
        return "the link has no host name"
    if parts.username or parts.password or "@" in parts.netloc:
        return "a link may not carry a user name or password"
    return why_not_public(parts)


def _check_url(value: str) -> str:
    if (reason := why_url_bad(value)) is not None:
        raise PydanticCustomError("bad_url", "{reason}", {"reason": reason})
    return value


def _check_prose_links(value: str) -> None:
    for text, target in prose_links(value):
        if not target.lower().startswith(("http:", "https:")):
            continue  # the sanitizer drops every other scheme; a relative link stays on the site
        reason = why_url_bad(target) or why_text_misleads(text, target)
        if reason is not None:
            raise PydanticCustomError("bad_link", "the link to {target} is refused: {reason}",
                                      {"target": target[:200], "reason": reason})


def _check_finite(value: float) -> float:
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("non_finite_number", "the number must be finite")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Line = Annotated[str, Field(max_length=MAX_LINE_LENGTH), AfterValidator(_check_line)]
# A title, name, alias, label or the source's own heading: text that may come from a source as is.
Name = Annotated[Line, AfterValidator(_check_name)]
Prose = Annotated[str, Field(max_length=MAX_PROSE_LENGTH), AfterValidator(_check_prose)]
Url = Annotated[str, Field(max_length=2000), AfterValidator(_check_url)]
Year = Annotated[int, Field(ge=1900, le=2100)]
Number = Annotated[float | int, AfterValidator(_check_finite)]

SourceRef = Annotated[Id, RefTo("source")]
CountryRef = Annotated[Id, RefTo("country")]
OrganizationRef = Annotated[Id, RefTo("organization")]
FrameworkRef = Annotated[Id, RefTo("framework")]
PracticeRef = Annotated[Id, RefTo("practice")]


def Term(vocabulary: str) -> Any:  # noqa: N802 - reads as a type in the field declarations
    return Annotated[Id, TermOf(vocabulary)]


# --- building blocks ---------------------------------------------------------------------------


class Strict(BaseModel):
    """A part of a record: unknown fields are errors, values are never coerced to text."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strict=True)


class Citation(Strict):
    """Where a fact comes from: a source document and a passage a reader can find."""

    source: SourceRef = Field(description="Id of the source document, e.g. \"002\" (in quotes).")
    locator: Name = Field(
        description="Section heading, paragraph or annex entry that holds the fact, e.g. "
        "\"Annex 1: Examples, Barcelona\"."
    )


Citations = Annotated[list[Citation], Field(min_length=1)]


class LensAssignment(Strict):
    lens: Term("lenses") = Field(description="Id of the lens.")
    reason: Line = Field(description="One line: why the record belongs to this lens.")


class Lenses(Strict):
    primary: LensAssignment = Field(description="The lens the record mainly illustrates.")
    secondary: list[LensAssignment] = Field(
        default=[], description="Other lenses the record also illustrates, each with its reason."
    )


class Actor(Strict):
    organization: OrganizationRef = Field(description="Id of the organization.")
    role: Term("actor-roles") = Field(description="What the organization does in the practice.")
    note: Line | None = Field(default=None, description="Optional detail on the role.")


class FrameworkLink(Strict):
    """How a practice serves a framework or one of its components, and on what ground."""

    framework: FrameworkRef = Field(description="Id of the framework.")
    component: Id | None = Field(
        default=None, description="Id of one of the framework's components, e.g. a PCMD criterion."
    )
    kind: Literal["stated", "classified"] = Field(
        description="stated: a source itself ties the practice to it (cite the passage under `source`); "
        "classified: the atlas's editors judge, from what the sources say of the practice, that it serves it."
    )
    reason: Line = Field(description="One sentence in our own words: why the practice relates to it.")
    source: Citation | None = Field(
        default=None, description="The passage that ties the practice to it; required when kind is stated."
    )


class Cautionary(Strict):
    """A record the sources give as an example of incoherence or harm, not of a practice to follow."""

    reason: Line = Field(description="One sentence in our own words: what the sources show it went wrong in.")
    source: Citation = Field(description="The passage that gives it as such an example.")


class Period(Strict):
    start: Year | None = Field(default=None, description="First year.")
    end: Year | None = Field(default=None, description="Last year, if it ended or was planned to end.")
    note: Line | None = Field(default=None, description="Anything the years alone don't say.")


class Figure(Strict):
    value: Number = Field(description="The number, without thousands separators.")
    unit: Line = Field(description="Unit of the value, e.g. people, USD, percent, projects.")
    counts: Line = Field(description="What the number counts, in a short phrase.")
    year: Year | None = Field(default=None, description="Year the figure refers to.")
    source: Citation = Field(description="Where the figure is given.")


class Relation(Strict):
    practice: PracticeRef = Field(description="Id of the related practice.")
    relation: Term("relations") = Field(description="How this practice relates to it.")


class Link(Strict):
    url: Url = Field(description="An http(s) address as the source gives it.")
    title: Name | None = Field(default=None, description="What the link leads to.")

    @field_validator("title")
    @classmethod
    def _title_names_its_target(cls, title: str | None, info: ValidationInfo) -> str | None:
        url = info.data.get("url")
        if title and url and (reason := why_text_misleads(title, url)) is not None:
            raise PydanticCustomError("bad_link", "{reason}", {"reason": reason})
        return title


class City(Strict):
    name: Name = Field(description="City name as commonly written in English.")
    country: CountryRef = Field(description="ISO 3166-1 alpha-3 code of its country, lowercase.")


class CountryRole(Strict):
    role: Term("country-roles") = Field(description="Role the country plays in the source.")
    source: Citation = Field(description="Where the source says so.")


def _check_anchor(value: str) -> str:
    if value in SECTION_ANCHORS:
        raise PydanticCustomError("bad_id", f"'{value}' is the id of a section of the framework page; "
                                  "choose another, e.g. 'criterion-1'")
    return value


class Component(Strict):
    id: Annotated[Id, AfterValidator(_check_anchor)] = Field(
        description="Anchor of the component on the framework page, e.g. criterion-1.")
    label: Name | None = Field(default=None, description="Its number or short label, e.g. Target 10.7.")
    title: Name = Field(description="Its name or a one-line statement of it.")
    summary: Prose | None = Field(default=None, description="Optional explanation, Markdown.")
    sources: list[Citation] = Field(default=[], description="Where the sources list it.")


def _check_count(value: int) -> int:
    if value < 1:
        raise PydanticCustomError("bad_count", "a count is a whole number of at least 1; write how many "
                                  "components the source says the framework has")
    return value


class ComponentCount(Strict):
    count: Annotated[int, AfterValidator(_check_count)] = Field(
        description="How many criteria, objectives, targets... the framework has in all.")
    source: Citation = Field(description="The passage that says so.")


# --- records -----------------------------------------------------------------------------------


# A GitHub user name: letters, digits and single hyphens inside, at most 39 characters.
GITHUB_HANDLE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")


def _check_handle(value: str) -> str:
    if not GITHUB_HANDLE.fullmatch(value):
        raise PydanticCustomError("bad_text", "a GitHub user name is letters, digits and single hyphens, at most "
                                  "39 characters, without '@'; e.g. octocat")
    return value


def _check_not_in_the_future(value: datetime.date) -> datetime.date:
    if value > datetime.date.today():
        raise PydanticCustomError("bad_date", "the review is dated after today; write the day it took place")
    return value


class Review(Strict):
    """An editor's check of the record against its sources."""

    date: Annotated[datetime.date, AfterValidator(_check_not_in_the_future)] = Field(
        description="Day of the review, YYYY-MM-DD.")
    reviewer: Annotated[str, AfterValidator(_check_handle)] = Field(
        description="GitHub user name of the reviewer, without '@', e.g. octocat.")
    checked: Line = Field(description="What was checked against which source, e.g. every fact against 002.")


class Record(Strict):
    """Fields every record shares. `kind` and `folder` say where its files live."""

    kind: ClassVar[str]
    folder: ClassVar[str]

    id: Id = Field(description="Id of the record: its file name without .yaml.")
    reviews: list[Review] = Field(
        default=[], description="Each check of the record against its sources by an editor, oldest first.")

    @property
    def label(self) -> str:
        return getattr(self, "title", None) or getattr(self, "name")

    @property
    def last_review(self) -> Review | None:
        return max(self.reviews, key=lambda review: review.date) if self.reviews else None


class Practice(Record):
    """A policy, programme, project, law, institution or mechanism described in a source."""

    kind: ClassVar[str] = "practice"
    folder: ClassVar[str] = "practices"

    title: Name = Field(description="Name of the practice in English.")
    aliases: list[Name] = Field(default=[], description="Acronyms and other names, shown on its page; not the title again.")
    search_spellings: list[Name] = Field(
        default=[], description="Other spellings a source prints, misprints included (SENECYT for SENESCYT): search "
        "finds the record by them; pages never show them.")
    summary: Prose = Field(description="What it is and does, in our own words (Markdown).")
    cautionary: Cautionary | None = Field(
        default=None,
        description="Set only when the sources give it as an example of incoherent or harmful policy: it is "
        "then shown as a cautionary example and not counted among practices.",
    )
    lenses: Lenses = Field(description="Primary and secondary lenses, each with its reason.")
    levels: Annotated[list[Term("levels")], Field(min_length=1)] = Field(
        description="Levels of government involved."
    )
    countries: list[CountryRef] = Field(default=[], description="Countries where it takes place.")
    cities: list[City] = Field(default=[], description="Cities where it takes place.")
    sectors: list[Term("sectors")] = Field(default=[], description="Policy sectors it concerns.")
    mechanisms: Annotated[list[Term("mechanisms")], Field(min_length=1)] = Field(
        description="Kinds of mechanism it is."
    )
    actors: list[Actor] = Field(default=[], description="Organizations involved, with their role.")
    frameworks: list[FrameworkLink] = Field(default=[], description="Frameworks it relates to.")
    period: Period | None = Field(default=None, description="When it ran, as far as the source says.")
    figures: list[Figure] = Field(default=[], description="Numbers the sources give about it.")
    related: list[Relation] = Field(default=[], description="Related practices.")
    links: list[Link] = Field(default=[], description="Web links as the source gives them.")
    notes: Prose | None = Field(
        default=None, description="Corrections of source errors, disagreements between sources."
    )
    editorial_notes: Prose | None = Field(
        default=None,
        description="Notes for editors: scanning errors in the source text, spellings corrected, how a "
        "name was read. Shown folded, under Editorial notes.",
    )
    sources: Citations = Field(description="Every passage the record rests on.")


class Country(Record):
    """A country named in the sources."""

    kind: ClassVar[str] = "country"
    folder: ClassVar[str] = "countries"

    name: Name = Field(description="Short English name, as titles across the atlas write it (Türkiye).")
    aliases: list[Name] = Field(
        default=[], description="Other names the sources use (Turkey): search finds the country by them, and "
        "titles use its name instead.")
    region: Term("regions") = Field(description="World region.")
    roles: list[CountryRole] = Field(
        default=[], description="Origin, transit or destination, as a source describes it."
    )
    summary: Prose | None = Field(default=None, description="What the sources say of it, Markdown.")
    figures: list[Figure] = Field(default=[], description="Numbers the sources give about it.")
    notes: Prose | None = Field(default=None, description="Corrections, disagreements.")
    editorial_notes: Prose | None = Field(
        default=None,
        description="Notes for editors: scanning errors in the source text, spellings corrected, how a "
        "name was read. Shown folded, under Editorial notes.",
    )
    sources: Citations = Field(description="Passages that name the country.")


class Framework(Record):
    """An agreement, goal, index, handbook, resolution or criteria set cited by the sources."""

    kind: ClassVar[str] = "framework"
    folder: ClassVar[str] = "frameworks"

    title: Name = Field(description="Full name.")
    aliases: list[Name] = Field(default=[], description="Acronyms and other names, shown on its page; not the title again.")
    search_spellings: list[Name] = Field(
        default=[], description="Other spellings a source prints, misprints included (SENECYT for SENESCYT): search "
        "finds the record by them; pages never show them.")
    framework_kind: Term("framework-kinds") = Field(description="What kind of framework it is.")
    summary: Prose = Field(description="What it is, in our own words (Markdown).")
    year: Year | None = Field(default=None, description="Year adopted or published.")
    parent: FrameworkRef | None = Field(default=None, description="Framework it belongs to.")
    organizations: list[OrganizationRef] = Field(
        default=[], description="Organizations that adopted, publish or run it."
    )
    components_in_all: ComponentCount | None = Field(
        default=None, description="How many components the framework has in all, only where a source says so "
        "(the atlas may list only those the sources cite).")
    components: list[Component] = Field(
        default=[], description="Criteria, objectives, targets or dimensions the sources list."
    )
    links: list[Link] = Field(default=[], description="Web links as the source gives them.")
    notes: Prose | None = Field(default=None, description="Corrections, disagreements.")
    editorial_notes: Prose | None = Field(
        default=None,
        description="Notes for editors: scanning errors in the source text, spellings corrected, how a "
        "name was read. Shown folded, under Editorial notes.",
    )
    sources: Citations = Field(description="Passages that cite it.")


class Organization(Record):
    """A UN body, intergovernmental body, government agency, network, NGO, union or forum."""

    kind: ClassVar[str] = "organization"
    folder: ClassVar[str] = "organizations"

    name: Name = Field(description="Full name in English.")
    aliases: list[Name] = Field(default=[], description="Acronyms and other names, shown on its page; not the name again.")
    search_spellings: list[Name] = Field(
        default=[], description="Other spellings a source prints, misprints included (SENECYT for SENESCYT): search "
        "finds the record by them; pages never show them.")
    organization_kind: Term("organization-kinds") = Field(description="What kind of body it is.")
    country: CountryRef | None = Field(default=None, description="Its country, for national bodies.")
    parent: OrganizationRef | None = Field(default=None, description="Body it is part of.")
    summary: Prose | None = Field(default=None, description="What it is, Markdown.")
    links: list[Link] = Field(default=[], description="Web links as the source gives them.")
    notes: Prose | None = Field(default=None, description="Corrections, disagreements.")
    editorial_notes: Prose | None = Field(
        default=None,
        description="Notes for editors: scanning errors in the source text, spellings corrected, how a "
        "name was read. Shown folded, under Editorial notes.",
    )
    sources: Citations = Field(description="Passages that name it.")


class Source(Record):
    """One of the source documents the atlas is built from."""

    kind: ClassVar[str] = "source"
    folder: ClassVar[str] = "sources"

    title: Name = Field(description="Full title of the document.")
    short_title: Name = Field(description="A few words to name it in lists.")
    marker: Annotated[Name, Field(max_length=24)] = Field(
        description="Two or three words that stand for it in a text's source markers, e.g. GFMD 2018: a summary's "
        "(002) shows as (GFMD 2018), linked to the source's page."
    )
    document_type: Line = Field(description="Report, background paper, rapporteur's report...")
    publisher: Name = Field(description="Who issued it.")
    event: Name | None = Field(default=None, description="Meeting or process it was prepared for.")
    place: Name | None = Field(default=None, description="Where the event took place.")
    date: Line = Field(description="Date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.")
    year: Year = Field(description="Year of the document.")
    authors: list[Name] = Field(default=[], description="Authors, or the bodies that prepared it.")
    file: Line = Field(description="File name of the text extraction in the sources folder.")
    summary: Prose = Field(description="What the document covers, in our own words.")
    sections: list[Name] = Field(default=[], description="Main sections, to help locate passages.")
    figures: list[Figure] = Field(default=[], description="Context figures that belong to no record.")
    links: list[Link] = Field(default=[], description="Where the document can be found.")


class VocabularyTerm(Strict):
    id: Id = Field(description="Id used in records.")
    label: Name = Field(description="How the term is shown.")
    description: Prose | None = Field(default=None, description="What it means, Markdown.")
    inverse: Line | None = Field(
        default=None, description="For relations: the label seen from the other record."
    )
    sources: list[Citation] = Field(default=[], description="Where the sources define it.")


class Vocabulary(Strict):
    """A closed list of terms records choose from (lenses, levels, sectors...)."""

    kind: ClassVar[str] = "vocabulary"
    folder: ClassVar[str] = "vocabularies"

    id: Id = Field(description="Id of the record: its file name without .yaml.")
    title: Name = Field(description="Name of the list.")
    description: Prose | None = Field(default=None, description="What the list is for.")
    terms: Annotated[list[VocabularyTerm], Field(min_length=1)] = Field(description="The terms.")


RECORD_TYPES: tuple[type[Record], ...] = (Practice, Country, Framework, Organization, Source)
KINDS: dict[str, type[Record]] = {cls.kind: cls for cls in RECORD_TYPES}
# The kinds whose records cite source documents: all but the documents themselves.
CITING_KINDS: tuple[str, ...] = tuple(kind for kind in KINDS if kind != "source")
FOLDERS: dict[str, type[Record] | type[Vocabulary]] = {
    cls.folder: cls for cls in (*RECORD_TYPES, Vocabulary)
}
