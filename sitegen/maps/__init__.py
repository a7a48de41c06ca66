"""The district map: Beijing's 16 districts drawn as inline SVG at build time.

Boundaries: ``data/beijing-districts.geojson`` (sources and credit in ``data/SOURCES.md``).
Longitude is scaled by cos(latitude) so the city keeps its shape; north is up.
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


@dataclass(frozen=True)
class DistrictShape:
    name: str
    path: str            # SVG path data
    label_x: float
    label_y: float


@functools.lru_cache(maxsize=1)
def district_shapes() -> tuple[tuple[DistrictShape, ...], float, float]:
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

    shapes = []
    for name, rings in rings_by_name.items():
        parts = []
        for ring in rings:
            pts = [xy(p) for p in ring]
            parts.append("M" + "L".join(f"{x},{y}" for x, y in pts) + "Z")
        biggest = max(rings, key=len)
        cx = sum(xy(p)[0] for p in biggest) / len(biggest)
        cy = sum(xy(p)[1] for p in biggest) / len(biggest)
        shapes.append(DistrictShape(name, "".join(parts), round(cx, 1), round(cy, 1)))
    return tuple(shapes), WIDTH, round(height, 1)
