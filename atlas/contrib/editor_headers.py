"""The first line of every data file: a `yaml-language-server` comment pointing at the JSON Schema
of its kind, so editors (VS Code with the YAML extension) complete fields and flag mistakes as you
type. `atlas headers` adds or corrects it in every file, idempotently; `--check` only reports.
"""

from __future__ import annotations

from pathlib import Path

from atlas.model.records import FOLDERS
from atlas.checks.published import FILE_NAME as PUBLISHED_FILE

PREFIX = "# yaml-language-server:"


def expected_header(relative: Path) -> str | None:
    """The header a file at `relative` (inside the data folder) needs, or None for other files."""
    parts = relative.parts
    if parts == (PUBLISHED_FILE,):
        return f"{PREFIX} $schema=../schema/published.schema.json"
    if len(parts) == 2 and parts[0] in FOLDERS and parts[1].endswith(".yaml"):
        return f"{PREFIX} $schema=../../schema/{parts[0]}.schema.json"
    return None


def with_header(text: str, header: str) -> str:
    """`text` with `header` as its first line: an existing schema line is replaced, not repeated."""
    first, newline, rest = text.partition("\n")
    if first.startswith(PREFIX):
        return header + "\n" + rest
    return header + "\n" + text


def files_to_fix(data_dir: Path) -> list[tuple[Path, str]]:
    """Every data file whose first line is not its header, with the text it should have."""
    fixes = []
    for path in sorted(Path(data_dir).rglob("*.yaml")):
        if path.is_symlink() or not path.is_file():
            continue
        header = expected_header(path.relative_to(data_dir))
        if header is None:
            continue
        text = path.read_text(encoding="utf-8")
        fixed = with_header(text, header)
        if fixed != text:
            fixes.append((path, fixed))
    return fixes
