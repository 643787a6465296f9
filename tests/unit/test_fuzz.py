"""Property-based tests: whatever bytes a pull request puts in a record file, the loader answers with
problems that name a file and a line, never with a traceback.

Random bytes and text, YAML-ish token soup, random data structures dumped as YAML, and mutations
of real record files (lines deleted, duplicated, swapped or re-indented, characters inserted) go
through the YAML reader and through the whole loader on a data folder. Runs are derandomized and
keep no example database, so CI sees the same examples every time.
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.loader import load
from atlas.model.records import FOLDERS
from atlas.read.problems import Problem
from atlas.read.yaml_reader import read_yaml

from conftest import ROOT, TESTS

FIXTURES = TESTS / "fixtures" / "valid"
FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Each loader example loads a whole data folder: fewer of them keep the suite quick.
LOADER_FUZZ = settings(FUZZ, max_examples=100)
CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Real files to mutate: the fixture records (whose references resolve in the fuzz data folder).
SEEDS = {path.relative_to(FIXTURES).as_posix(): path.read_text(encoding="utf-8")
         for path in sorted(FIXTURES.rglob("*.yaml"))}

YAML_TOKENS = [
    "id: ", "title: ", "summary: ", "sources:", "lenses:", "  ", "    ", "\n", "\t", "- ", ": ", "? ",
    "&a ", "*a", "!!python/object/apply:os.system ", "!!str ", "!x ", "<<: ", "{", "}", "[", "]", ",",
    "'", '"', "\\", "#", "---\n", "...\n", "|\n", ">-\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n",
    "NO", "yes", "~", "null", "1.10", "0x1F", "0o17", "10:30", "1e400", ".inf", ".nan", "-.Inf",
    "2015-02-30", "2015-13-01", "2020-01-01", "2020-01-01T10:00:00Z", "002", "1_000",
    "javascript:alert(1)", "https://example.org/", "{{ 7*7 }}", "<script>", "é", "\u202e", "\u200b",
    "\x00", "\x85", "\ufeff", "\U0001f600", "engagement", "local", "mda", "undp", "\"002\"",
]


def assert_clean(problems: list[Problem], path_prefix: str) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path.startswith(path_prefix), problem
        assert problem.line >= 1 and problem.column >= 1, problem
        assert CODE.match(problem.code), problem
        assert problem.message, problem
        assert "\n" not in problem.format(), problem
        problem.github_annotation()


def assert_read_cleanly(content: bytes) -> None:
    parsed = read_yaml("data/practices/x.yaml", content)
    assert_clean(parsed.problems, "data/practices/x.yaml")
    if not parsed.problems:
        assert isinstance(parsed.data, dict)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_reader(content):
    assert_read_cleanly(content)


@FUZZ
@given(st.text(max_size=1000))
def test_random_text_never_crashes_the_reader(text):
    assert_read_cleanly(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=5), max_size=80))
def test_yaml_token_soup_never_crashes_the_reader(tokens):
    assert_read_cleanly("".join(tokens).encode("utf-8", "surrogatepass"))


# --- the whole loader on a data folder -----------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_data(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "data"
    for folder in ("vocabularies", "sources"):
        shutil.copytree(ROOT / "data" / folder, target / folder)
    shutil.copytree(FIXTURES, target, dirs_exist_ok=True)
    for folder in FOLDERS:
        (target / folder).mkdir(exist_ok=True)
    assert load(target).problems == []
    return target


def load_with(data: Path, relative: str, content: bytes) -> None:
    """Load the folder with one file replaced by `content`; put the file back afterwards."""
    path = data / relative
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(content)
    try:
        result = load(data, shown_as="data")
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)
    assert_clean(result.problems, "data/")
    assert (result.dataset is None) == bool(result.problems)


@st.composite
def mutated_record(draw) -> tuple[str, bytes]:
    relative = draw(st.sampled_from(sorted(SEEDS)))
    lines = SEEDS[relative].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "insert", "replace"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "indent":
            lines[index] = " " * draw(st.integers(1, 4)) + lines[index]
        elif action == "dedent":
            lines[index] = lines[index].lstrip(" ")
        else:
            line = lines[index]
            position = draw(st.integers(0, len(line)))
            piece = draw(st.sampled_from(YAML_TOKENS) | st.characters())
            end = position + (draw(st.integers(0, 5)) if action == "replace" else 0)
            lines[index] = line[:position] + piece + line[end:]
    return relative, "".join(lines).encode("utf-8", "surrogatepass")


@LOADER_FUZZ
@given(mutated_record())
def test_mutated_real_records_give_problems_with_file_and_line(fuzz_data, case):
    relative, content = case
    load_with(fuzz_data, relative, content)


# Text without the characters the reader refuses outright, so that examples get past it.
VISIBLE_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Co", "Cs", "Zl", "Zp")), max_size=30)
SCALARS = (
    st.none() | st.booleans() | st.integers(-10**16, 10**16) | st.floats(allow_nan=False)
    | VISIBLE_TEXT
    | st.dates(min_value=datetime.date(1000, 1, 1))
    | st.sampled_from(["engagement", "local", "mda", "undp", "002", "partner", "part-of",
                       "moldova-hometown-associations", "https://example.org/", "javascript:x"])
)
FIELD_NAMES = sorted({name for model in FOLDERS.values() for name in model.model_fields}
                     | {"source", "locator", "lens", "reason", "primary", "secondary", "organization",
                        "role", "note", "value", "unit", "counts", "url", "practice", "relation"})
STRUCTURES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(FIELD_NAMES) | VISIBLE_TEXT, children, max_size=6),
    max_leaves=30,
)


@LOADER_FUZZ
@given(st.sampled_from(sorted(FOLDERS)), st.dictionaries(st.sampled_from(FIELD_NAMES), STRUCTURES, max_size=12))
def test_random_records_of_every_kind_give_problems_with_file_and_line(fuzz_data, folder, record):
    content = yaml.safe_dump({"id": "fuzzed", **record}, allow_unicode=True, sort_keys=False)
    load_with(fuzz_data, f"{folder}/fuzzed.yaml", content.encode("utf-8", "surrogatepass"))


@st.composite
def record_with_a_changed_value(draw) -> tuple[str, bytes]:
    """A real record with one value anywhere in it replaced, deleted, or given a new neighbour:
    valid YAML that gets past the reader, so validation and the cross-record checks see it."""
    relative = draw(st.sampled_from(sorted(SEEDS)))
    record = yaml.safe_load(SEEDS[relative])
    places = []

    def walk(value):
        if isinstance(value, dict):
            places.extend((value, key) for key in value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            places.extend((value, index) for index in range(len(value)))
            for item in value:
                walk(item)

    walk(record)
    for _ in range(draw(st.integers(1, 3))):
        container, key = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace" or isinstance(container, list):
            container[key] = draw(STRUCTURES)
        elif action == "delete":
            container.pop(key, None)
        else:
            container[draw(st.sampled_from(FIELD_NAMES))] = draw(STRUCTURES)
    content = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    return relative, content.encode("utf-8", "surrogatepass")


@LOADER_FUZZ
@given(record_with_a_changed_value())
def test_real_records_with_a_changed_value_give_problems_with_file_and_line(fuzz_data, case):
    relative, content = case
    load_with(fuzz_data, relative, content)


@pytest.mark.parametrize(
    "content, code",
    [
        # Regressions: each once gave a wrong code, or no problem at all.
        (b"n: " + b"9" * 5000 + b"\n", "bad-number"),  # int() refuses over 4300 digits
        (b"n: 0x" + b"f" * 5000 + b"\n", "bad-number"),  # a hexadecimal int has no such limit
        ("n: 'a'\nb: \u2028\n".encode(), "forbidden-character"),  # libyaml counts it as a line break
    ],
)
def test_fuzzing_regressions(content, code):
    assert [problem.code for problem in read_yaml("x.yaml", content).problems] == [code]


# Every implicit type of YAML 1.1 (yaml.org/type: bool, float, int, merge, null, timestamp, value,
# yaml) in the forms its resolver reads, and every indicator character, alone and at the start.
YAML_11_IMPLICIT = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
    "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    "1.0", "-1.5e+3", "6.8523015e+5", "685.230_15e+03", "190:20:30.15", ".inf", "-.Inf", "+.INF", ".NaN", ".nan",
    "0b1010_0111", "02472256", "0o17", "0x_0A_74_AE", "190:20:30", "+685_230", "-0", "1_000",
    "<<", "~", "null", "Null", "NULL", "",
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14T21:59:43Z",
    "=", "!", "&", "*",
]
YAML_INDICATORS = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"]
PLAIN_SCALARS = YAML_11_IMPLICIT + YAML_INDICATORS + [f"{c}x" for c in YAML_INDICATORS] + ["- x", "? x", "x: y", "x #y"]
PRACTICE_SEED = "practices/moldova-hometown-associations.yaml"


def placed(token: str, position: str) -> bytes:
    """The fixture practice with `token` written as it is (unquoted) in one position."""
    text = SEEDS[PRACTICE_SEED]
    if position == "value":
        text = text.replace("title: Hometown associations in Moldovan localities", f"title: {token}", 1)
    elif position == "key":
        text = text.replace("\nsummary:", f"\n{token}: x\nsummary:", 1)
    else:  # a list item
        text = text.replace("aliases:\n  - HTAs\n", f"aliases:\n  - HTAs\n  - {token}\n", 1)
    return text.encode("utf-8")


@pytest.mark.parametrize("position", ["value", "key", "list-item"])
def test_every_yaml_11_implicit_type_and_indicator_gives_problems_not_exceptions(fuzz_data, position):
    for token in PLAIN_SCALARS:
        load_with(fuzz_data, PRACTICE_SEED, placed(token, position))


@LOADER_FUZZ
@given(st.lists(st.sampled_from(PLAIN_SCALARS) | VISIBLE_TEXT, min_size=1, max_size=3),
       st.sampled_from(["value", "key", "list-item"]))
def test_yaml_11_scalars_combined_in_any_position_give_problems_not_exceptions(fuzz_data, pieces, position):
    load_with(fuzz_data, PRACTICE_SEED, placed(" ".join(pieces).replace("\n", " "), position))
