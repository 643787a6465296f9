"""Record text is in our own words: no run of 10 words shared with a source document."""

from pathlib import Path

import pytest

from atlas.own_words import find_copies, known_names, source_texts

SOURCES = Path(__file__).resolve().parent.parent.parent / "shared" / "sources"


def _records(dataset):
    for kind in ("practices", "countries", "frameworks", "organizations", "sources"):
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
