"""Every kind of mistake a contributor makes is reported with its exact message, line and hint,
and no site is ever built from broken data. The mistakes are listed in helpers/broken_cases.py."""

from __future__ import annotations

import pytest
from helpers.broken_cases import CASES, PRACTICE, replace
from conftest import build_site

from atlas.contrib.cli import main
from atlas.loader import load


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_mistake_is_reported_with_its_exact_message_line_and_hint(data_copy, case):
    case.make(data_copy)
    result = load(data_copy, shown_as="data")
    assert result.dataset is None
    assert [problem.format() for problem in result.problems] == list(case.messages)


def test_in_github_actions_every_problem_is_also_an_annotation_on_its_line(data_copy, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    replace(PRACTICE, "    role: partner", "    rol: partner")(data_copy)
    assert main(["validate", "--data", str(data_copy)]) == 1
    annotations = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::error ")]
    assert annotations == [
        f"::error file=data/{PRACTICE},line=27,col=5,title=missing-field::[missing-field] actors[0].role: "
        "required field is missing; add `role:` (What the organization does in the practice)",
        f"::error file=data/{PRACTICE},line=28,col=10,title=unknown-field::[unknown-field] actors[0].rol: "
        "unknown field `rol`; did you mean `role`? allowed fields here: organization, role, note",
    ]


def test_no_site_is_built_from_broken_data(data_copy, tmp_path):
    replace(PRACTICE, "organization: undp", "organization: undpp")(data_copy)
    out = tmp_path / "site"
    result = build_site(out, data_copy)
    assert result.returncode != 0
    assert "1 problem(s) in the data; nothing was built" in result.stderr
    assert f"data/{PRACTICE}:27:19: error [unknown-reference]" in result.stderr
    assert not (out / "index.html").exists()
    assert not list(out.rglob("*.html"))
