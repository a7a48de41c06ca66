"""The district map: Beijing's 16 districts drawn as inline SVG at build time.

Boundaries: ``data/beijing-districts.geojson`` (sources and credit in ``data/SOURCES.md``).
Longitude is scaled by cos(latitude) so the city keeps its shape; north is up. A map of
one city needs no projection library: at this size equirectangular is indistinguishable
from anything better.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

GEOJSON = Path(__file__).with_name("data") / "beijing-districts.geojson"
CREDIT = "数据来源：阿里云 DataV.GeoAtlas"
WIDTH = 600
# Districts smaller than these shares of the map get a smaller label, or just its first
# character (东城 and 西城 together are smaller than a two-character label).
SMALL, TINY = 0.01, 0.005


@dataclass(frozen=True)
class DistrictShape:
    name: str
    path: str            # SVG path data
    label_x: float
    label_y: float
    label: str = ""      # the name as printed on the map (区 dropped; one character when tiny)
    label_size: str = "normal"   # normal | small


def _ring_area_centroid(pts: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Shoelace area (absolute) and centroid of a closed ring in map coordinates."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        n = len(pts)
        return 0.0, sum(p[0] for p in pts) / n, sum(p[1] for p in pts) / n
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


@functools.lru_cache(maxsize=1)
def district_shapes() -> tuple[tuple[DistrictShape, ...], float, float]:
    """(shapes, width, height) of the map, for the ``districts.html`` template."""
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    rings_by_name = {}
    for f in data["features"]:
        geom = f["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings_by_name[f["properties"]["name"]] = [ring for poly in polys for ring in poly]
    points = [p for rings in rings_by_name.values() for ring in rings for p in ring]
    lon0, lon1 = min(p[0] for p in points), max(p[0] for p in points)
    lat0, lat1 = min(p[1] for p in points), max(p[1] for p in points)
    k = math.cos(math.radians((lat0 + lat1) / 2))
    scale = WIDTH / ((lon1 - lon0) * k)
    height = (lat1 - lat0) * scale

    def xy(p):
        return round((p[0] - lon0) * k * scale, 1), round((lat1 - p[1]) * scale, 1)

    projected = {name: [[xy(p) for p in ring] for ring in rings] for name, rings in rings_by_name.items()}
    areas = {name: sum(_ring_area_centroid(r)[0] for r in rings) for name, rings in projected.items()}
    total = sum(areas.values()) or 1.0
    shapes = []
    for name, rings in projected.items():
        path = "".join("M" + "L".join(f"{x},{y}" for x, y in ring) + "Z" for ring in rings)
        _, cx, cy = max((_ring_area_centroid(r) for r in rings), key=lambda t: t[0])   # the main part
        short = name[:-1] if len(name) > 2 and name.endswith("区") else name
        share = areas[name] / total
        label = short[0] if share < TINY else short
        shapes.append(DistrictShape(name, path, round(cx, 1), round(cy, 1), label,
                                    "small" if share < SMALL else "normal"))
    return tuple(shapes), WIDTH, round(height, 1)
