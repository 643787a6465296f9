"""A problem found in the data: where it is, what is wrong, and what to do about it.

Every check reports `Problem`s instead of raising, so one run lists every mistake at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    code: str
    field: str
    message: str
    hint: str = ""

    def format(self) -> str:
        """`file:line:col: error [code] field: message; hint`, the form editors and CI parse."""
        where = f"{self.field}: " if self.field else ""
        hint = f"; {self.hint}" if self.hint else ""
        # Field names and values quoted in messages come from the file: one problem, one line.
        return printable(f"{self.path}:{self.line}:{self.column}: error [{self.code}] {where}{self.message}{hint}")

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the changed line."""
        text = self.format().split(": error ", 1)[1]
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::error file={_property(self.path)},line={self.line},col={self.column},"
            f"title={_property(self.code)}::{text}"
        )


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
