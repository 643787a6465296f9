"""Record text is in our own words: no run of 10 words shared with a source document."""


import pytest
from helpers.broken_cases import PRACTICE, replace

from atlas.contrib.cli import main
from atlas.model.records import KINDS
from atlas.checks.own_words import find_copies, known_names, source_texts
from conftest import ROOT

SOURCES = ROOT.parent / "shared" / "sources"


def _records(dataset):
    for kind in (record_type.folder for record_type in KINDS.values()):
        for record_id, record in getattr(dataset, kind).items():
            yield f"data/{kind}/{record_id}.yaml", record


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the source documents are in ../shared/sources")
def test_no_record_text_shares_ten_consecutive_words_with_a_source(dataset):
    records = list(_records(dataset))
    copies = find_copies(records, source_texts(SOURCES), known_names(record for _, record in records))
    assert not copies, "\n".join(f"{c.record}: {c.field}: copied run \"{c.run}\"" for c in copies)


def test_a_copied_sentence_is_found_and_a_quoted_one_is_allowed(dataset):
    source = "The ministry created a national committee that meets every month with all the line ministries."
    practice = next(iter(dataset.practices.values()))
    copied = practice.model_copy(update={"summary": "Here: a national committee that meets every month with all the line ministries."})
    quoted = practice.model_copy(update={"summary": 'It set up "a national committee that meets every month with all the line ministries".'})
    found = find_copies([("copied", copied), ("quoted", quoted)], [source])
    assert [(c.record, c.field) for c in found] == [("copied", "summary")]
    assert found[0].run == "a national committee that meets every month with all the line ministries"


def test_a_known_name_may_be_written_in_full(dataset):
    source = "Countries follow the Global Code of Practice on the International Recruitment of Health Personnel closely."
    practice = next(iter(dataset.practices.values()))
    naming = practice.model_copy(update={"summary": "It applies the Global Code of Practice on the International Recruitment of Health Personnel."})
    name = "Global Code of Practice on the International Recruitment of Health Personnel"
    assert find_copies([("naming", naming)], [source], [name]) == []
    assert len(find_copies([("naming", naming)], [source])) == 1


# --- inside `atlas validate`: every text field, names exempt only up to MAX_NAME_WORDS ---

def _copied(count: int, skip: int = 0) -> str:
    """`count` words in a row of a source document, read from it (the repository holds no copy)."""
    text = (SOURCES / "002_aad6c97b26b33a25.txt").read_text(encoding="utf-8")
    start = text.index("There is an increase in the negative narrative")
    return " ".join(text[start:].split()[skip:skip + count]).rstrip(".,;:")


def _validate(data, capsys) -> list[str]:
    main(["validate", "--data", str(data), "--sources", str(SOURCES)])
    return [line for line in capsys.readouterr().out.splitlines() if "error [" in line]


needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="the source documents are in ../shared/sources")


@needs_sources
def test_validate_finds_a_copied_sentence_in_any_text_field_with_its_line(data_copy, capsys):
    replace(PRACTICE, "    counts: Moldovan localities that set up a hometown association",
            f"    counts: {_copied(14)}")(data_copy)
    [line] = _validate(data_copy, capsys)
    assert line.startswith(f"data/{PRACTICE}:33:13: error [copied-text] figures[0].counts: 14 words in a row")


@needs_sources
def test_a_copied_sentence_cannot_pass_as_a_name(data_copy, capsys):
    replace(PRACTICE, "  - HTAs", f"  - {_copied(41)}")(data_copy)
    [line] = _validate(data_copy, capsys)
    assert "error [bad-text] aliases[0]: a name or heading has at most 40 words, this one 41" in line


@needs_sources
def test_a_sentence_cut_into_aliases_is_no_name_in_a_summary(data_copy, capsys):
    pieces = [_copied(15, skip) for skip in (0, 15, 30)]
    aliases = "".join(f"  - {piece}\n" for piece in pieces)
    replace(PRACTICE, "  - HTAs\n", aliases)(data_copy)
    replace(PRACTICE, "  As part of the Migration", f"  {' '.join(pieces)}. As part of the Migration")(data_copy)
    [line] = _validate(data_copy, capsys)
    assert "error [copied-text] summary: 45 words in a row" in line
    # One alias alone is a name, and a summary may use it.
    replace(PRACTICE, f"  {' '.join(pieces)}. As part", f"  {pieces[0]}, as part")(data_copy)
    assert _validate(data_copy, capsys) == []


def test_without_the_source_texts_validate_says_it_did_not_check(data_copy, capsys, monkeypatch):
    monkeypatch.delenv("ATLAS_SOURCE_TEXTS", raising=False)
    assert main(["validate", "--data", str(data_copy)]) == 0
    assert "note: own words not checked: no source texts in" in capsys.readouterr().err
