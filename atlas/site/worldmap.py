"""The world map of the countries with records: outlines projected to SVG paths at build time.

The outlines (`geodata/countries.json`, Natural Earth, public domain; see tools/vendor_world_map.py)
are projected with the equirectangular projection, Antarctica left out. Each country with records
becomes a link to its page, shaded by its number of practices; the others are drawn as background.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from atlas.model.dataset import Dataset

GEODATA = Path(__file__).parent / "geodata" / "countries.json"
WIDTH = 1000
NORTH, SOUTH = 84.0, -57.0  # latitudes kept: Greenland's tip to Cape Horn
SCALE = WIDTH / 360
HEIGHT = round((NORTH - SOUTH) * SCALE)
# Upper bounds of the shading classes, in practices (the last class takes everything above).
CLASS_BOUNDS = (1, 3, 7, 15)


@dataclass(frozen=True)
class MapCountry:
    id: str
    name: str
    path: str
    practices: int  # 0 for background countries
    shade: int  # 0 = no records, 1..len(CLASS_BOUNDS)+1


@cache
def _outlines() -> dict:
    return json.loads(GEODATA.read_text(encoding="utf-8"))["countries"]


def _path(rings: list[list[list[float]]]) -> str:
    parts = []
    for ring in rings:
        points = [f"{(lon + 180) * SCALE:.1f} {(NORTH - lat) * SCALE:.1f}" for lon, lat in ring]
        parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


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
    countries = []
    for key, outline in sorted(outlines.items(), key=lambda item: -_extent(item[1]["rings"])):
        record = data.countries.get(key)
        count = len(data.practices_by_country.get(key, [])) if record else 0
        name = record.name if record else outline["name"]
        countries.append(MapCountry(key, name, _path(outline["rings"]), count, shade_of(count)))
    return countries


def missing_outlines(data: Dataset) -> list[str]:
    """Country records the map has no outline for (listed under the map, never silently dropped)."""
    return [code for code in data.countries if code not in _outlines()]
