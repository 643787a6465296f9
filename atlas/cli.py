"""Command line for contributors: `atlas validate` checks the data, `atlas schema` writes the JSON Schema."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .loader import load
from .schema import json_schemas


def validate(arguments) -> int:
    result = load(Path(arguments.data), shown_as=arguments.shown_as)
    annotate = arguments.github or os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in result.problems:
        print(problem.format())
        if annotate:
            print(problem.github_annotation())
    if result.problems:
        print(f"\n{len(result.problems)} problem(s) in {result.file_count} files. Nothing was changed; "
              "fix them and run `make validate` again.", file=sys.stderr)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="atlas", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every record; list every problem")
    check.add_argument("--data", default="data", help="the data folder (default: data)")
    check.add_argument("--shown-as", default="data", help="folder name used in messages")
    check.add_argument("--github", action="store_true", help="also print GitHub Actions annotations")
    check.set_defaults(run=validate)
    export = commands.add_parser("schema", help="write the JSON Schema of each record kind")
    export.add_argument("--out", default="schema", help="output folder (default: schema)")
    export.set_defaults(run=schema)
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    raise SystemExit(main())
