"""Published ids compared with the branch a change goes into, not only with the file it edits.

The loader checks that every id listed in data/published.yaml still has its record or a redirect.
A change that removes a record *and* its line in that file passes that check, and the URL is gone.
So `atlas validate` also reads the file as it is on the base branch (`main`, or the ref in
ATLAS_BASE_REF) and refuses any id published there that the change no longer lists or redirects.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from atlas.checks import published
from atlas.publish.history import git_output
from atlas.read.problems import Problem

DEFAULT_REF = "main"
REF_VARIABLE = "ATLAS_BASE_REF"


@dataclass
class BaseComparison:
    ref: str
    problems: list[Problem] = field(default_factory=list)
    # Why the comparison could not be made (no git, no such ref); None when it was made.
    unavailable: str | None = None
    # The ref was asked for (ATLAS_BASE_REF): then not finding it is an error, not a note.
    required: bool = False


def compare(data_dir: Path, shown_as: str) -> BaseComparison:
    ref = os.environ.get(REF_VARIABLE) or DEFAULT_REF
    comparison = BaseComparison(ref, required=bool(os.environ.get(REF_VARIABLE)))
    if git_output(data_dir, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is None:
        comparison.unavailable = f"git knows no commit '{ref}' here"
        return comparison
    text = git_output(data_dir, "show", f"{ref}:./{published.FILE_NAME}")
    if text is None:
        return comparison  # nothing was published on the base branch
    base_problems: list[Problem] = []
    base = published.parse(f"{ref}:{shown_as}/{published.FILE_NAME}", text.encode("utf-8"), base_problems)
    if base is None:
        return comparison  # broken there: nothing reliable to compare with
    current = published.read(data_dir, shown_as, [])
    comparison.problems = list(_unpublished(ref, base.content, current, f"{shown_as}/{published.FILE_NAME}"))
    return comparison


def _known(content: published.Published | None, folder: str) -> set[str]:
    if content is None:
        return set()
    return set(getattr(content, folder)) | set(getattr(content.redirects, folder))


def _unpublished(ref: str, base: published.Published, current: published.PublishedFile | None, shown: str):
    """unpublished-id: an id listed or redirected on the base branch that this change drops."""
    for folder in published.FOLDERS:
        dropped = _known(base, folder) - _known(current.content if current else None, folder)
        for identifier in sorted(dropped):
            line, column = 1, 1
            if current is not None and folder in (current.parsed.data or {}):
                position = current.parsed.position((folder,))
                line, column = position.line, position.column
            yield Problem(
                shown, line, column, "unpublished-id", folder,
                f"'{identifier}' is published on {ref} (/{folder}/{identifier}/) but this change no "
                f"longer lists it",
                f"put `- {published.quote(identifier)}` back under `{folder}:`; if its record is gone, "
                f"also add `{published.quote(identifier)}: <new id>` under `redirects:` > `{folder}:`",
            )
