"""Work that grows with the data grows in proportion: no product of two sizes (issue 21, finding 4).

Each test doubles one dimension of a generated data set (records, the length of a list, the size
of a vocabulary, the number of problems) and counts the work: the Python lines executed, which,
unlike seconds, do not depend on the machine. Work beyond the base data set may at most double
(with a margin for rounding); the report of the problems stays bounded per problem.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pycountry
import pytest
import yaml

from atlas.loader import load
from atlas.read.problems import SHOWN_PER_CODE, report_lines
from atlas.site.country_profile import Neighbourhoods
from conftest import ROOT, TESTS

FIXTURES = TESTS / "fixtures" / "valid"
PRACTICE = yaml.safe_load((FIXTURES / "practices" / "moldova-hometown-associations.yaml").read_text())
CITATION = PRACTICE["sources"][0]
# Superlinear work doubles by 4 (a square) at least; linear work by 2 plus what does not scale.
MARGIN = 2.25
# Neither line nor hint of a problem may grow with the data (a hint once listed 5,000 terms).
LONGEST_LINE = 1200


def lines_run(work) -> tuple[int, object]:
    """How many Python lines `work()` executes, and what it returns."""
    count = 0

    def tracer(frame, event, argument):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        result = work()
    finally:
        sys.settrace(None)
    return count, result


def write(path: Path, record: dict) -> None:
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True))


def data_set(target: Path, organizations=0, actors=0, extra_terms=0, unknown_terms=0, unknown_actors=0,
             countries=0) -> Path:
    """The valid fixtures plus generated records; the practice `scale-practice` lists `actors` of
    the organizations, `unknown_actors` that do not exist and `unknown_terms` sectors that do not
    exist, in every generated country."""
    shutil.rmtree(target, ignore_errors=True)
    for folder in ("vocabularies", "sources"):
        shutil.copytree(ROOT / "data" / folder, target / folder)
    shutil.copytree(FIXTURES, target, dirs_exist_ok=True)
    for number in range(organizations):
        write(target / "organizations" / f"scale-org-{number}.yaml", {
            "id": f"scale-org-{number}", "name": f"Scale organization {number}",
            "organization_kind": "un-body", "sources": [CITATION]})
    codes = ["mda"]
    for country in [c for c in pycountry.countries if c.alpha_3 != "MDA"][:countries]:
        code = country.alpha_3.lower()
        codes.append(code)
        write(target / "countries" / f"{code}.yaml", {
            "id": code, "name": f"Country {code}", "region": "europe", "sources": [CITATION]})
    vocabulary_path = target / "vocabularies" / "sectors.yaml"
    vocabulary = yaml.safe_load(vocabulary_path.read_text())
    vocabulary["terms"] += [{"id": f"scale-sector-{n}", "label": f"Scale sector {n}"} for n in range(extra_terms)]
    write(vocabulary_path, vocabulary)
    practice = {key: value for key, value in PRACTICE.items() if key not in ("related", "figures")}
    practice.update(
        id="scale-practice", countries=codes,
        sectors=["diaspora", *(f"unknown-sector-{n}" for n in range(unknown_terms))],
        actors=[*({"organization": f"scale-org-{n}", "role": "partner"} for n in range(actors)),
                *({"organization": f"missing-org-{n}", "role": "partner"} for n in range(unknown_actors))],
    )
    write(target / "practices" / "scale-practice.yaml", practice)
    return target


def validation_work(tmp_path, **sizes) -> tuple[int, list[str]]:
    data = data_set(tmp_path / "data", **sizes)
    work, result = lines_run(lambda: load(data, shown_as="data"))
    return work, report_lines(result.problems)


# Each case: the sizes held fixed, the dimension doubled and its first size.
VALIDATION_CASES = {
    "records": ({}, "organizations", 60),
    "list-length": ({"organizations": 240}, "actors", 60),
    "vocabulary-size": ({"unknown_terms": 15}, "extra_terms", 400),
    "problems": ({"extra_terms": 800}, "unknown_terms", 30),
}


@pytest.mark.parametrize("case", VALIDATION_CASES, ids=list(VALIDATION_CASES))
def test_validation_work_at_most_doubles_when_one_dimension_doubles(tmp_path, case):
    fixed, dimension, size = VALIDATION_CASES[case]
    base, _ = validation_work(tmp_path, **fixed)
    once, _ = validation_work(tmp_path, **fixed, **{dimension: size})
    twice, report = validation_work(tmp_path, **fixed, **{dimension: 2 * size})
    assert twice - base <= MARGIN * (once - base), (base, once, twice)
    assert max(map(len, report), default=0) <= LONGEST_LINE


# Each case: the dimension doubled, its first size, and the kind of problem whose hint searches it.
PROBLEM_COST_CASES = {
    "vocabulary-size": ("extra_terms", 400, "unknown_terms"),
    "records": ("organizations", 400, "unknown_actors"),
}


@pytest.mark.parametrize("case", PROBLEM_COST_CASES, ids=list(PROBLEM_COST_CASES))
def test_what_a_problem_costs_does_not_grow_with_the_data(tmp_path, case):
    # A hint once compared the unknown value with every term or id: problems x data.
    dimension, size, problems = PROBLEM_COST_CASES[case]

    def cost(data_size):
        without, _ = validation_work(tmp_path, **{dimension: data_size})
        with_problems, report = validation_work(tmp_path, **{dimension: data_size, problems: 15})
        assert len(report) >= 15
        return with_problems - without

    once, twice = cost(size), cost(2 * size)
    assert twice <= 1.3 * once, (once, twice)


def test_a_report_of_many_problems_lists_a_bounded_number_of_each(tmp_path):
    _, report = validation_work(tmp_path, extra_terms=1000, unknown_terms=100)
    listed = [line for line in report if "[unknown-term]" in line and not line.startswith("…")]
    assert len(listed) == SHOWN_PER_CODE
    assert report[-1].startswith(f"… and {100 - SHOWN_PER_CODE} more [unknown-term] problem(s)")
    # The hint still finds the term a typo was meant to be, among the 1,000.
    assert "did you mean 'scale-sector-0'" in listed[0]
    assert re.search(r"allowed: the \d{4} listed in data/vocabularies/sectors\.yaml$", listed[0])


def neighbours_work(tmp_path, **sizes) -> int:
    result = load(data_set(tmp_path / "data", **sizes), shown_as="data")
    assert result.problems == []
    data = result.dataset

    def every_country_page():
        neighbourhoods = Neighbourhoods(data)  # one per build, as the page renderer holds it
        return [neighbourhoods.of(country) for country in data.countries.values()]

    work, _ = lines_run(every_country_page)
    return work


# Countries are ISO 3166-1 codes, at most 249, so the pairs of countries are bounded; what grows
# without bound is the organizations a practice involves (the attack: 3,000 of them in one
# practice with every country once took a minute of the build).
@pytest.mark.parametrize("dimension, size", [("actors", 300), ("countries", 20)])
def test_the_neighbours_of_every_country_take_work_in_proportion_to_the_ties(tmp_path, dimension, size):
    # Counting each shared organization for each pair of countries made it countries² x organizations.
    fixed = {"countries": 40, "organizations": 600, "actors": 300}
    base = neighbours_work(tmp_path, **{**fixed, dimension: 0})
    once = neighbours_work(tmp_path, **{**fixed, dimension: size})
    twice = neighbours_work(tmp_path, **{**fixed, dimension: 2 * size})
    assert twice - base <= MARGIN * (once - base), (base, once, twice)
