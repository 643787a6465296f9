"""Loads the data folder: finds the record files, reads and validates each, runs the cross-record
checks, and returns either a complete `Dataset` or every problem found.

Nothing is half-loaded: if any file has a problem, no dataset comes back, so no site is ever built
from broken data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from atlas.checks import cross_record as checks
from atlas.checks import published as published_ids
from atlas.model.dataset import Dataset
from atlas.read.loaded_file import LoadedFile
from atlas.model.records import FOLDERS, ID_PATTERN
from atlas.read.problems import Problem, printable
from atlas.read.validation_messages import problems_from_validation
from atlas.read.yaml_reader import MAX_FILE_BYTES, read_yaml


@dataclass
class LoadResult:
    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)
    file_count: int = 0
    # The published ids and redirects (data/published.yaml); None when nothing is published yet.
    published: published_ids.Published | None = None
    # Every record that passed its own validation, with its parsed file (for checks that run later).
    files: list[LoadedFile] = field(default_factory=list)


def load(data_dir: Path, shown_as: str | None = None) -> LoadResult:
    """Load every record under `data_dir`. Paths in problems start with `shown_as` (default: the
    folder's name), so they match what a contributor sees in the repository."""
    data_dir = Path(data_dir)
    prefix = shown_as if shown_as is not None else data_dir.name
    if not data_dir.is_dir():  # then nothing else can be said of it
        return LoadResult(None, [Problem(prefix, 1, 1, "missing-folder", "", "the data folder does not exist", "")])
    problems: list[Problem] = []
    loaded: list[LoadedFile] = []
    unreadable: list[tuple[str, str]] = []
    paths = _discover(data_dir, prefix, problems)
    for path, model in paths:
        shown = f"{prefix}/{printable(path.relative_to(data_dir).as_posix())}"
        result = _read_one(path, shown, model, problems)
        if result is not None:
            loaded.append(result)
        else:
            unreadable.append((model.kind, path.stem))
    # A record with its own problem still exists: references to it are not reported as well.
    problems.extend(checks.run_all(loaded, unreadable))
    published_file = published_ids.read(data_dir, prefix, problems)
    if published_file is not None:
        existing: dict[str, set[str]] = {}
        for path, model in paths:
            existing.setdefault(model.folder, set()).add(path.stem)
        problems.extend(published_ids.check(published_file, existing))
    problems.sort()
    if problems:
        return LoadResult(None, problems, len(paths), files=loaded)
    return LoadResult(Dataset.build([item.record for item in loaded]), [], len(paths),
                      published_file.content if published_file else None, loaded)


def _discover(data_dir: Path, prefix: str, problems: list[Problem]):
    """The record files to read, each with its model; anything else in the folder is a problem."""
    found = []
    for entry in sorted(data_dir.iterdir()):
        shown = f"{prefix}/{printable(entry.name)}"
        if entry.name in ("README.md", published_ids.FILE_NAME) and not entry.is_symlink():
            continue
        if entry.is_symlink():
            problems.append(Problem(shown, 1, 1, "symlink", "", "symbolic links are not allowed",
                                    "replace the link with the file itself"))
        elif not entry.is_dir() or entry.name not in FOLDERS:
            problems.append(Problem(shown, 1, 1, "unexpected-file", "",
                                    "records live in the folders " + ", ".join(sorted(FOLDERS)),
                                    "move the file into one of them, or remove it"))
        else:
            try:
                paths = sorted(entry.iterdir())
            except OSError as error:
                problems.append(Problem(shown, 1, 1, "unreadable-file", "",
                                        f"the folder cannot be read ({error.strerror})",
                                        "check its permissions"))
                continue
            for path in paths:
                shown_file = f"{shown}/{printable(path.name)}"
                if path.is_symlink():
                    problems.append(Problem(shown_file, 1, 1, "symlink", "",
                                            "symbolic links are not allowed",
                                            "replace the link with the file itself"))
                elif not path.is_file() or path.suffix != ".yaml":
                    problems.append(Problem(shown_file, 1, 1, "unexpected-file", "",
                                            "only .yaml record files belong in this folder",
                                            "rename it to <id>.yaml, or remove it"))
                else:
                    found.append((path, FOLDERS[entry.name]))
    return found


def _read_one(path: Path, shown: str, model, problems: list[Problem]) -> LoadedFile | None:
    if not ID_PATTERN.fullmatch(path.stem):
        problems.append(Problem(shown, 1, 1, "bad-file-name", "",
                                f"'{printable(path.name)}' is not <id>.yaml with a kebab-case id",
                                "use lowercase letters, digits and hyphens, e.g. one-stop-shops.yaml"))
        return None
    try:
        with path.open("rb") as stream:
            # One byte more than allowed is enough to know the file is too large.
            content = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        problems.append(Problem(shown, 1, 1, "unreadable-file", "",
                                f"the file cannot be read ({error.strerror})", "check its permissions"))
        return None
    parsed = read_yaml(shown, content)
    if parsed.problems:
        problems.extend(parsed.problems)
        return None
    try:
        record = model.model_validate(parsed.data)
    except ValidationError as error:
        problems.extend(problems_from_validation(error, parsed, shown, model))
        return None
    if record.id != path.stem:
        position = parsed.position(("id",))
        problems.append(Problem(shown, position.line, position.column, "id-mismatch", "id",
                                f"the id '{record.id}' differs from the file name '{path.stem}'",
                                f"make them the same: rename the file to {record.id}.yaml "
                                f"or set `id: {path.stem}`"))
        return None
    return LoadedFile(shown, record, parsed)
