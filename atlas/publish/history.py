"""The data's history from git: the version a build shows, and when each record was added and changed.

A build asks git three fixed questions, however many records there are: the HEAD commit (the data
version), whether the clone is shallow, and one `git log --name-status` over the data folder. A data
folder outside a repository (benchmarks, test fixtures), a missing git or a shallow clone (whose
oldest commit would claim to have added every record) all give the same answer: no dates. A date
that is absent is honest; a wrong one would be cited for years.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from atlas.model.records import FOLDERS, ID_PATTERN, Vocabulary

# Fields of one commit line in `git log --format`; NUL starts a commit so file lines can't pass for one.
_LOG_FORMAT = "%x00%H%x09%h%x09%cI%x09%s"
_VERSION_FORMAT = "%H%x09%h%x09%cI"
# Record folders whose files have pages (vocabularies have none).
_RECORD_FOLDERS = frozenset(name for name, model in FOLDERS.items() if model is not Vocabulary)


@dataclass(frozen=True)
class DataVersion:
    """The commit a build was made from. `commit` is None outside git ("unversioned")."""

    commit: str | None = None
    short: str | None = None
    date: datetime.date | None = None
    # When the commit was made, with its offset: a data package's `created` is a date-time.
    committed: datetime.datetime | None = None

    @property
    def label(self) -> str:
        if self.commit is None or self.date is None:
            return "unversioned"
        return f"{self.date.isoformat()} ({self.short})"

    def as_json(self) -> dict:
        return {
            "label": self.label,
            "date": self.date.isoformat() if self.date else None,
            "commit": self.commit,
        }


UNVERSIONED = DataVersion()


@dataclass(frozen=True)
class RecordChange:
    folder: str
    id: str
    status: str  # "added", "changed" or "removed"


@dataclass(frozen=True)
class Commit:
    commit: str
    short: str
    date: datetime.datetime
    subject: str
    changes: tuple[RecordChange, ...]


@dataclass
class History:
    """Per record: first-added and last-changed dates; the commits that touched records, newest first."""

    commits: list[Commit] = field(default_factory=list)
    added: dict[tuple[str, str], datetime.date] = field(default_factory=dict)
    last_changed: dict[tuple[str, str], datetime.date] = field(default_factory=dict)
    available: bool = False

    def last_changed_of(self, folder: str, record_id: str) -> datetime.date | None:
        return self.last_changed.get((folder, record_id))


def parse_log(output: str) -> History:
    """Reads `git log --format=<_LOG_FORMAT> --name-status --no-renames --relative` output."""
    history = History(available=True)
    for block in output.split("\0")[1:]:
        header, _, files = block.partition("\n")
        parts = header.split("\t", 3)
        if len(parts) != 4:
            continue
        full, short, when, subject = parts
        try:
            date = datetime.datetime.fromisoformat(when)
        except ValueError:
            continue
        changes = tuple(_record_changes(files.splitlines()))
        if not changes:
            continue
        history.commits.append(Commit(full, short, date, subject, changes))
        for change in changes:
            key = (change.folder, change.id)
            # git log lists the newest commit first: the first date seen is the last change, the
            # last "added" seen is the first addition.
            history.last_changed.setdefault(key, date.date())
            if change.status == "added":
                history.added[key] = date.date()
    return history


def _record_changes(lines: Iterable[str]) -> Iterable[RecordChange]:
    statuses = {"A": "added", "M": "changed", "D": "removed", "T": "changed"}
    for line in lines:
        status, _, path = line.partition("\t")
        folder, _, name = path.partition("/")
        record_id = name.removesuffix(".yaml")
        if (status[:1] in statuses and folder in _RECORD_FOLDERS and name.endswith(".yaml")
                and "/" not in name and ID_PATTERN.fullmatch(record_id)):
            yield RecordChange(folder, record_id, statuses[status[:1]])


def parse_version(output: str) -> DataVersion:
    parts = output.strip().split("\t")
    if len(parts) != 3:
        return UNVERSIONED
    try:
        committed = datetime.datetime.fromisoformat(parts[2])
    except ValueError:
        return UNVERSIONED
    return DataVersion(parts[0], parts[1], committed.date(), committed)


def git_output(directory: Path, *arguments: str) -> str | None:
    """git's output, or None when there is no git, no repository or any error."""
    try:
        result = subprocess.run(
            ["git", "-C", str(directory), *arguments],
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def read(data_dir: Path) -> tuple[DataVersion, History]:
    """The data version and the record history of the repository `data_dir` is in."""
    data_dir = Path(data_dir)
    state = git_output(data_dir, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository") if data_dir.is_dir() else None
    if state is None or state.split()[:1] != ["true"]:
        return UNVERSIONED, History()
    version = parse_version(git_output(data_dir, "log", "-1", f"--format={_VERSION_FORMAT}", "HEAD") or "")
    log = git_output(data_dir, "log", f"--format={_LOG_FORMAT}", "--name-status", "--no-renames",
               "--relative", "--", ".")
    history = parse_log(log or "")
    if not history.commits:
        # Untracked files inside some repository: HEAD says nothing about them.
        return UNVERSIONED, History()
    if state.split()[1:] != ["false"]:
        # A shallow clone: its oldest commit seems to add every record. Version yes, dates no.
        return version, History()
    return version, history
