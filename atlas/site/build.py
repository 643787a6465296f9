"""The data of the current build: loaded once in MkDocs' configuration step, read by hooks and macros.

Loading happens in `on_config`, not at import time, because `mkdocs serve` keeps hook modules
imported across rebuilds: each rebuild must see the data as it is now.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..loader import load
from ..problems import report_lines
from .pages import PageRenderer

_renderer: PageRenderer | None = None
_redirects: dict[str, dict[str, str]] = {}


def data_dir(config_file: str) -> Path:
    """`ATLAS_DATA` points a build at another data folder (tests, benchmarks); default: ./data."""
    return Path(os.environ.get("ATLAS_DATA") or Path(config_file).parent / "data")


def start(config_file: str) -> PageRenderer:
    global _renderer, _redirects
    result = load(data_dir(config_file), shown_as="data")
    if result.problems:
        listing = "\n".join(report_lines(result.problems))
        raise PluginError(
            f"{len(result.problems)} problem(s) in the data; nothing was built:\n{listing}\n"
            "Run `make validate` to see them again."
        )
    _renderer = PageRenderer(result.dataset)
    _redirects = result.published.redirect_map() if result.published else {}
    return _renderer


def redirects() -> dict[str, dict[str, str]]:
    """Old id -> new id per folder, from data/published.yaml."""
    return _redirects


def renderer() -> PageRenderer:
    if _renderer is None:
        raise PluginError("the atlas data is not loaded: is atlas/site/hooks.py listed under `hooks:`?")
    return _renderer
