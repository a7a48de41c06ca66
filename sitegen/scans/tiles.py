"""Deep-zoom tiles of a page scan as IIIF Image API 3.0 level-0 static files.

Pure arithmetic: an image's size in, the tiles it is cut into out (each tile's file path,
the region of the full image it shows and its own size), and the ``info.json`` that
describes them. The paths are the canonical IIIF request URIs
(``{region}/{size}/0/default.jpg``), so any IIIF viewer — OpenSeadragon here — asks for
exactly these files, and a page whose scan lives on an IIIF image service is shown by the
very same viewer reading that service's ``info.json`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

TILE = 512                 # pixels: 35 tiles for the full level of a 2500×3500 page


@dataclass(frozen=True)
class Tile:
    path: str                           # "0,0,1024,1024/512,512/0/default.jpg"
    scale: int                          # scale factor: 1 full size, 2 half, …
    box: tuple[int, int, int, int]      # left, top, right, bottom in the level's own pixels


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def scale_factors(width: int, height: int, tile: int = TILE) -> list[int]:
    """1, 2, 4, … down to the level at which the whole page fits in one tile."""
    factors = [1]
    while max(_ceil_div(width, factors[-1]), _ceil_div(height, factors[-1])) > tile:
        factors.append(factors[-1] * 2)
    return factors


def level_size(width: int, height: int, scale: int) -> tuple[int, int]:
    return _ceil_div(width, scale), _ceil_div(height, scale)


def tiles(width: int, height: int, tile: int = TILE) -> list[Tile]:
    """Every tile of every level, the full-size level first."""
    out = []
    for scale in scale_factors(width, height, tile):
        lw, lh = level_size(width, height, scale)
        for y in range(_ceil_div(lh, tile)):
            for x in range(_ceil_div(lw, tile)):
                left, top = x * tile, y * tile
                w, h = min(tile, lw - left), min(tile, lh - top)
                rx, ry = left * scale, top * scale
                rw, rh = min(tile * scale, width - rx), min(tile * scale, height - ry)
                region = "full" if (rx, ry, rw, rh) == (0, 0, width, height) else f"{rx},{ry},{rw},{rh}"
                size = "max" if (w, h) == (width, height) else f"{w},{h}"
                out.append(Tile(f"{region}/{size}/0/default.jpg", scale, (left, top, left + w, top + h)))
    return out


def info_json(service_id: str, width: int, height: int, tile: int = TILE) -> dict:
    """The image's IIIF ``info.json``: level 0, so a viewer asks only for the tiles made."""
    return {
        "@context": "http://iiif.io/api/image/3/context.json",
        "id": service_id,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": width,
        "height": height,
        "tiles": [{"width": tile, "height": tile, "scaleFactors": scale_factors(width, height, tile)}],
    }
