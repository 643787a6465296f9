"""The YAML reader refuses what a record has no use for, and says where."""

import pytest

from atlas.read.yaml_reader import MAX_FILE_BYTES, read_yaml


def codes(text: str | bytes) -> list[tuple[str, int]]:
    content = text.encode() if isinstance(text, str) else text
    return [(p.code, p.line) for p in read_yaml("x.yaml", content).problems]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("id: a\nid: b\n", [("duplicate-key", 2)]),
        ("id: a\nperiod:\n  start: 1\n  start: 2\n", [("duplicate-key", 4)]),
        ("id: &x a\n", [("yaml-anchor", 1)]),
        ("a: 1\nb: *x\n", [("yaml-alias", 2)]),
        ("id: !!python/object:os.system ls\n", [("yaml-tag", 1)]),
        ("id: !!str 3\n", [("yaml-tag", 1)]),
        ("<<: {a: 1}\n", [("yaml-merge-key", 1)]),
        ("id: a\n---\nid: b\n", [("several-documents", 2)]),
        ("", [("empty-file", 1)]),
        ("- a\n- b\n", [("not-a-mapping", 1)]),
        ("just text\n", [("not-a-mapping", 1)]),
        ("1: a\n", [("non-string-key", 1)]),
        ("yes: a\n", [("non-string-key", 1)]),
        ("? [a]\n: b\n", [("non-string-key", 1)]),
        ("d: 2015-02-30\n", [("bad-date", 1)]),
        ("d: 2015-02-03 10:00:00\n", [("bad-date", 1)]),
        ("n: .inf\n", [("non-finite-number", 1)]),
        ("n: .nan\n", [("non-finite-number", 1)]),
        ("title: a\u202eb\n", [("forbidden-character", 1)]),
        ("title: a\u200bb\n", [("forbidden-character", 1)]),
        ("x: 1\ntitle: a\x07b\n", [("forbidden-character", 2)]),
        ("id: [a\n", [("yaml-syntax", 2)]),
        # YAML 1.1 resolves a plain "=" (value) and "<<" (merge) to types no record can hold.
        ("title: =\n", [("yaml-special-value", 1)]),
        ("notes: <<\n", [("yaml-special-value", 1)]),
        ("x: 1\nitems:\n  - <<\n", [("yaml-special-value", 3)]),
        ("=: a\n", [("non-string-key", 1)]),
        # libyaml reads a lone CR as a line break; a review sees one line, YAML two.
        ("links: [a]\r# reviewed: no links\n", [("bare-carriage-return", 1)]),
        ("a: b\rc: d\n", [("bare-carriage-return", 1)]),
        ("x: 1\ntitle: a\r\rb\n", [("bare-carriage-return", 2), ("bare-carriage-return", 2)]),
        ("a: b\r\nc: d\r\n", []),
        ("a: " + "[" * 12 + "]" * 12 + "\n", [("too-deep", 1)]),
    ],
)
def test_each_kind_of_bad_yaml_is_refused_with_its_line(text, expected):
    assert codes(text) == expected


def test_invalid_utf8_is_refused_at_the_bad_byte():
    assert codes(b"id: a\ntitle: caf\xe9\n") == [("bad-encoding", 2)]


def test_an_oversized_file_is_refused_before_parsing():
    assert codes(b"a: " + b"x" * MAX_FILE_BYTES + b"\n") == [("file-too-large", 1)]


def test_billion_laughs_is_refused_at_the_first_anchor():
    text = 'a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: [*b,*b]\n'
    assert codes(text) == [("yaml-anchor", 1)]


def test_yaml_1_1_values_are_kept_with_how_yaml_read_them():
    parsed = read_yaml("x.yaml", b'title: NO\nversion: 1.10\nquoted: "NO"\n')
    assert parsed.data == {"title": False, "version": 1.1, "quoted": "NO"}
    assert (parsed.positions[("title",)].raw, parsed.positions[("title",)].tag) == ("NO", "bool")
    assert parsed.positions[("quoted",)].tag == "str"


def test_positions_point_at_nested_values():
    parsed = read_yaml("x.yaml", b"actors:\n  - organization: iom\n    role: lead\n")
    position = parsed.positions[("actors", 0, "role")]
    assert (position.line, position.column) == (3, 11)


@pytest.mark.parametrize("identifier", ["rt-nl\n", "comp\n", "a\nb", "\nabc", "ok "])
def test_an_id_is_matched_in_full_so_a_trailing_newline_is_refused(identifier):
    from pydantic import TypeAdapter, ValidationError

    from atlas.model.records import Id

    with pytest.raises(ValidationError):
        TypeAdapter(Id).validate_python(identifier)
    assert TypeAdapter(Id).validate_python(identifier.strip().replace("\n", "-")) is not None
