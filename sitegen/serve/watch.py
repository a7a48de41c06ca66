"""Watching the project for changes and rebuilding.

Editors save in bursts and often by writing a temporary file and renaming it over the
real one, so events are gathered until things are quiet for a moment, renames count as
changes to their destination, editor scratch files are ignored, and a file whose bytes
are what they were before (saved unchanged) rebuilds nothing.
"""

from __future__ import annotations

import dataclasses

import hashlib
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from sitegen.errors import SitegenError
from sitegen.config import load_settings, CONFIG_NAME, Settings
from sitegen.site.proof import proof

MOST_PAGES_NAMED = 500      # past this many, a rebuild tells the tabs "every page" rather than a list

QUIET = 0.1          # seconds without events before a rebuild starts
_SCRATCH_SUFFIXES = ("~", ".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload")
_SCRATCH_NAMES = ("4913",)


def _is_scratch(path: Path) -> bool:
    name = path.name
    return (name.endswith(_SCRATCH_SUFFIXES) or name in _SCRATCH_NAMES or name.startswith((".#", ".goutputstream", ".tmp-"))
            or name in (".ingest-state.json", ".undo.json"))     # sitegen's own bookkeeping, not the site's


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return None


def changed_pages(written: list[str] | None, base_path: str) -> list[str] | str:
    """The URL paths of the pages a rebuild changed, for the tabs to see whether theirs is
    one; "*" when any page may look different (a stylesheet, a script, the 404 page)."""
    if written is None:
        return "*"
    pages = []
    for rel in written:
        if rel.startswith("static/") or rel == "404.html":
            return "*"
        if rel.endswith("index.html"):
            pages.append(base_path + rel[: -len("index.html")])
    return pages if len(pages) <= MOST_PAGES_NAMED else "*"


class SiteWatcher(FileSystemEventHandler):
    def __init__(self, settings: Settings, state, rebuild=None, lock: threading.Lock | None = None):
        from sitegen.site import build_site

        self.settings = settings
        self.state = state
        self.rebuild = rebuild or (lambda changed: build_site(self.settings, changed=changed))
        root = Path(settings.root).resolve()
        self.config_file = (root / CONFIG_NAME).resolve()
        # What the command line set over the file (--pages, --output, …) outlives a reload.
        try:
            from_file = load_settings(root)
            self.overrides = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)
                              if f.name != "root" and getattr(settings, f.name) != getattr(from_file, f.name)}
        except SitegenError:
            self.overrides = {}
        out = Path(settings.output_dir).resolve()
        self.ignored = [out, out.with_name(f".{out.name}.staging"), out.with_name(f".{out.name}.old")]
        self.folders = [Path(p).resolve() for p in (settings.pages_dir, settings.content_dir, settings.themes_dir) if p]
        for extra in (settings.vocabulary, settings.gazetteer, settings.landmarks):
            if extra:
                self.folders.append(Path(extra).resolve().parent)
        self.pending: set[Path] = set()
        self.known: dict[Path, str | None] = {}
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.last_event = 0.0
        self.stopping = threading.Event()
        self.observer = Observer()
        self.builds = 0                 # rebuilds run (for tests and the benchmark)
        self.last_build_seconds = 0.0
        self.last_changed: set[Path] = set()
        # Held while rebuilding: the preview's edit mode makes a correction (an ingest) only
        # between rebuilds, and a rebuild reads its files only once it is whole.
        self.building = lock or threading.Lock()

    def _relevant(self, path: Path) -> bool:
        if _is_scratch(path) or any(path == d or d in path.parents for d in self.ignored):
            return False
        return path == self.config_file or any(d in path.parents for d in self.folders)

    def _snapshot(self) -> None:
        for folder in self.folders:
            if folder.is_dir():
                for p in folder.rglob("*"):
                    if p.is_file() and self._relevant(p):
                        self.known[p] = _digest(p)
        self.known[self.config_file] = _digest(self.config_file)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory and event.event_type not in ("moved", "deleted"):
            return
        paths = [Path(event.src_path)]
        if getattr(event, "dest_path", None):
            paths.append(Path(event.dest_path))
        touched = {p.resolve() if p.exists() else p.absolute() for p in paths}
        touched = {p for p in touched if self._relevant(p)}
        if not touched:
            return
        with self.lock:
            self.pending |= touched
            self.last_event = time.monotonic()
        self.wake.set()

    def start(self) -> None:
        self._snapshot()
        watched = set()
        for folder in self.folders:
            if folder.is_dir() and folder not in watched:
                self.observer.schedule(self, str(folder), recursive=True)
                watched.add(folder)
        self.observer.schedule(self, str(self.config_file.parent), recursive=False)
        self.observer.start()
        self.thread = threading.Thread(target=self._loop, name="sitegen-watch", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()
        self.observer.stop()
        self.observer.join(timeout=5)
        self.thread.join(timeout=10)

    def _take_changes(self) -> set[Path]:
        with self.lock:
            paths, self.pending = self.pending, set()
        changed = set()
        for p in paths:
            digest = _digest(p)
            if digest is None and p not in self.known:
                continue            # came and went between two looks: an editor's (or sed's) scratch file
            if self.known.get(p, "missing") != digest:
                self.known[p] = digest
                changed.add(p)
        return changed

    def _loop(self) -> None:
        while not self.stopping.is_set():
            self.wake.wait(timeout=0.5)
            self.wake.clear()
            if self.stopping.is_set():
                return
            with self.lock:
                if not self.pending:
                    continue
                quiet_for = time.monotonic() - self.last_event
            if quiet_for < QUIET:
                time.sleep(QUIET - quiet_for)
                self.wake.set()
                continue
            if not self.building.acquire(blocking=False):
                with self.building:     # the edit mode is making a correction: let it end,
                    pass
                time.sleep(QUIET)       # and the events of its last writes arrive, then look again
                self.wake.set()
                continue
            try:
                self._build_changes()
            finally:
                self.building.release()

    def _build_changes(self) -> None:
        """Rebuild for what changed since the last look (nothing when nothing did)."""
        changed = self._take_changes()
        if not changed:
            return
        self.last_changed = changed
        started = time.monotonic()
        if self.config_file in changed:
            # sitegen.toml changed: build with what it says now (a new title shows), or
            # show its error until it is fixed.
            try:
                self.settings = dataclasses.replace(load_settings(Path(self.settings.root)), **self.overrides)
            except SitegenError as exc:
                self.builds += 1
                self.state.finished(str(exc), "*")
                return
        if self.state.error is None:
            proofed = proof(self.settings, changed)
            if proofed:
                self.state.proofed(changed_pages(proofed, self.settings.base_path))
        pages: list[str] | str = "*"
        try:
            report = self.rebuild(changed)
            for p in getattr(report, "content_written", ()):  # ingest's own writes are no edit
                self.known[Path(p).resolve()] = _digest(Path(p))
            error = None
            pages = changed_pages(getattr(report, "written_files", None), self.settings.base_path)
        except SitegenError as exc:
            error = str(exc)
        except Exception as exc:  # keep serving whatever went wrong
            error = f"{type(exc).__name__}: {exc}"
        self.builds += 1
        self.last_build_seconds = time.monotonic() - started
        self.state.finished(error, pages)
