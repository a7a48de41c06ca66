"""Writing the site: into a staging folder, swapped in only when the build succeeded.

A build that fails leaves the previous site as it was. Unchanged files keep their bytes
and times (the staging folder starts as hard links of the previous output), so a rebuild
writes only what changed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class SiteWriter:
    def __init__(self, output_dir: Path):
        self.output_dir = Path(output_dir)
        self.staging = self.output_dir.with_name(f".{self.output_dir.name}.staging")
        self.written: list[str] = []
        self.files: set[str] = set()          # every file of the site being made
        self._folders: set[Path] = set()      # made already: most files have a folder of their own

    def _folder(self, path: Path) -> None:
        if path not in self._folders:
            path.mkdir(parents=True, exist_ok=True)
            self._folders.add(path)

    def __enter__(self) -> "SiteWriter":
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir(parents=True)
        return self

    def write(self, rel: str, data: bytes) -> None:
        self.files.add(rel)
        target = self.staging / rel
        previous = self.output_dir / rel
        try:
            if previous.is_file() and previous.stat().st_size == len(data) and previous.read_bytes() == data:
                self._folder(target.parent)
                os.link(previous, target)
                return
        except OSError:
            pass
        self._folder(target.parent)
        target.write_bytes(data)
        self.written.append(rel)

    def keep(self, rel: str) -> bool:
        """Carry the previous output's file over unchanged; False when there is none."""
        previous = self.output_dir / rel
        if not previous.is_file():
            return False
        target = self.staging / rel
        self._folder(target.parent)
        os.link(previous, target)
        self.files.add(rel)
        return True

    def copy_tree(self, source: Path, prefix: str, skip: set[str] = frozenset()) -> None:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                rel = f"{prefix}{path.relative_to(source).as_posix()}"
                if rel not in skip and rel not in self.files:
                    self.write(rel, path.read_bytes())

    def commit(self) -> None:
        """Swap the staging folder in for the output folder."""
        old = self.output_dir.with_name(f".{self.output_dir.name}.old")
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
        if self.output_dir.exists():
            self.output_dir.rename(old)
        self.staging.rename(self.output_dir)
        if old.exists():
            _remove_later(old)

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)


class InPlaceWriter(SiteWriter):
    """For a rebuild while previewing: change the output folder file by file (each write
    atomic), and remove what the site no longer has. Everything is rendered before the
    first write, so a failed build still leaves the site as it was."""

    def __init__(self, output_dir: Path, previous_files: set[str]):
        super().__init__(output_dir)
        self.previous_files = previous_files

    def __enter__(self) -> "InPlaceWriter":
        return self

    def write(self, rel: str, data: bytes) -> None:
        self.files.add(rel)
        target = self.output_dir / rel
        try:
            if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
                return
        except OSError:
            pass
        self._folder(target.parent)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        self.written.append(rel)

    def keep(self, rel: str) -> bool:
        if not (self.output_dir / rel).is_file():
            return False
        self.files.add(rel)
        return True

    def commit(self) -> None:
        for rel in self.previous_files - self.files:
            path = self.output_dir / rel
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            parent = path.parent            # and the folders that leaves empty (a/<id>/, tag/<slug>/…)
            while parent != self.output_dir and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent

    def __exit__(self, exc_type, exc, tb) -> None:
        pass


def _remove_later(folder: Path) -> None:
    """Delete the previous site in a process of its own: the new site is in place already,
    and deleting tens of thousands of folders would only keep the build waiting (1.6 s at
    10,000 articles). A deletion cut short is finished by the next build."""
    import subprocess
    import sys

    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
