"""What page scans cost: bytes in the site per scanned page, and the time to cut one, for a
newspaper page scanned at 2500×3500 pixels (a broadsheet at about 150 dpi; 300 dpi is
twice each side, four times the pixels), grey and in colour, with and without the
original copied into the site and with tiles capped by ``[scans] largest``.

    python bench/scans.py [--size 2500x3500] [--pages 3]

The stand-in scans are the sample's page text laid out in columns on paper with grain
(noise the JPEG encoder cannot throw away, as it cannot a real scan's), saved as JPEG at
quality 90 as a scanner would; a clean rendering with no grain would cost a third of
this, a real scan of yellowed paper somewhat more. Prints one row per kind of page and what
fits in GitHub Pages' 1 GB.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from sitegen.scans.derive import derive  # noqa: E402

GB = 1_000_000_000


def stand_in_scan(text: str, size: tuple[int, int], colour: bool, seed: int) -> Image.Image:
    width, height = size
    page = Image.new("L", size, 232)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=max(12, width // 70))
    step, columns, margin = int(font.size * 1.3), 5, width // 30
    column_width = (width - 2 * margin) // columns
    col, y = 0, margin
    lines = [part for line in text.splitlines() for part in textwrap.wrap(line, column_width // font.size) or [""]]
    while col < columns:                        # the text again until the page is full, as a printed page is
        for part in lines:
            draw.text((margin + col * column_width, y), part, fill=30, font=font)
            y += step
            if y > height - margin:
                col, y = col + 1, margin
                if col == columns:
                    break
    grain = Image.effect_noise(size, 18 + seed)
    page = Image.blend(page, grain, 0.12)
    if colour:                                  # yellowed newsprint
        page = Image.merge("RGB", (page.point(lambda v: min(255, v + 8)), page, page.point(lambda v: v * 0.88)))
    return page


def folder_bytes(folder: Path) -> tuple[int, int, int, int]:
    tiles = [p for p in folder.rglob("default.jpg")]
    return (sum(p.stat().st_size for p in tiles), len(tiles),
            (folder / "web.jpg").stat().st_size + (folder / "small.jpg").stat().st_size,
            (folder / "thumb.jpg").stat().st_size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="2500x3500")
    parser.add_argument("--pages", type=int, default=3, help="pages of each kind (different text)")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.lower().split("x"))
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    work = Path(tempfile.mkdtemp(prefix="sitegen-scans-"))
    try:
        print(f"page scans at {size[0]}×{size[1]}, {args.pages} pages each; bytes per page (median)")
        print(f"{'kind':<26} {'original':>9} {'tiles':>9} {'n':>4} {'web+thumb':>10} {'with orig.':>11} "
              f"{'pages/GB':>9} {'no orig.':>9} {'pages/GB':>9} {'s/page':>7}")
        for colour in (False, True):
            for largest in (None, 2000):
                rows = []
                for n in range(args.pages):
                    img = stand_in_scan(texts[n % len(texts)], size, colour, n)
                    source = work / f"scan-{colour}-{n}.jpg"
                    img.save(source, "JPEG", quality=90)
                    t0 = time.perf_counter()
                    derive(source, work / "cache", f"f-{colour}-{largest}-{n}", largest)
                    seconds = time.perf_counter() - t0
                    tiles, count, web, thumb = folder_bytes(work / "cache" / f"f-{colour}-{largest}-{n}")
                    rows.append((source.stat().st_size, tiles, count, web + thumb, seconds))
                rows.sort(key=lambda r: r[1])
                original, tiles, count, small, seconds = rows[len(rows) // 2]
                with_original = original + tiles + small + 400      # and info.json; the pages' HTML is there without scans too
                without = tiles + small + 400
                kind = f"{'colour' if colour else 'grey'}{', largest ' + str(largest) if largest else ', full size'}"
                print(f"{kind:<26} {original / 1e6:>8.2f}M {tiles / 1e6:>8.2f}M {count:>4} {small / 1e3:>9.0f}K "
                      f"{with_original / 1e6:>10.2f}M {GB // with_original:>9,} {without / 1e6:>8.2f}M "
                      f"{GB // without:>9,} {seconds:>7.2f}")
        print("an IIIF image service (image = URL): 0 bytes of scans in the site; only the pages' HTML")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
