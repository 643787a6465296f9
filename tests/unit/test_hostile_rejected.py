"""The hostile corpus, part 1: records and files the loader must refuse, each with its code, file
and line. (Part 2, hostile text the loader accepts and the site must show inert, is
tests/site/test_hostile.py.)

Each case writes one file (or link) into a copy of the fixture data and loads the whole folder,
as a pull request would; the case passes only if that is the one problem reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from atlas.loader import load
from atlas.read.yaml_reader import MAX_FILE_BYTES

# A valid organization; each case appends lines from line 7 on, or replaces a field.
BASE = """id: hostile
name: Hostile organization
organization_kind: un-body
sources:
  - source: "002"
    locator: Page 1
"""
FILE = "organizations/hostile.yaml"


def record(extra: str = "", **replace: str) -> str:
    text = BASE
    for field, value in replace.items():
        start = text.index(f"{field}: ")
        end = text.index("\n", start)
        text = text[:start] + f"{field}: {value}" + text[end:]
    return text + extra


def link(url: str) -> str:
    """A record whose one link (line 8) has this URL, written as a YAML single-quoted scalar."""
    return record("links:\n  - url: '" + url.replace("'", "''") + "'\n")


@dataclass(frozen=True)
class Case:
    name: str
    content: str | bytes | None  # written to `file`; None: `setup` does the work
    code: str
    line: int
    file: str = FILE
    shown: str | None = None  # the path in the problem, if not `file`
    message: str = ""  # a part of the message that says what is wrong
    setup: object = None  # a function of the data folder, for links and folders


def _symlink(target_of, name: str):
    def setup(data: Path) -> None:
        (data / name).symlink_to(target_of(data))
    return setup


CASES = [
    # --- the file itself ---
    Case("invalid-utf8", b"id: hostile\nname: caf\xe9\n", "bad-encoding", 2),
    Case("oversized-file", "id: hostile\nname: " + "x" * MAX_FILE_BYTES + "\n", "file-too-large", 1),
    Case("empty-file", "", "empty-file", 1),
    Case("only-a-comment", "# nothing here\n", "empty-file", 1),
    Case("a-list-not-a-mapping", "- id: hostile\n", "not-a-mapping", 1),
    Case("a-bare-string", "hostile\n", "not-a-mapping", 1),
    Case("two-documents", record("---\nid: other\n"), "several-documents", 7),
    Case("syntax-error", record("links: [\n"), "yaml-syntax", 8),
    Case("bad-indentation", record("  name: x\n"), "yaml-syntax", 7),
    # --- YAML features records have no use for ---
    Case("duplicate-top-level-key", record("name: Again\n"), "duplicate-key", 7, message="first on line 2"),
    Case("duplicate-nested-key", record("    locator: Page 2\n"), "duplicate-key", 7),
    Case("number-as-key", record("1: one\n"), "non-string-key", 7),
    Case("yaml-1.1-boolean-key", record("on: yes\n"), "non-string-key", 7),
    # YAML 1.1's "=" and "<<" resolve to types with no constructor (issue 21, finding 1)
    Case("yaml-1.1-value-as-a-name", record(name="="), "yaml-special-value", 2),
    Case("yaml-1.1-merge-as-a-value", record("notes: <<\n"), "yaml-special-value", 7),
    Case("yaml-1.1-value-as-a-list-item", record("aliases:\n  - =\n"), "yaml-special-value", 8),
    # a lone carriage return: libyaml sees a line break, a review sees a comment (finding 7)
    Case("bare-cr-before-a-comment", record("links: []\r# reviewed: no links\n"), "bare-carriage-return", 7),
    Case("bare-cr-inside-a-name", record(name="Safe\rname: Evil"), "bare-carriage-return", 2),
    Case("bare-cr-at-the-end", record() + "\r", "bare-carriage-return", 7),
    Case("billion-laughs",
         record('aliases: &a ["lol", "lol"]\nnotes: &b [*a, *a, *a, *a]\nsummary: [*b, *b, *b, *b]\n'),
         "yaml-anchor", 7),
    Case("alias-without-anchor", record("summary: *x\n"), "yaml-alias", 7),
    Case("merge-key", record("<<: {notes: x}\n"), "yaml-merge-key", 7),
    Case("python-object-tag", record('notes: !!python/object/apply:os.system ["touch /tmp/atlas-pwned"]\n'),
         "yaml-tag", 7),
    Case("python-name-tag", record("notes: !!python/name:os.system\n"), "yaml-tag", 7),
    Case("local-tag", record("notes: !custom x\n"), "yaml-tag", 7),
    Case("too-deep", record("notes: " + "[" * 12 + "]" * 12 + "\n"), "too-deep", 7),
    # --- YAML 1.1 values where text is expected, and numbers and dates YAML misreads ---
    Case("no-as-false", record(name="NO"), "not-text", 2, message="`NO` as a true/false value"),
    Case("version-as-number", record("aliases:\n  - 1.10\n"), "not-text", 8),
    Case("unquoted-source-id", BASE.replace('"002"', "002"), "not-text", 5),
    Case("null-name", record(name="~"), "not-text", 2),
    Case("base-60-number", record("reviews:\n  - date: 10:30\n    reviewer: octocat\n    checked: every fact against 002\n"), "bad-number", 8, message="base 60"),
    Case("huge-number", record("notes: " + "9" * 5000 + "\n"), "bad-number", 7),
    Case("infinite-number", record("notes: .inf\n"), "non-finite-number", 7),
    Case("not-a-number", record("notes: .nan\n"), "non-finite-number", 7),
    Case("impossible-date", record("reviews:\n  - date: 2023-02-30\n    reviewer: octocat\n    checked: every fact against 002\n"), "bad-date", 8),
    Case("impossible-month", record("reviews:\n  - date: 2023-13-01\n    reviewer: octocat\n    checked: every fact against 002\n"), "bad-date", 8),
    Case("review-dated-in-the-future", record("reviews:\n  - date: 2999-01-01\n    reviewer: octocat\n    checked: every fact against 002\n"), "bad-date", 8,
         message="after today"),
    Case("reviewer-with-an-at-sign", record("reviews:\n  - date: 2026-01-05\n    reviewer: '@octocat'\n    checked: x\n"),
         "bad-text", 9, message="GitHub user name"),
    Case("reviewer-that-is-a-link", record("reviews:\n  - date: 2026-01-05\n    reviewer: evil.example/x\n    checked: x\n"),
         "bad-text", 9, message="GitHub user name"),
    Case("date-with-time", record("last_reviewed: 2023-02-03 10:00:00\n"), "bad-date", 7),
    # --- characters that read differently than they are ---
    Case("bidi-override", record(name="Safe\u202eevil"), "forbidden-character", 2, message="U+202E"),
    Case("bidi-isolate", record(name="Safe\u2066evil"), "forbidden-character", 2),
    Case("zero-width-space", record(name="Sa\u200bfe"), "forbidden-character", 2),
    Case("bell-character", record(name="Sa\x07fe"), "forbidden-character", 2),
    Case("nul-character", record(name="Sa\x00fe"), "forbidden-character", 2),
    Case("line-separator", record(name="Sa\u2028fe"), "forbidden-character", 2),
    Case("invisible-tag-characters", record(name="Safe\U000e0069"), "forbidden-character", 2),
    Case("escaped-bidi-override", record(name='"Safe\\u202eevil"'), "forbidden-character", 2,
         message="escape"),
    Case("escaped-nul", record(name='"Safe\\0"'), "forbidden-character", 2),
    Case("escaped-line-separator", record(name='"Safe\\Lfe"'), "forbidden-character", 2),
    # --- text that breaks the shape of a field ---
    Case("over-long-name", record(name="x" * 301), "too-long", 2),
    Case("over-long-summary", record("summary: " + "x" * 6001 + "\n"), "too-long", 7),
    Case("markdown-that-renders-for-minutes", record("summary: '" + "[" * 5000 + "'\n"), "bad-text", 7,
         message="at most 50 '['"),
    Case("html-that-renders-for-seconds", record("summary: '" + "<a " * 1000 + "'\n"), "bad-text", 7),
    Case("line-break-in-a-name", record(name='"two\\nlines"'), "bad-text", 2),
    # nesting Python-Markdown renders by recursion (issue 21, finding 2)
    Case("nested-bullets", record("summary: '" + "- " * 600 + "x'\n"), "bad-text", 7, message="8 levels"),
    Case("nested-numbers", record("notes: '" + "1. " * 600 + "x'\n"), "bad-text", 7, message="8 levels"),
    Case("nested-quotes", record("summary: '" + "> " * 50 + "x'\n"), "bad-text", 7, message="flatten"),
    Case("nested-by-indentation", record("summary: |\n" + "".join(
        "  " + "    " * depth + "- x\n" for depth in range(12))), "bad-text", 7, message="8 levels"),
    Case("nested-emphasis", record("summary: '" + "*a " * 20 + "x" + " a*" * 20 + "'\n"), "bad-text", 7,
         message="emphasis"),
    Case("too-many-lines", record("summary: |\n" + "  line\n" * 201), "bad-text", 7, message="200 lines"),
    Case("over-long-line-in-prose", record("summary: '" + "word " * 700 + "'\n"), "bad-text", 7,
         message="paragraphs"),
    # text that widens every page it is listed on (finding 9)
    Case("wide-ligatures-in-a-name", record(name="\ufdfd" * 290), "bad-text", 2, message="without a space"),
    Case("stacked-combining-marks", record(name="Z" + "\u0301" * 280), "bad-text", 2, message="combining"),
    Case("combining-marks-on-every-letter", record(name="Ha" + "\u0336\u0337\u0338\u0334\u0335" + "ck"),
         "bad-text", 2, message="combining"),
    Case("long-unbroken-word", record(name="W" * 81), "bad-text", 2, message="put spaces"),
    Case("empty-name", record(name='""'), "empty-value", 2),
    # a sentence passed off as a name, which the own-words rule exempts (finding 11)
    Case("sentence-as-a-name", record(name=" ".join(["word"] * 41)), "bad-text", 2, message="at most 40 words"),
    Case("sentence-as-an-alias", record("aliases:\n  - " + " ".join(["word"] * 41) + "\n"), "bad-text", 8,
         message="at most 40 words"),
    Case("sentence-as-a-locator", record(locator=" ".join(["word"] * 41)), "bad-text", 6, message="at most 40 words"),
    # --- ids that would not be safe path segments ---
    # "$" also matches before a final newline: ids are matched in full (finding 6)
    Case("id-ending-in-a-newline", record(id='"hostile\\n"'), "bad-id", 1),
    Case("id-starting-with-a-newline", record(id='"\\nhostile"'), "bad-id", 1),
    Case("id-with-a-newline-inside", record(id='"hos\\ntile"'), "bad-id", 1),
    Case("dot-dot-id", record(id='"../../etc"'), "bad-id", 1),
    Case("slash-id", record(id="a/b"), "bad-id", 1),
    Case("uppercase-id", record(id="Hostile"), "bad-id", 1),
    Case("reserved-id", record(id="con"), "bad-id", 1, file="organizations/con.yaml"),
    Case("index-id", record(id="index"), "bad-id", 1, file="organizations/index.yaml"),
    Case("id-differs-from-file", record(id="other"), "id-mismatch", 1),
    Case("dot-dot-file-name", record(), "bad-file-name", 1, file="organizations/..yaml"),
    Case("uppercase-file-name", record(), "bad-file-name", 1, file="organizations/Hostile.yaml"),
    Case("hidden-yaml-file", record(), "bad-file-name", 1, file="organizations/.hostile.yaml"),
    Case("newline-in-file-name", record(), "bad-file-name", 1, file="organizations/a\nb.yaml",
         shown="organizations/a\\u000ab.yaml"),
    # --- files in the wrong place or of the wrong kind ---
    Case("yml-extension", record(), "unexpected-file", 1, file="organizations/hostile.yml"),
    Case("upper-case-extension", record(), "unexpected-file", 1, file="organizations/hostile.YAML"),
    Case("json-file", '{"id": "hostile"}', "unexpected-file", 1, file="organizations/hostile.json"),
    Case("no-extension", record(), "unexpected-file", 1, file="organizations/hostile"),
    Case("hidden-file", "x", "unexpected-file", 1, file="organizations/.DS_Store"),
    Case("record-at-the-data-root", record(), "unexpected-file", 1, file="hostile.yaml"),
    Case("hidden-file-at-the-root", "x", "unexpected-file", 1, file=".hidden"),
    Case("unknown-folder", record(), "unexpected-file", 1, file="plugins/hostile.yaml", shown="plugins"),
    Case("folder-inside-a-kind-folder", record(), "unexpected-file", 1,
         file="organizations/sub/hostile.yaml", shown="organizations/sub"),
    Case("symlink-to-a-record-inside", None, "symlink", 1, file="organizations/hostile.yaml",
         setup=_symlink(lambda data: data / "organizations" / "undp.yaml", "organizations/hostile.yaml")),
    Case("symlink-to-a-file-outside", None, "symlink", 1, file="organizations/hostile.yaml",
         setup=_symlink(lambda data: Path("/etc/passwd"), "organizations/hostile.yaml")),
    Case("symlink-to-a-folder-outside", None, "symlink", 1, file="organizations/hostile",
         setup=_symlink(lambda data: Path("/etc"), "organizations/hostile")),
    Case("symlinked-kind-folder", None, "symlink", 1, file="frameworks",
         setup=_symlink(lambda data: data / "organizations", "frameworks")),
    # --- links: only absolute http(s) URLs with a host and no credentials ---
    Case("javascript-url", link("javascript:alert(1)"), "bad-url", 8, message="http"),
    Case("mixed-case-javascript-url", link("JaVaScRiPt:alert(1)"), "bad-url", 8),
    Case("javascript-url-after-a-space", link(" javascript:alert(1)"), "bad-url", 8),
    Case("data-url", link("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="), "bad-url", 8),
    Case("file-url", link("file:///etc/passwd"), "bad-url", 8),
    Case("vbscript-url", link("vbscript:msgbox(1)"), "bad-url", 8),
    Case("mailto-url", link("mailto:someone@example.org"), "bad-url", 8),
    Case("relative-url", link("../practices/x/"), "bad-url", 8),
    Case("root-relative-url", link("/practices/x/"), "bad-url", 8),
    Case("protocol-relative-url", link("//evil.example/x"), "bad-url", 8),
    Case("url-with-credentials", link("http://user:pass@example.org/"), "bad-url", 8, message="password"),
    Case("url-with-user-name", link("https://example.org@evil.example/"), "bad-url", 8),
    Case("url-without-host", link("https://"), "bad-url", 8, message="host"),
    Case("url-with-empty-host", link("https:///path"), "bad-url", 8),
    Case("url-with-a-space", link("https://example.org/a b"), "bad-url", 8, message="spaces"),
    Case("url-with-a-tab", link("https://example.org/a\tb"), "bad-url", 8),
    Case("url-with-a-no-break-space", link("https://example.org/a\u00a0b"), "bad-url", 8),
    Case("url-with-a-control-character", link("https://example.org/\x01"), "forbidden-character", 8),
    Case("url-with-an-escaped-newline", record('links:\n  - url: "https://example.org/\\n"\n'),
         "bad-url", 8),
    Case("url-with-a-broken-ipv6-host", link("https://[::1/"), "bad-url", 8),
    # links to private hosts, which the weekly link check would call (issue 21, finding 12)
    Case("url-to-a-loopback-address", link("http://127.0.0.1:8766/?a=>[FIX](https://evil.example)|x|"),
         "bad-url", 8, message="IP address"),
    Case("url-to-an-ipv6-loopback", link("http://[::1]/"), "bad-url", 8, message="IP address"),
    Case("url-to-a-private-range", link("https://192.168.1.1/admin"), "bad-url", 8),
    Case("url-to-a-link-local-address", link("http://169.254.169.254/latest/meta-data/"), "bad-url", 8),
    Case("url-to-a-decimal-ip", link("http://2130706433/"), "bad-url", 8, message="public host"),
    Case("url-to-a-short-ip", link("http://127.1/"), "bad-url", 8),
    Case("url-to-localhost", link("http://localhost/"), "bad-url", 8),
    Case("url-to-a-localhost-subdomain", link("https://app.localhost/"), "bad-url", 8, message="private"),
    Case("url-to-a-single-label-host", link("https://intranet/"), "bad-url", 8),
    Case("url-to-a-local-domain", link("https://printer.local/"), "bad-url", 8),
    Case("url-with-a-port", link("https://www.iom.int:8443/"), "bad-url", 8, message="port"),
    Case("url-with-a-bad-port", link("https://example.org:99999/"), "bad-url", 8),
    Case("very-long-url", link("https://example.org/" + "a" * 2000), "too-long", 8),
    # links that pretend: look-alike hosts (UTS #39), hosts no browser reads as written, text that
    # names another site (finding 13)
    Case("look-alike-host-mixing-scripts", link("https://un-\u043erg.example.com/"), "bad-url", 8, message="mixes"),
    Case("look-alike-host-in-one-other-script", link("https://\u043e\u043e.com/"), "bad-url", 8,
         message="look like Latin"),
    Case("look-alike-host-in-punycode", link("https://xn--80ak6aa92e.com/"), "bad-url", 8, message="look like Latin"),
    Case("backslash-in-a-host", link("https://evil.example\\.un.org/"), "bad-url", 8, message="not a valid host"),
    Case("underscore-in-a-host", link("https://un_org.example.com/"), "bad-url", 8, message="not a valid host"),
    Case("link-title-naming-another-site", record("links:\n  - url: https://evil.example/\n    title: https://www.un.org/en/\n"),
         "bad-url", 9, message="names 'un.org' but it leads to 'evil.example'"),
    Case("link-title-naming-another-host", record("links:\n  - url: https://un.org.evil.example/\n    title: www.un.org\n"),
         "bad-url", 9, message="names 'un.org'"),
    Case("prose-link-text-naming-another-site", record("notes: '[https://www.un.org/](https://evil.example/)'\n"),
         "bad-url", 7, message="names 'un.org'"),
    Case("prose-autolink-to-a-loopback-address", record("notes: 'see <http://127.0.0.1/>'\n"), "bad-url", 7,
         message="IP address"),
    Case("prose-reference-link-to-a-look-alike", record("notes: |\n  see [the UN][u]\n\n  [u]: https://xn--80ak6aa92e.com/\n"),
         "bad-url", 7, message="look like Latin"),
    Case("prose-html-link-to-localhost", record("notes: '<a href=\"https://localhost/\">the UN</a>'\n"), "bad-url", 7,
         message="is not a public host name"),
]


def _write(data: Path, case: Case) -> None:
    if case.setup is not None:
        case.setup(data)
        return
    path = data / case.file
    path.parent.mkdir(parents=True, exist_ok=True)
    content = case.content.encode("utf-8") if isinstance(case.content, str) else case.content
    path.write_bytes(content)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_hostile_file_is_refused_with_its_code_file_and_line(data_copy, case):
    _write(data_copy, case)
    result = load(data_copy, shown_as="data")
    assert result.dataset is None
    shown = f"data/{case.shown or case.file}"
    summary = [problem.format() for problem in result.problems]
    assert [(p.code, p.path, p.line) for p in result.problems] == [(case.code, shown, case.line)], summary
    [problem] = result.problems
    assert case.message in f"{problem.message}; {problem.hint}"
    assert problem.message and "\n" not in problem.format()


def test_the_corpus_is_large_and_every_name_is_unique():
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


def test_an_unreadable_file_is_a_problem_not_a_crash(data_copy, monkeypatch):
    # Permissions cannot be relied on (CI may run as root): make opening this one file fail.
    path = data_copy / FILE
    path.write_text(record())
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    [problem] = load(data_copy, shown_as="data").problems
    assert (problem.code, problem.path) == ("unreadable-file", f"data/{FILE}")
    assert "Permission denied" in problem.message


def test_a_file_name_cannot_add_properties_to_a_github_annotation(data_copy, capsys):
    from atlas.contrib.cli import main

    (data_copy / "organizations" / "a,title=x.yaml").write_text(record())
    main(["validate", "--data", str(data_copy), "--github"])
    [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::error")]
    assert line.startswith("::error file=data/organizations/a%2Ctitle=x.yaml,line=1,col=1,title=bad-file-name::")


def test_a_key_cannot_forge_a_line_in_the_output(data_copy, capsys):
    from atlas.contrib.cli import main

    (data_copy / FILE).write_text(record('"x\\n::error file=README.md::forged": 1\n'))
    main(["validate", "--data", str(data_copy)])
    lines = capsys.readouterr().out.splitlines()
    assert not any(line.startswith("::") for line in lines)
    assert lines[0].startswith("data/organizations/hostile.yaml:7:")
    assert "[unknown-field] x\\u000a::error" in lines[0]
