"""Bad records fail with file, line, field, what is wrong and a hint; every problem at once."""

from pathlib import Path

import yaml

from atlas.contrib.cli import main
from atlas.loader import load

PRACTICE = "practices/moldova-hometown-associations.yaml"


def edit(data: Path, relative: str, old: str, new: str) -> None:
    path = data / relative
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not found"
    path.write_text(text.replace(old, new, 1))


def problems(data: Path):
    result = load(data, shown_as="data")
    assert result.dataset is None
    return result.problems


def test_the_copied_fixture_data_is_valid(data_copy):
    assert load(data_copy).problems == []


def test_an_unknown_field_names_the_nearest_valid_one(data_copy):
    edit(data_copy, PRACTICE, "    role: partner", "    rol: partner")
    [problem] = [p for p in problems(data_copy) if p.code == "unknown-field"]
    assert problem.path == f"data/{PRACTICE}"
    assert (problem.line, problem.field) == (28, "actors[0].rol")
    assert "did you mean `role`?" in problem.hint


def test_a_missing_field_says_what_to_add(data_copy):
    edit(data_copy, PRACTICE, "mechanisms:\n  - hometown-association\n", "")
    [problem] = problems(data_copy)
    assert (problem.code, problem.field) == ("missing-field", "mechanisms")
    assert problem.hint.startswith("add `mechanisms:`")


def test_yaml_1_1_booleans_in_text_fields_ask_for_quotes(data_copy):
    edit(data_copy, PRACTICE, "  - HTAs", "  - NO")
    [problem] = problems(data_copy)
    assert (problem.code, problem.field, problem.line) == ("not-text", "aliases[0]", 4)
    assert problem.hint == 'put it in quotes: "NO"'


def test_a_version_like_number_in_a_text_field_asks_for_quotes(data_copy):
    edit(data_copy, PRACTICE, "  - HTAs", "  - 1.10")
    [problem] = problems(data_copy)
    assert problem.code == "not-text" and "`1.10`" in problem.message


def test_an_unknown_reference_suggests_the_nearest_id(data_copy):
    edit(data_copy, PRACTICE, "organization: undp", "organization: undpp")
    [problem] = problems(data_copy)
    assert (problem.code, problem.field) == ("unknown-reference", "actors[0].organization")
    assert "'undp'" in problem.hint


def test_a_reference_to_the_wrong_kind_of_record_is_refused(data_copy):
    edit(data_copy, PRACTICE, "  - mda", "  - undp")
    [problem] = problems(data_copy)
    assert (problem.code, problem.field) == ("wrong-reference-type", "countries[0]")
    assert "is an organization, not a country" in problem.message


def test_an_unknown_vocabulary_term_lists_the_allowed_ones(data_copy):
    edit(data_copy, PRACTICE, "  - diaspora", "  - diaspra")
    [problem] = problems(data_copy)
    assert problem.code == "unknown-term" and "'diaspora'" in problem.hint


def test_an_id_that_differs_from_the_file_name_is_refused(data_copy):
    edit(data_copy, PRACTICE, "id: moldova-hometown-associations", "id: moldova-htas")
    codes = {p.code for p in problems(data_copy)}
    assert "id-mismatch" in codes


def test_a_file_name_that_is_not_a_kebab_case_id_is_refused(data_copy):
    (data_copy / "practices" / "Bad_Name.yaml").write_text("id: x\n")
    assert [p.code for p in problems(data_copy)] == ["bad-file-name"]


def test_a_javascript_link_is_refused(data_copy):
    edit(data_copy, "organizations/undp.yaml", "organization_kind: un-body",
         "organization_kind: un-body\nlinks:\n  - url: javascript:alert(1)")
    [problem] = problems(data_copy)
    assert (problem.code, problem.field) == ("bad-url", "links[0].url")


def test_a_year_out_of_range_is_refused(data_copy):
    edit(data_copy, PRACTICE, "    unit: communities", "    unit: communities\n    year: 20017")
    [problem] = problems(data_copy)
    assert problem.code == "bad-year"


def test_a_country_id_must_be_an_iso_code(data_copy):
    country = yaml.safe_load((data_copy / "countries" / "mda.yaml").read_text())
    country["id"] = "xyz"
    (data_copy / "countries" / "xyz.yaml").write_text(yaml.safe_dump(country))
    assert [p.code for p in problems(data_copy)] == ["bad-country-code"]


def test_every_problem_in_every_file_is_reported_in_one_run(data_copy):
    edit(data_copy, PRACTICE, "    role: partner", "    rol: partner")
    edit(data_copy, "countries/mda.yaml", "region: europe", "region: europa")
    (data_copy / "notes.txt").write_text("stray file")
    codes = sorted(p.code for p in problems(data_copy))
    assert codes == ["missing-field", "unexpected-file", "unknown-field", "unknown-term"]


def test_the_command_line_exits_non_zero_and_prints_file_line_and_code(data_copy, capsys):
    edit(data_copy, PRACTICE, "    role: partner", "    rol: partner")
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert f"data/{PRACTICE}:28:10: error [unknown-field] actors[0].rol: unknown field `rol`" in out


def test_github_annotations_are_printed_on_request(data_copy, capsys):
    edit(data_copy, PRACTICE, "    role: partner", "    rol: partner")
    main(["validate", "--data", str(data_copy), "--github"])
    assert f"::error file=data/{PRACTICE},line=28,col=10,title=unknown-field::" in capsys.readouterr().out


def test_the_real_data_is_valid(dataset):
    assert len(dataset.practices) > 100
