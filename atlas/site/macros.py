"""The macros hand-written pages call, registered with mkdocs-macros (record pages are rendered by hooks.py)."""

from __future__ import annotations

from markupsafe import Markup

from . import build, publishing
from .browse_macros import MACROS as BROWSE_MACROS
from .data_reference import data_reference_context
from .pages import PAGE_KINDS, coverage_context, index_groups


def record_index(kind: str) -> Markup:
    """The list of every record of `kind`, grouped, for its index page."""
    renderer = build.renderer()
    records = PAGE_KINDS[kind].records(renderer.data)
    noun = PAGE_KINDS[kind].title.lower()
    return renderer.block("index", groups=index_groups(renderer.data, kind), total=len(records), noun=noun)


def home(root: str = "") -> Markup:
    """Lens cards and record counts, for a page at the top (root "") or one folder down ("../")."""
    if root not in ("", "../"):
        raise ValueError("home() takes root '' or '../'")
    renderer = build.renderer()
    data = renderer.data
    lenses = [(lens, len(data.practices_in_lens(lens.id))) for lens in data.terms("lenses")]
    counts = {kind: len(page_kind.records(data)) for kind, page_kind in PAGE_KINDS.items()}
    return renderer.block("home", lenses=lenses, counts=counts, root=Markup(root))


def source_coverage() -> Markup:
    """The table of records per source document and kind, for the Sources page."""
    renderer = build.renderer()
    return renderer.block("coverage", **coverage_context(renderer.data))


def data_reference() -> Markup:
    """Every field of every record kind, from the model, for the Data reference page."""
    renderer = build.renderer()
    return renderer.block("data_reference", **data_reference_context(renderer.data))


def define_env(env) -> None:
    for macro in (record_index, home, source_coverage, data_reference, publishing.data_downloads,
                  publishing.changelog_days, *BROWSE_MACROS):
        env.macro(macro)
