"""The world map of the countries with records: outlines projected to SVG paths at build time.

The outlines (`geodata/countries.json`, Natural Earth, public domain; see tools/vendor_world_map.py)
are projected with the equirectangular projection, Antarctica left out. Each country with records
becomes a link to its page, shaded by its number of practices (of all lenses, or of one: the
switch above the map, docs/assets/map.js); the others are drawn as background, and a country the
sources name without a practice has a style of its own.

A country with practices whose outline is too small to see or to tap on a phone (under 24 CSS px
either way, WCAG 2.2's target size, with the map 358 px wide on a 390 px screen) also gets a marker:
a 24 px circle, shaded like the outline and showing its count, that is the link. Markers are
pushed apart where they would overlap (at the phone's scale), and a thin line leads from each
moved marker back to its country.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from atlas.model.dataset import Dataset

GEODATA = Path(__file__).parent / "geodata" / "countries.json"
# The drawing's own file, beside the countries index that fetches it (docs/assets/map.js): JSON,
# {"drawing": "<svg ..."}, data as the explorer's is, not a page. No country page can take the
# name (a country's id is its ISO 3166 code).
DRAWING_FILE = "world-map.json"
WIDTH = 1000
NORTH, SOUTH = 84.0, -57.0  # latitudes kept: Greenland's tip to Cape Horn
SCALE = WIDTH / 360
HEIGHT = round((NORTH - SOUTH) * SCALE)
# Upper bounds of the shading classes, in practices (the last class takes everything above).
CLASS_BOUNDS = (1, 3, 7, 15)
# The map's width on a 390 px phone (Material's content margins taken off), and WCAG 2.2's
# smallest target, in CSS px: a country smaller than that either way gets a marker. Markers are
# placed apart twice: for the phone, and for a desktop's map (about 690 px wide), where they need
# to move less.
PHONE_MAP_WIDTH = 358
WIDE_MAP_WIDTH = 690
TARGET = 24
MARKER_GAP = 2  # px between two markers, at the phone's scale


@dataclass(frozen=True)
class MapCountry:
    id: str
    name: str
    path: str
    practices: int  # 0 for background countries
    shade: int  # 0 = no practice, 1..len(CLASS_BOUNDS)+1
    shades: str  # the shade for all practices, then for each lens, space-separated (map.js)
    counts: str  # the same counts, space-separated


@dataclass(frozen=True)
class Marker:
    country: MapCountry
    anchor: tuple[float, float]  # the country's centre, in map units, where its line starts
    phone: tuple[float, float]  # the marker's centre on a phone's map, in map units
    wide: tuple[float, float]  # and on a wider one

    @staticmethod
    def percent(point: tuple[float, float]) -> str:
        return f"{100 * point[0] / WIDTH:.2f}%", f"{100 * point[1] / HEIGHT:.2f}%"

    @property
    def style(self) -> str:
        (left, top), (phone_left, phone_top) = self.percent(self.wide), self.percent(self.phone)
        return f"--left: {left}; --top: {top}; --left-phone: {phone_left}; --top-phone: {phone_top}"

    def moved(self, layout: str) -> bool:
        x, y = getattr(self, layout)
        return math.hypot(x - self.anchor[0], y - self.anchor[1]) > 1


@cache
def _outlines() -> dict:
    return json.loads(GEODATA.read_text(encoding="utf-8"))["countries"]


def _point(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) * SCALE, (NORTH - lat) * SCALE


def _path(rings: list[list[list[float]]]) -> str:
    parts = []
    for ring in rings:
        points = [f"{x:.1f} {y:.1f}" for x, y in (_point(lon, lat) for lon, lat in ring)]
        parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def _box(ring) -> tuple[float, float, float, float]:
    points = [_point(lon, lat) for lon, lat in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _extent(rings) -> float:
    lons = [lon for ring in rings for lon, _ in ring]
    lats = [lat for ring in rings for _, lat in ring]
    return (max(lons) - min(lons)) * (max(lats) - min(lats))


def shade_of(count: int) -> int:
    if count == 0:
        return 0
    return next((i + 1 for i, bound in enumerate(CLASS_BOUNDS) if count <= bound), len(CLASS_BOUNDS) + 1)


def legend() -> list[tuple[int, str]]:
    """(shade, "2–3 practices") for each class."""
    items, low = [], 1
    for i, bound in enumerate(CLASS_BOUNDS):
        items.append((i + 1, f"{low}" if low == bound else f"{low}–{bound}"))
        low = bound + 1
    items.append((len(CLASS_BOUNDS) + 1, f"{low} or more"))
    return items


def map_countries(data: Dataset) -> list[MapCountry]:
    """Every outline, the larger first so that small countries are drawn on top of their neighbours."""
    outlines = _outlines()
    lenses = [lens.id for lens in data.terms("lenses")]
    countries = []
    for key, outline in sorted(outlines.items(), key=lambda item: -_extent(item[1]["rings"])):
        record = data.countries.get(key)
        practices = data.practices_by_country.get(key, []) if record else []
        counts = [len(practices)] + [sum(1 for p in practices if lens in data.lenses_of(p)) for lens in lenses]
        name = record.name if record else outline["name"]
        countries.append(MapCountry(key, name, _path(outline["rings"]), counts[0], shade_of(counts[0]),
                                    " ".join(str(shade_of(c)) for c in counts), " ".join(map(str, counts))))
    return countries


def markers(data: Dataset, countries: list[MapCountry]) -> list[Marker]:
    """A marker for each country with practices too small to tap on a phone, apart from the others."""
    outlines = _outlines()
    scale = PHONE_MAP_WIDTH / WIDTH
    found = []
    for country in countries:
        if not country.practices or country.id not in data.countries:
            continue
        every = [_box(ring) for ring in outlines[country.id]["rings"]]
        width = max(box[2] for box in every) - min(box[0] for box in every)
        height = max(box[3] for box in every) - min(box[1] for box in every)
        if width * scale >= TARGET and height * scale >= TARGET:
            continue
        # The centre of its largest piece: not the sea between a country's islands or territories.
        left, top, right, bottom = _box(max(outlines[country.id]["rings"], key=lambda ring: _extent([ring])))
        found.append((country, ((left + right) / 2, (top + bottom) / 2)))
    anchors = [anchor for _, anchor in found]
    phone = _spread(anchors, (TARGET + MARKER_GAP) * WIDTH / PHONE_MAP_WIDTH)
    wide = _spread(anchors, (TARGET + MARKER_GAP) * WIDTH / WIDE_MAP_WIDTH)
    return [Marker(country, anchor, p, w) for (country, anchor), p, w in zip(found, phone, wide)]


def _spread(anchors: list[tuple[float, float]], spacing: float) -> list[tuple[float, float]]:
    """Push markers apart until no two are closer than `spacing` (map units), each pair moving
    half the overlap along the line between them; deterministic, so every build draws the same."""
    positions = [list(anchor) for anchor in anchors]
    radius = spacing / 2
    for _ in range(300):
        moved = False
        # Swept from west to east, a marker meets only those less than `spacing` east of it (the
        # 160 markers of 1,000 practices, both spreads: 1.63 -> 0.43 s of CPU). A pass that moves
        # none sees them in their true order, so every close pair is found before the loop ends.
        order = sorted(range(len(positions)), key=lambda k: positions[k][0])
        for start, i in enumerate(order):
            for j in order[start + 1:]:
                dx = positions[j][0] - positions[i][0]
                if dx >= spacing:
                    break
                dy = positions[j][1] - positions[i][1]
                distance = math.hypot(dx, dy)
                if distance >= spacing:
                    continue
                if distance < 1e-6:  # the same place: part them along a fixed direction
                    dx, dy, distance = 1.0, 0.0, 1.0
                push = (spacing - distance) / 2
                positions[i][0] -= dx / distance * push
                positions[i][1] -= dy / distance * push
                positions[j][0] += dx / distance * push
                positions[j][1] += dy / distance * push
                moved = True
        for position in positions:  # the whole marker stays on the map
            position[0] = min(max(position[0], radius), WIDTH - radius)
            position[1] = min(max(position[1], radius), HEIGHT - radius)
        if not moved:
            break
    return [(x, y) for x, y in positions]


def map_context(data: Dataset) -> dict:
    """What the map's templates show: the frame on the page and the drawing in its own file."""
    countries = map_countries(data)
    placed = markers(data, countries)
    return {
        "countries": countries,
        "markers": placed,
        "marked": {marker.country.id for marker in placed},
        "lenses": data.terms("lenses"),
        "record_ids": set(data.countries),
        "linked": [c for c in countries if c.id in data.countries],
        "missing": [data.countries[code] for code in missing_outlines(data)],
        "legend": legend(),
        "width": WIDTH,
        "height": HEIGHT,
        "drawing": DRAWING_FILE,
    }


def missing_outlines(data: Dataset) -> list[str]:
    """Country records the map has no outline for (listed under the map, never silently dropped)."""
    return [code for code in data.countries if code not in _outlines()]
