"""Limits on the shape of record text, so that no pull request can stall the build or break a layout.

Each check returns None when the text is within its limits, or the reason it is not, written as
"what is wrong; what to do" (the model raises it as a validation error with that message).
Python-Markdown renders nested lists and quotes by recursion: 600 stacked "- " exhaust Python's
stack. Nobody writes more than a few levels in a summary, so the limits sit far above real text and
far below what breaks.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NESTING = 8  # lists and quotes inside one another, and emphasis inside emphasis
MAX_PROSE_LINES = 200
MAX_PROSE_LINE_LENGTH = 3000
MAX_COMBINING_MARKS = 4  # on one character: Vietnamese or pointed Hebrew need two or three
MAX_UNBROKEN_RUN = 80  # characters without a space in a single-line field (an id has at most 80)

# One block marker at the start of a line: a quote ">", a bullet, or a numbered item.
_BLOCK_MARKER = re.compile(r"[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)")
_EMPHASIS_RUN = re.compile(r"\*+|_+|~+")
_MARKS = frozenset({"Mn", "Me"})  # marks drawn on the letter before them


# A name, title or heading, in words as a reader counts them (separated by spaces). Names may be
# copied from a source (atlas/checks/own_words.py), so they are bounded. The longest title of
# the data has 25 words (an official document title); official titles run longer, and the
# hostile corpus's names have 31.
MAX_NAME_WORDS = 40

def _block_depth(line: str) -> int:
    depth, position = 0, 0
    while match := _BLOCK_MARKER.match(line, position):
        depth, position = depth + 1, match.end()
    indent = len(line) - len(line.lstrip(" \t"))
    return depth + indent // 4


def _emphasis_depth(line: str) -> int:
    """How many emphasis runs are open at once, reading a run as opening when a word follows it."""
    open_runs, deepest = [], 0
    for match in _EMPHASIS_RUN.finditer(line):
        before = line[match.start() - 1] if match.start() else " "
        after = line[match.end()] if match.end() < len(line) else " "
        closes = not before.isspace() and open_runs and open_runs[-1] == match.group()[0]
        if closes:
            open_runs.pop()
        elif not after.isspace():
            open_runs.append(match.group()[0])
            deepest = max(deepest, len(open_runs))
    return deepest


def why_prose_too_complex(text: str) -> str | None:
    lines = text.split("\n")
    if len(lines) > MAX_PROSE_LINES:
        return f"the text has {len(lines)} lines; keep it to {MAX_PROSE_LINES} lines or fewer"
    for line in lines:
        if len(line) > MAX_PROSE_LINE_LENGTH:
            return (f"a line has {len(line)} characters; break it into paragraphs of at most "
                    f"{MAX_PROSE_LINE_LENGTH} characters")
        if _block_depth(line) > MAX_NESTING:
            return (f"lists, quotes or indentation nest more than {MAX_NESTING} levels deep; "
                    "flatten the list or quote")
        if _emphasis_depth(line) > MAX_NESTING:
            return f"emphasis (* or _) nests more than {MAX_NESTING} levels deep; remove the extra marks"
    return None


def why_line_unreadable(text: str) -> str | None:
    marks = 0
    for character in text:
        marks = marks + 1 if unicodedata.category(character) in _MARKS else 0
        if marks > MAX_COMBINING_MARKS:
            return (f"more than {MAX_COMBINING_MARKS} accents or other combining marks on one letter; "
                    "write the letter with its accents only")
    longest = max((len(word) for word in text.split()), default=0)
    if longest > MAX_UNBROKEN_RUN:
        return (f"{longest} characters without a space; no word is longer than {MAX_UNBROKEN_RUN}, "
                "put spaces between the words")
    return None
