"""Writes atlas/site/geodata/countries.json, the country outlines the world map is drawn from.

Run once when the boundaries should change (the output is committed; the build never needs npm):

    npm ci && .venv/bin/python tools/vendor_world_map.py

Input: `countries-50m.json` of the npm package `world-atlas` (pinned in package.json), Natural
Earth 1:50m Admin 0 boundaries (public domain) as TopoJSON. Output: for each country, keyed by its
ISO 3166-1 alpha-3 code (lowercase, as the atlas ids), its name and its outline rings in degrees,
rounded and thinned to what a map 1,000 pixels wide can show.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
TARGET = ROOT / "atlas" / "site" / "geodata" / "countries.json"
TOLERANCE = 0.25  # degrees (under a pixel on a map 1,000 pixels wide): Douglas-Peucker tolerance
FINE_TOLERANCE = 0.02  # for outlines the coarse one would flatten (Bahrain, Singapore...)
MIN_AREA = 0.5  # square degrees: smaller islands are left out, unless they are all a country has


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia, Fiji) jumps from +180 to -180: move its
    points to the side most of them are on, so it is drawn whole (and cut at the map's edge)."""
    if all(abs(x2 - x1) <= 180 for (x1, _), (x2, _) in zip(points, points[1:])):
        return points
    east = sum(1 for x, _ in points if x > 0) >= len(points) / 2
    return [(x + 360 if east and x < 0 else x - 360 if not east and x > 0 else x, y) for x, y in points]


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: keep the points further than `tolerance` from the line that skips them."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            x, y = points[i]
            d = (abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / length if length
                 else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def area(points: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def outline(points: list[tuple[float, float]], tolerance: float) -> list[list[float]] | None:
    simple = [[round(x, 2), round(y, 2)] for x, y in simplify(points, tolerance)]
    return simple if len(simple) >= 4 else None


def main() -> int:
    if not SOURCE.is_file():
        print(f"{SOURCE} is missing: run `npm ci` first", file=sys.stderr)
        return 1
    topology = json.loads(SOURCE.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        # Outer rings only (holes such as lakes and enclaves are too small to show at this scale).
        outer = sorted((unwrap(ring(arcs, polygon[0])) for polygon in polygons), key=area, reverse=True)
        kept = [points for i, points in enumerate(outer) if i == 0 or area(points) >= MIN_AREA]
        rings = [outline(points, TOLERANCE) for points in kept]
        rings = [r for r in rings if r] or [r for r in [outline(outer[0], FINE_TOLERANCE)] if r]
        name = geometry["properties"]["name"]
        country = pycountry.countries.get(numeric=geometry.get("id", "-"))
        key = country.alpha_3.lower() if country else "-" + name.lower().replace(" ", "-").replace(".", "")
        if rings:
            countries[key] = {"name": name, "rings": rings}
    document = {
        "source": "Natural Earth 1:50m Admin 0 countries (public domain), via the npm package "
                  "world-atlas 2.0.2 (ISC); outlines thinned by tools/vendor_world_map.py",
        "countries": dict(sorted(countries.items())),
    }
    TARGET.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(countries)} countries, {TARGET.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
