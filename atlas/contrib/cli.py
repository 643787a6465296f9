"""Command line for contributors: `atlas validate` checks the data, `atlas new` starts a record,
`atlas publish` records the published ids, `atlas headers` points data files at their JSON Schema,
`atlas schema` writes the JSON Schemas, `atlas links` checks external links (network: weekly CI)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

from atlas.contrib import change_summary, editor_headers

from atlas.contrib import link_check

from atlas.checks import own_words

from atlas.checks import published_base
from atlas.checks import published as published_ids
from atlas.loader import load
from atlas.model.records import ID_PATTERN, KINDS, RESERVED_IDS
from atlas.read.problems import report_lines
from atlas.contrib.record_template import template
from atlas.contrib.schema import json_schemas


def validate(arguments) -> int:
    result = load(Path(arguments.data), shown_as=arguments.shown_as)
    base = published_base.compare(Path(arguments.data), arguments.shown_as)
    sources = Path(arguments.sources) if arguments.sources else own_words.default_source_texts(Path(arguments.data))
    copies = []
    if sources.is_dir():
        copies = own_words.copied_text_problems(result.files, sources)
    else:
        print(f"note: own words not checked: no source texts in {sources} (set ATLAS_SOURCE_TEXTS "
              "or --sources)", file=sys.stderr)
    problems = sorted([*result.problems, *base.problems, *copies])
    if base.unavailable:
        # A fresh clone or a folder outside git has no base to compare with; CI names its ref.
        print(f"{'error' if base.required else 'note'}: published ids not compared with the base "
              f"branch: {base.unavailable}; set {published_base.REF_VARIABLE} to the branch this "
              "change goes into, e.g. origin/main", file=sys.stderr)
    annotate = arguments.github or os.environ.get("GITHUB_ACTIONS") == "true"
    for line in report_lines(problems, annotate):
        print(line)
    if problems:
        print(f"\n{len(problems)} problem(s) in {result.file_count} files. Nothing was changed; "
              "fix them and run `make validate` again.", file=sys.stderr)
        return 1
    if base.unavailable and base.required:
        return 1
    print(f"{result.file_count} files checked, no problems.")
    return 0


def schema(arguments) -> int:
    out = Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, document in json_schemas().items():
        (out / f"{name}.schema.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(json_schemas())} schemas to {out}")
    return 0


def _report(result) -> None:
    for line in report_lines(result.problems):
        print(line)
    print(f"\n{len(result.problems)} problem(s); fix them first (`make validate`).", file=sys.stderr)


def publish(arguments) -> int:
    """Add every current record id to data/published.yaml (ids already there stay)."""
    data = Path(arguments.data)
    result = load(data, shown_as=arguments.shown_as)
    if result.problems:
        _report(result)
        return 1
    ids = {cls.folder: list(result.dataset.table(kind)) for kind, cls in KINDS.items()}
    path = data / published_ids.FILE_NAME
    text = published_ids.updated_text(result.published, ids)
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {'unchanged' if text == before else 'updated'} "
          f"({sum(len(v) for v in ids.values())} current ids)")
    return 0


def headers(arguments) -> int:
    """Give every data file the `yaml-language-server` line that points at its JSON Schema."""
    fixes = editor_headers.files_to_fix(Path(arguments.data))
    for path, text in fixes:
        if arguments.check:
            print(f"{path}:1:1: error [schema-header] the first line must be "
                  f"`{text.partition(chr(10))[0]}`; run `make headers`")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path}: header added or corrected")
    if arguments.check and fixes:
        return 1
    print(f"{len(fixes)} file(s) {'to fix' if arguments.check else 'fixed'}.")
    return 0


def new(arguments) -> int:
    """Write data/<folder>/<id>.yaml from the template of its kind."""
    kind, identifier = arguments.kind, arguments.id
    if not ID_PATTERN.fullmatch(identifier) or identifier in RESERVED_IDS or len(identifier) > 80:
        print(f"error: '{identifier}' is not a valid id: use lowercase letters, digits and single "
              "hyphens (kebab-case), e.g. lisbon-one-stop-shop", file=sys.stderr)
        return 2
    data = Path(arguments.data)
    path = data / KINDS[kind].folder / f"{identifier}.yaml"
    if not data.is_dir():
        print(f"error: there is no data folder '{data}'; run this in the repository's top folder",
              file=sys.stderr)
        return 2
    if path.exists():
        print(f"error: {path} already exists; edit it, or choose another id", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(kind, identifier, _terms(data)), encoding="utf-8")
    print(f"wrote {path}: fill it in, then run `make validate`")
    return 0


def _terms(data: Path) -> dict[str, list[str]]:
    """The term ids of each vocabulary, read leniently: a template is written even if data is broken."""
    terms = {}
    for path in sorted((data / "vocabularies").glob("*.yaml")):
        try:
            terms[path.stem] = [t["id"] for t in yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]]
        except (yaml.YAMLError, KeyError, TypeError):
            continue
    return terms


def links(arguments) -> int:
    """Check every external link in the records (needs the network; CI runs it weekly)."""
    result = load(Path(arguments.data), shown_as=arguments.shown_as)
    if result.problems:
        _report(result)
        return 1
    return link_check.run(result.dataset, timeout=arguments.timeout, workers=arguments.workers)


def changes(arguments) -> int:
    """Write what the records change against a base commit, as Markdown, for reviewers."""
    try:
        summary = change_summary.summarize(Path(arguments.data), arguments.base)
    except ValueError as error:
        print(f"atlas changes: {error}", file=sys.stderr)
        return 1
    print(summary.markdown())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="atlas", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every record; list every problem")
    check.add_argument("--data", default="data", help="the data folder (default: data)")
    check.add_argument("--shown-as", default="data", help="folder name used in messages")
    check.add_argument("--github", action="store_true", help="also print GitHub Actions annotations")
    check.add_argument("--sources", help="folder of the source documents' texts, for the own-words check "
                       "(default: $ATLAS_SOURCE_TEXTS, else ../shared/sources beside the repository)")
    check.set_defaults(run=validate)
    export = commands.add_parser("schema", help="write the JSON Schema of each record kind")
    export.add_argument("--out", default="schema", help="output folder (default: schema)")
    export.set_defaults(run=schema)
    start = commands.add_parser("new", help="write a new record from the template of its kind")
    start.add_argument("kind", choices=sorted(KINDS), help="the kind of record")
    start.add_argument("id", help="its id, which is also its file name: lowercase kebab-case")
    start.add_argument("--data", default="data", help="the data folder (default: data)")
    start.set_defaults(run=new)
    record = commands.add_parser("publish", help="add every current id to data/published.yaml")
    record.add_argument("--data", default="data", help="the data folder (default: data)")
    record.add_argument("--shown-as", default="data", help="folder name used in messages")
    record.set_defaults(run=publish)
    header = commands.add_parser("headers", help="point every data file at its JSON Schema")
    header.add_argument("--data", default="data", help="the data folder (default: data)")
    header.add_argument("--check", action="store_true", help="only report files without it")
    header.set_defaults(run=headers)
    link = commands.add_parser("links", help="report external links that are dead (uses the network)")
    link.add_argument("--data", default="data", help="the data folder (default: data)")
    link.add_argument("--shown-as", default="data", help="folder name used in messages")
    link.add_argument("--timeout", type=float, default=20, help="seconds per request (default: 20)")
    link.add_argument("--workers", type=int, default=8, help="requests at a time (default: 8)")
    link.set_defaults(run=links)
    summary = commands.add_parser("changes", help="list, in words, what the records change against a base commit")
    summary.add_argument("--base", required=True, help="the commit or branch to compare with, e.g. origin/main")
    summary.add_argument("--data", default="data", help="the data folder (default: data)")
    summary.set_defaults(run=changes)
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    raise SystemExit(main())
