"""A problem found in the data: where it is, what is wrong, and what to do about it.

Every check reports `Problem`s instead of raising, so one run lists every mistake at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from atlas.read.rules import CODES

# A message or hint quotes text from the file, which may be thousands of characters long.
MAX_TEXT = 400
# One mistake repeated (a renamed term used 600 times) is listed this many times, then counted.
SHOWN_PER_CODE = 20
# GitHub shows at most 10 error annotations per step (actions/toolkit, docs/problem-matchers.md).
ANNOTATIONS_SHOWN = 10


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    code: str
    field: str
    message: str
    hint: str = ""

    def __post_init__(self):
        # Every code is registered (atlas/read/rules.py), with the corpus case that shows it.
        if self.code not in CODES:
            raise ValueError(f"problem code {self.code!r} is not in atlas/read/rules.py")

    def format(self) -> str:
        """`file:line:col: error [code] field: message; hint`, the form editors and CI parse."""
        where = f"{_shorten(self.field)}: " if self.field else ""
        hint = f"; {_shorten(self.hint)}" if self.hint else ""
        # Field names and values quoted in messages come from the file: one problem, one line.
        return printable(f"{self.path}:{self.line}:{self.column}: error [{self.code}] {where}{_shorten(self.message)}{hint}")

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the changed line."""
        text = self.format().split(": error ", 1)[1]
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::error file={_property(self.path)},line={self.line},col={self.column},"
            f"title={_property(self.code)}::{text}"
        )


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def report_lines(problems: Iterable[Problem], annotate: bool = False) -> list[str]:
    """The lines that report `problems`: each, with its GitHub annotation when `annotate`, up to
    SHOWN_PER_CODE of each code, then one line per code saying how many more were not listed."""
    lines, shown, hidden, annotations = [], Counter(), Counter(), 0
    for problem in problems:
        if shown[problem.code] == SHOWN_PER_CODE:
            hidden[problem.code] += 1
            continue
        shown[problem.code] += 1
        lines.append(problem.format())
        if annotate and annotations < ANNOTATIONS_SHOWN:
            lines.append(problem.github_annotation())
            annotations += 1
    lines += [f"… and {count} more [{code}] problem(s), not listed: fix those above and run again"
              for code, count in sorted(hidden.items())]
    return lines


def _property(value: str) -> str:
    """A workflow command property: a file name with a comma must not start a property of its own."""
    for character, escape in (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")):
        value = value.replace(character, escape)
    return value


def field_path(location: tuple) -> str:
    """('actors', 0, 'role') -> 'actors[0].role'."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def printable(text: str) -> str:
    """`text` with line breaks, control characters and undecodable bytes written as escapes, so
    that text from a pull request (a key, a file name) cannot forge lines in the output, such as
    a GitHub workflow command."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)
