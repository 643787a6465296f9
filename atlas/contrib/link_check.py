"""Checks every external link of the records (`links[].url`) and reports the dead ones.

Uses the network, so it never runs in a pull request: a weekly workflow runs it (`make links`)
and writes the report to the job summary. A link is *dead* when the server says the page is gone
(404, 410) or the host cannot be reached at all; other failures (403, 429, 5xx, timeouts) are
listed as *to look at*, because many sites turn away automated requests.
"""

from __future__ import annotations

import os
import re
import socket
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from atlas.model.dataset import Dataset
from atlas.model.records import KINDS
from atlas.model.web_address import why_not_public

USER_AGENT = "migration-policy-atlas-link-check/1.0 (+https://migration-policy-atlas.github.io/atlas/)"
GONE = {404, 410}


@dataclass(frozen=True)
class Outcome:
    url: str
    status: str  # "ok", "dead" or "look"
    detail: str


def links_of(data: Dataset) -> dict[str, list[str]]:
    """url -> where it is used, as `data/<folder>/<id>.yaml links[n].url`."""
    used: dict[str, list[str]] = defaultdict(list)
    for kind, cls in KINDS.items():
        for record in data.table(kind).values():
            for number, link in enumerate(getattr(record, "links", None) or []):
                used[link.url].append(f"data/{cls.folder}/{record.id}.yaml links[{number}].url")
    return dict(used)


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check_url(url: str, timeout: float, *, public_only: bool = True) -> Outcome:
    """`public_only=False` is for the tests' own server on loopback; the weekly check never sets it."""
    if public_only and (reason := _not_public(url)):
        return Outcome(url, "look", f"not requested: {reason}")
    try:
        status = _request(url, "HEAD", timeout)
        if status >= 400:  # some servers refuse HEAD: ask again the ordinary way
            status = _request(url, "GET", timeout)
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, socket.gaierror) or isinstance(reason, ConnectionRefusedError):
            return Outcome(url, "dead", f"cannot reach the host ({reason})")
        return Outcome(url, "look", f"request failed ({reason})")
    except (TimeoutError, socket.timeout):
        return Outcome(url, "look", f"no answer within {timeout:g} s")
    except (OSError, ValueError) as error:
        return Outcome(url, "look", f"request failed ({error})")
    if status in GONE:
        return Outcome(url, "dead", f"HTTP {status}")
    if status >= 400:
        return Outcome(url, "look", f"HTTP {status}")
    return Outcome(url, "ok", f"HTTP {status}")


def _not_public(url: str) -> str | None:
    try:
        return why_not_public(urlsplit(url))
    except ValueError as error:
        return str(error)


def check_all(used: dict[str, list[str]], timeout: float, workers: int, public_only: bool = True) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda url: check_url(url, timeout, public_only=public_only), sorted(used)))


def report(outcomes: list[Outcome], used: dict[str, list[str]]) -> Iterator[str]:
    """The Markdown report: dead links first, then those to look at, each with where it is used."""
    yield "# External links\n"
    yield f"{len(outcomes)} links checked.\n"
    for status, title in (("dead", "Dead links: fix or remove them"),
                          ("look", "Links to look at (the site may only refuse automated requests)")):
        rows = [outcome for outcome in outcomes if outcome.status == status]
        if not rows:
            continue
        yield f"\n## {title} ({len(rows)})\n"
        yield "| link | problem | used in |\n| --- | --- | --- |"
        for outcome in rows:
            where = "<br>".join(markdown_text(place) for place in used[outcome.url])
            yield f"| {markdown_text(outcome.url)} | {markdown_text(outcome.detail)} | {where} |"


# Record text goes into a Markdown table: each of these could start a link, an HTML tag, an
# emphasis or a new cell, so each is escaped with a backslash (CommonMark escapes any ASCII punctuation);
# ":" and "." too, so that no address in the report becomes a live link by GFM's autolinks.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()<>#+\-!|~&:.])")


def markdown_text(text: str) -> str:
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text.replace("\n", " "))


def run(data: Dataset, timeout: float = 20, workers: int = 8, public_only: bool = True) -> int:
    used = links_of(data)
    outcomes = check_all(used, timeout, workers, public_only)
    text = "\n".join(report(outcomes, used)) + "\n"
    print(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(text)
    return 1 if any(outcome.status == "dead" for outcome in outcomes) else 0
