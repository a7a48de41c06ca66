"""A site's page scans: found beside the page files or in the manifest, their derivatives
made (only those not in the cache yet), and put into the site under ``scans/<folder>/``."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.scans import derive as deriving
from sitegen.scans import tiles as tiling
from sitegen.scans.sources import ScanSource, find_scans

SITE_FOLDER = "scans/"
SETTINGS_KEYS = ("originals", "largest")


@dataclass(frozen=True)
class ScanSettings:
    originals: bool = True          # copy the full-size original into the site, for download
    largest: int | None = None      # tiles go up to this many pixels on the longer side


@dataclass(frozen=True)
class Scan:
    """What a page's views show of its scan. Paths are under the site's root, or full URLs
    for a scan on an IIIF image service (then sizes are unknown until the viewer asks)."""
    info: str                       # the IIIF info.json the viewer opens
    web: str                        # web-size picture (1200 px): until the viewer runs, OpenGraph image
    small: str                      # the same, 640 px wide: on a phone
    thumb: str                      # thumbnail in the issue view (320 px)
    width: int | None = None
    height: int | None = None
    web_size: tuple[int, int] | None = None
    small_size: tuple[int, int] | None = None
    thumb_size: tuple[int, int] | None = None
    original: str | None = None     # the full-size original, when copied
    original_bytes: int | None = None
    service: str | None = None      # the IIIF image service, when the scan lives on one


@dataclass
class PageScans:
    """Every page file's scan, and what to put into the site for each."""
    by_source: dict[str, Scan]
    made: dict[str, tuple[Path, deriving.Derivatives, ScanSource]]   # folder → cache folder, derivatives, source
    settings: ScanSettings
    derived: int = 0                # images cut this build (not found in the cache)


def scan_settings(settings) -> ScanSettings:
    """``[scans]`` in sitegen.toml: ``originals = false`` leaves the full-size originals out
    of the site; ``largest = 3000`` makes tiles only up to that size."""
    table = (getattr(settings, "extra", None) or {}).get("scans", {})
    where = Path(settings.root) / "sitegen.toml"
    if not isinstance(table, dict):
        raise SitegenError("scans must be a table: [scans] with originals = … and largest = …", where)
    unknown = sorted(set(table) - set(SETTINGS_KEYS))
    if unknown:
        raise SitegenError(f"[scans]: unknown key '{unknown[0]}' (it takes originals and largest)", where)
    originals = table.get("originals", True)
    largest = table.get("largest")
    if not isinstance(originals, bool):
        raise SitegenError(f"[scans] originals must be true or false, not {originals!r}", where)
    if largest is not None and (isinstance(largest, bool) or not isinstance(largest, int) or largest < tiling.TILE):
        raise SitegenError(f"[scans] largest must be a number of pixels of at least {tiling.TILE}, not {largest!r}",
                           where)
    return ScanSettings(originals, largest)


def scan_sources(settings) -> list[ScanSource]:
    """The page files that have a scan, and where it is."""
    from sitegen.dates import MANIFEST_NAME, read_manifest

    pages_dir = Path(settings.pages_dir) if settings.pages_dir else None
    if pages_dir is None or not pages_dir.is_dir():
        return []
    manifest_file = pages_dir / MANIFEST_NAME
    try:                 # most manifests give no image: a big one need not be parsed for none
        has_images = "image" in manifest_file.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        has_images = False
    manifest = read_manifest(pages_dir) if has_images else {}
    images = {key: entry.image for key, entry in manifest.items() if entry.image}
    return find_scans(pages_dir, images, Path(settings.root))


def scan_inputs(settings) -> list[Path]:
    """The files the scans are made from: for the build's "nothing changed" check."""
    from sitegen.dates import MANIFEST_NAME

    files = [s.path for s in scan_sources(settings) if s.path is not None]
    if settings.pages_dir:
        files.append(Path(settings.pages_dir) / MANIFEST_NAME)
    return files


def _derive_one(job: tuple[Path, Path, str, int | None]) -> deriving.Derivatives:
    source, cache_dir, folder, largest = job
    return deriving.derive(source, cache_dir, folder, largest)


def prepare_scans(settings) -> PageScans:
    """Find every scan and make the derivatives the cache lacks (on every core when there
    are several). A scan that cannot be read stops the build with one line naming it."""
    from sitegen.parallel import process_pool

    options = scan_settings(settings)
    sources = scan_sources(settings)
    cache_dir = Path(settings.cache_dir) / "scans"
    hashes_file = cache_dir / "hashes.json"
    try:
        known = json.loads(hashes_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    by_source: dict[str, Scan] = {}
    made: dict[str, tuple[Path, deriving.Derivatives, ScanSource]] = {}
    wanted: dict[str, ScanSource] = {}
    folders: dict[str, str] = {}
    for s in sources:
        if s.service:
            def sized(width: int, service: str = s.service) -> str:
                return f"{service}/full/{width},/0/default.jpg"        # any IIIF service of level 1 or more

            by_source[s.page] = Scan(info=f"{s.service}/info.json", web=sized(deriving.WEB_WIDTH),
                                     small=sized(deriving.SMALL_WIDTH), thumb=sized(deriving.THUMB_WIDTH),
                                     service=s.service)
            continue
        try:
            folder = deriving.folder_name(deriving.content_hash(s.path, known), options.largest)
        except OSError as exc:
            raise SitegenError(f"cannot read the page scan: {exc.strerror}", s.path) from None
        folders[s.page] = folder
        found = deriving.cached(cache_dir, folder)
        if found is not None:
            made[folder] = (cache_dir / folder, found, s)
        else:
            wanted.setdefault(folder, s)
    derived = 0
    if wanted:
        cache_dir.mkdir(parents=True, exist_ok=True)
        jobs = [(s.path, cache_dir, folder, options.largest) for folder, s in wanted.items()]
        pool = process_pool() if len(jobs) > 1 else None
        if pool is not None:
            with pool:
                results = list(pool.map(_derive_one, jobs))
        else:
            results = [_derive_one(job) for job in jobs]
        for (folder, s), result in zip(wanted.items(), results):
            made[folder] = (cache_dir / folder, result, s)
        derived = len(results)
    for s in sources:
        if s.page in folders:
            folder = folders[s.page]
            _, d, first = made[folder]
            base = f"{SITE_FOLDER}{folder}/"
            original = None
            if options.originals:
                original = f"{base}original{s.path.suffix.lower()}"
            by_source[s.page] = Scan(info=f"{base}info.json", web=f"{base}web.jpg", small=f"{base}small.jpg",
                                     thumb=f"{base}thumb.jpg", width=d.width, height=d.height, web_size=d.web,
                                     small_size=d.small, thumb_size=d.thumb,
                                     original=original, original_bytes=s.path.stat().st_size if original else None)
    _prune(cache_dir, set(made))
    if wanted or not hashes_file.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = hashes_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(known), encoding="utf-8")
        os.replace(tmp, hashes_file)
    return PageScans(by_source, made, options, derived)


def _prune(cache_dir: Path, used: set[str]) -> None:
    """Derivatives of images no page has any more leave the cache (the live site keeps its
    own links to them until the next build switches in)."""
    import shutil

    if not cache_dir.is_dir():
        return
    for entry in cache_dir.iterdir():
        if entry.is_dir() and entry.name not in used:
            shutil.rmtree(entry, ignore_errors=True)


def attach_scans(model, scans: PageScans) -> None:
    """Each printed page gets its scan (``PrintedPage.scan``), if its page file has one."""
    for issue in model.issues:
        for page in issue.pages:
            page.scan = scans.by_source.get(page.source)


def publish_scans(writer, scans: PageScans, service_id) -> None:
    """Put every scan's files into the site: tiles and copies linked from the cache (a file
    the live site already holds is carried over as it is), the original copied (never
    linked: the site shares no file an editor may change in place), ``info.json`` written
    with the service's id, ``service_id(path)``: the path under the site's base path, not a
    full URL, so the tiles load wherever the site is served (the preview, a mirror)."""
    for folder, (cached_dir, d, source) in sorted(scans.made.items()):
        base = f"{SITE_FOLDER}{folder}/"
        for rel in d.files:
            if not writer.keep(base + rel):
                writer.add_file(base + rel, cached_dir / rel)
        info = tiling.info_json(service_id(f"{SITE_FOLDER}{folder}"), d.width, d.height)
        writer.write(f"{base}info.json", json.dumps(info, separators=(",", ":")).encode("utf-8"))
        if scans.settings.originals:
            rel = f"{base}original{source.path.suffix.lower()}"
            if not writer.keep(rel):
                writer.add_file(rel, source.path, link=False)
