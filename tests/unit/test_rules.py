"""The rule registry (atlas/read/rules.py) and the corpus of broken records match exactly: every code
the validator can report has a record that fails with it, and the corpus shows no unregistered code.

The corpus: helpers/broken_cases.py (mistakes contributors make), test_hostile_rejected.py (attacks), and
the few cases that need more than a data folder, named below. The passing counterpart of every
case is the valid fixture data, which loads with no problem at all (`test_the_valid_fixtures_pass`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import test_hostile_rejected
from helpers.broken_cases import CASES, PRACTICE
from pydantic import BaseModel, ValidationError

from atlas.loader import load
from atlas.read.problems import Problem
from atlas.read.rules import CODES, RULES
from atlas.read.validation_messages import problems_from_validation
from atlas.read.yaml_reader import read_yaml
from conftest import ROOT, TESTS

PACKAGE = ROOT / "atlas"
# Codes whose failing case needs git, the source texts or a simulated failure: where each is.
SHOWN_ELSEWHERE = {
    "unpublished-id": "site/test_published.py::test_a_change_that_drops_a_record_and_its_published_line_is_refused",
    "copied-text": "unit/test_own_words.py::test_validate_finds_a_copied_sentence_in_any_text_field_with_its_line",
    "unreadable-file": "unit/test_rules.py::test_a_file_that_cannot_be_read_is_reported",
    "bad-value": "unit/test_rules.py::test_a_model_error_without_a_message_of_its_own_is_bad_value",
}


def _corpus_codes() -> set[str]:
    broken = {message.split("error [", 1)[1].split("]", 1)[0] for case in CASES for message in case.messages}
    hostile = {case.code for case in test_hostile_rejected.CASES}
    return broken | hostile | set(SHOWN_ELSEWHERE)


def test_the_registry_and_the_corpus_name_the_same_codes():
    assert len(CODES) == len(RULES)  # no code registered twice
    assert sorted(CODES - _corpus_codes()) == [], "registered, but no record fails with it"
    assert sorted(_corpus_codes() - CODES) == [], "shown by the corpus, but not registered"


def test_the_tests_named_for_codes_shown_elsewhere_exist():
    for code, where in SHOWN_ELSEWHERE.items():
        file, name = where.split("::")
        tree = ast.parse((TESTS / file).read_text())
        assert name in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}, (code, where)


def test_every_code_in_the_package_is_registered():
    # Every string that looks like a code and is given to Problem, refuse or problem in atlas/.
    looks_like_a_code = re.compile(r"[a-z]+(-[a-z0-9]+)+")
    used = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[-1] in ("Problem", "refuse", "problem"):
                used |= {arg.value for arg in node.args if isinstance(arg, ast.Constant)
                         and isinstance(arg.value, str) and looks_like_a_code.fullmatch(arg.value)}
    assert len(used) > 40 and sorted(used - CODES) == []


def test_a_problem_with_an_unregistered_code_cannot_be_made():
    with pytest.raises(ValueError, match="not in atlas/read/rules.py"):
        Problem("data/x.yaml", 1, 1, "made-up-code", "", "message")


def test_the_valid_fixtures_pass(data_copy):
    assert load(data_copy).problems == []


def test_a_file_that_cannot_be_read_is_reported(data_copy, monkeypatch):
    # Root reads any file whatever its permissions, so the failure is simulated.
    original = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == Path(PRACTICE).name:
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    [problem] = load(data_copy, shown_as="data").problems
    assert problem.format() == (f"data/{PRACTICE}:1:1: error [unreadable-file] the file cannot be read "
                                "(Permission denied); check its permissions")


def test_a_model_error_without_a_message_of_its_own_is_bad_value():
    class Choice(BaseModel):
        kind: int

        def model_post_init(self, context):
            raise ValueError("not one of the allowed kinds")

    parsed = read_yaml("data/x.yaml", b"kind: 3\n")
    with pytest.raises(ValidationError) as caught:
        Choice.model_validate(parsed.data)
    [problem] = problems_from_validation(caught.value, parsed, "data/x.yaml", Choice)
    assert problem.code == "bad-value" and "not one of the allowed kinds" in problem.message
