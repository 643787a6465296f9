"""Tables that compare: practices counted by lens and sector, lens and level, country and lens.

Each cell links to the explorer filtered to the practices it counts, so the counts here and the
explorer's always agree (both count a practice under its primary and its secondary lenses). Rows
come largest total first, at most `MAX_ROWS` of them (the others are counted below the table);
the last row totals each column, counting each practice once. A bar beside each count shows its
size against the table's largest cell; docs/assets/compare.js sorts the tables in the browser.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from atlas.model.dataset import Dataset
from atlas.site.explorer import countries_of

# Rows a table shows at most, largest total first, so that the page stays small however many
# countries the atlas reaches (about 400 bytes a row: 75 keep the page under 60 KB at 10,000
# practices); today every table is whole.
MAX_ROWS = 75


@dataclass(frozen=True)
class Cell:
    count: int
    query: Markup | None  # explorer query string, from validated ids only; None: not linked
    share: float = 0.0  # of the table's largest count, for the bar beside it

    @property
    def bar_style(self) -> Markup:
        return Markup(f"--share:{self.share:.2f}".replace(":0.", ":."))

    def scaled(self, largest: int) -> Cell:
        return Cell(self.count, self.query, round(self.count / largest, 2) if largest else 0.0)


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]
    total: Cell


@dataclass(frozen=True)
class CrossTable:
    anchor: str
    title: str
    row_heading: str
    columns: list[str]
    rows: list[Row]
    totals: Row  # each column's practices, each once
    more: int = 0  # rows past MAX_ROWS, not shown


def _query(pairs: list[tuple[str, str]]) -> Markup:
    return Markup(urlencode(pairs))


def _table(data: Dataset, anchor, title, row_heading, row_facet, rows, values_of) -> CrossTable:
    # One pass over the practices, not one per row: there are ~250 country rows.
    practices_by_row = defaultdict(list)
    counted = data.counted_practices
    # Cautionary examples are not counted: the explorer, opened from a count, leaves them out too.
    only_counted = [("example", "practice")] if len(counted) != len(data.practices) else []
    for practice in counted:
        for value in values_of(practice):
            practices_by_row[value].append(practice)
    lenses = data.terms("lenses")
    table_rows = []
    for row_id, row_label in rows:
        practices = practices_by_row.get(row_id)
        if not practices:
            continue
        cells = [
            Cell(sum(1 for p in practices if lens.id in data.lenses_of(p)),
                 _query([(row_facet, row_id), ("lens", lens.id), *only_counted]))
            for lens in lenses
        ]
        table_rows.append(Row(row_label, cells, Cell(len(practices), _query([(row_facet, row_id), *only_counted]))))
    table_rows.sort(key=lambda row: (-row.total.count, row.label.lower()))
    more = max(0, len(table_rows) - MAX_ROWS)
    table_rows = table_rows[:MAX_ROWS]
    largest = max((cell.count for row in table_rows for cell in row.cells), default=0)
    table_rows = [Row(row.label, [cell.scaled(largest) for cell in row.cells], row.total) for row in table_rows]
    # Each practice once, whatever its rows: the explorer ORs the values of one facet. When the
    # rows hold every practice, the totals need no row filter; past MAX_ROWS, a filter would name
    # each row (some 250 countries, in each of the row's links): the totals are then not linked.
    in_table = {p.id: p for row_id, _ in rows for p in practices_by_row.get(row_id, [])}
    every_row = [] if len(in_table) == len(counted) else [
        (row_facet, row_id) for row_id, _ in rows if practices_by_row.get(row_id)]

    def total(practices, *lens):
        linked = len(every_row) <= MAX_ROWS
        return Cell(len(practices), _query([*every_row, *lens, *only_counted]) if linked else None)

    totals = Row("All practices", [
        total([p for p in in_table.values() if lens.id in data.lenses_of(p)], ("lens", lens.id)) for lens in lenses
    ], total(in_table))
    return CrossTable(anchor, title, row_heading, [lens.label for lens in lenses], table_rows, totals, more)


def cross_tables(data: Dataset) -> list[CrossTable]:
    by_country = sorted(data.countries.values(), key=lambda c: c.name.lower())
    return [
        _table(data, "lens-by-sector", "Lens by sector", "Sector", "sector",
               [(t.id, t.label) for t in data.terms("sectors")],
               lambda practice: practice.sectors),
        _table(data, "lens-by-level", "Lens by level of government", "Level", "level",
               [(t.id, t.label) for t in data.terms("levels")],
               lambda practice: practice.levels),
        _table(data, "country-by-lens", "Country by lens", "Country", "country",
               [(c.id, c.name) for c in by_country],
               countries_of),
    ]
