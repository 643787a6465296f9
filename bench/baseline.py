"""Writes the benchmark's baseline: a plain Material site with one plain Markdown page per record.

Each page holds the record's own text (a title, its summary, then every other field as a short
list), so baseline pages carry about as much text as the atlas' record pages, without templates,
macros, links or tables. Pages live in `pages/`, which bench/baseline/mkdocs.yml keeps out of the
navigation, like the atlas' generated pages. `total_pages` pads with further pages so that both
sites build the same number of pages (the atlas also has index, lens and hand-written pages).
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import yaml

CONFIG = Path(__file__).resolve().parent / "baseline" / "mkdocs.yml"
ATLAS_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
RECORD_FOLDERS = ("practices", "countries", "frameworks", "organizations", "sources")


def _lines(value, depth: int = 0) -> list[str]:
    indent = "    " * depth
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                out += [f"{indent}- {key}:", *_lines(item, depth + 1)]
            else:
                out.append(f"{indent}- {key}: {item}")
        return out
    if isinstance(value, list):
        return [line for item in value for line in _lines(item, depth)]
    return [f"{indent}- {value}"]


def page_markdown(document: dict) -> str:
    title = document.get("title") or document.get("name")
    parts = [f"# {title}", "", str(document.get("summary") or ""), ""]
    for key, value in document.items():
        if key in ("id", "title", "name", "summary"):
            continue
        parts += [f"## {key.replace('_', ' ').capitalize()}", "", *_lines(value), ""]
    return "\n".join(parts)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` tags a safe loader refuses; they become None."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def atlas_nav(config: Path = ATLAS_CONFIG) -> list:
    """The atlas' navigation, so both sites render the same menu on every page."""
    return yaml.load(config.read_text(), Loader=_TolerantLoader)["nav"]


def _nav_pages(nav) -> list[tuple[str, str]]:
    """(path, title) of every page in a nav tree."""
    pages = []
    for item in nav:
        if isinstance(item, str):
            pages.append((item, Path(item).stem.capitalize()))
            continue
        for title, value in item.items():
            pages += _nav_pages(value) if isinstance(value, list) else [(value, title)]
    return pages


def write_baseline(data_dir: Path, out: Path, total_pages: int) -> int:
    """Write mkdocs.yml and docs/ to `out`: the atlas' nav with placeholder pages, then one page
    per record, then more pages until there are `total_pages`."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs" / "pages"
    docs.mkdir(parents=True)
    nav = atlas_nav()
    (out / "mkdocs.yml").write_text(CONFIG.read_text() + "\n" + yaml.safe_dump({"nav": nav}, sort_keys=False))
    written = 0
    for path, title in _nav_pages(nav):
        target = out / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {title}\n\nA page of the baseline's navigation.\n")
        written += 1
    files = sorted(path for folder in RECORD_FOLDERS for path in (data_dir / folder).glob("*.yaml"))
    for number, path in zip(range(total_pages - written), itertools.cycle(files)):
        document = yaml.load(path.read_text(), Loader=yaml.CSafeLoader)
        (docs / f"page-{number}.md").write_text(page_markdown(document))
        written += 1
    return written
