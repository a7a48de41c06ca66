"""Writing the site: into a staging folder, switched in only when the build succeeded.

The live output folder is never changed by a build: whatever stops a build (an error, a
full disk, kill -9), the folder holds the previous site or the new one, whole.

- The staging folder ``.<output>.staging`` is kept between builds: after a switch it holds
  the previous site. A build first brings it level with the live site, then replaces the
  files that changed. The build that switched records the files in which the two folders
  differ (a day's update: a few thousand of 230,000 at 100,000 articles), and the next
  build links again only those; without such a record (none kept, or the staging folder
  touched since: a build cut short, a restored cache) a process of its own walks both
  folders while this one loads and renders, and hard-links what differs. A file in staging
  is never written into, since it may be a link to the live site's: it is unlinked and
  made anew.
- The switch is one ``renameat2(RENAME_EXCHANGE)`` on Linux (``renamex_np(RENAME_SWAP)`` on
  macOS): the staging and output folders trade names in one step. Elsewhere it is two
  renames with a journal, and a build killed between them has the previous site put back by
  the next build (``recover``) before anything else.
- What the build records of the site (``LiveSite``: each file's inode, size and time) is
  checked against the live folder before a file is carried over without being made again,
  so a record left by a build killed after its switch cannot make a stale page stand.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitegen.errors import SitegenError

Record = tuple[int, int, int]        # a site file as the cache knows it: (inode, size, mtime_ns)

STAGING_OPEN = "staging-open"         # in the cache folder: the staging folder may differ from its record
SWAP_JOURNAL = "swap"                 # in the trash folder: which entry holds the previous site mid-swap
EXCHANGE = True                       # try the one-step exchange (tests turn it off for the two-rename path)


# --- fault injection (tests) -------------------------------------------------------------

_CRASH_AT = os.environ.get("SITEGEN_CRASH_AT", "")
_BUILD_PID = os.getpid()              # forked page workers inherit it: the build they work for
_crash_counts: dict[str, int] = {}


def crash_point(name: str) -> None:
    """``SITEGEN_CRASH_AT=name`` or ``name:n`` kills the build (SIGKILL, as kill -9 would) the
    n-th time it passes the point ``name``: ``write`` (a file written into staging, also in a
    page worker), ``sync``, ``before-swap``, ``swap`` (between the two renames of a switch
    without the one-step exchange),
    ``before-cache``, ``before-stamp``. For the tests; unset, it costs one comparison."""
    if not _CRASH_AT:
        return
    point, _, times = _CRASH_AT.partition(":")
    if point != name:
        return
    _crash_counts[name] = _crash_counts.get(name, 0) + 1
    if _crash_counts[name] >= int(times or 1):
        os.kill(_BUILD_PID, signal.SIGKILL)
        if os.getpid() != _BUILD_PID:      # a worker: it dies with its build
            time.sleep(30)
            os._exit(1)


# --- names beside the output folder ------------------------------------------------------

def staging_dir(output_dir: Path) -> Path:
    return output_dir.with_name(f".{output_dir.name}.staging")


def trash_dir(output_dir: Path) -> Path:
    return output_dir.with_name(f".{output_dir.name}.old")


def _record(st: os.stat_result) -> Record:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _restored(st: os.stat_result, wanted: Record) -> bool:
    """The recorded file copied back with its size and time (a CI cache restored by tar, a
    ``cp -a``): another inode, the same nanosecond. A time in whole seconds proves nothing
    (a coarse file system, a copy that kept seconds only), so such a file is made again."""
    return (st.st_size, st.st_mtime_ns) == wanted[1:] and st.st_mtime_ns % 1_000_000_000 != 0


class LiveSite:
    """The live output folder, and what the last build recorded of it. ``holds(rel)`` is
    true only for a file that is still the very file recorded (same inode, size and time):
    only such a file may be carried over on the strength of the cache."""

    def __init__(self, output_dir: Path, records: dict[str, Record] | None = None):
        self.output_dir = Path(output_dir)
        self._root = f"{self.output_dir}/"      # joined as text: pathlib's joins cost more than the stat
        self.records = records or {}
        self._seen: dict[str, Record | None] = {}
        self._checking = None                              # the check under way (parallel.Beside)
        self._odd: dict[str, Record | None] | None = None  # its answer: the files not as recorded

    def check(self) -> None:
        """Check every recorded file now, in a forked process of its own while the build
        loads (a stat each: 230,000 at 100,000 articles, a second of this process's time
        otherwise); ``holds`` then waits for its answer. Where forking is not safe, each
        file is checked as it is asked for."""
        from sitegen.parallel import Beside, can_fork

        if not self.records or self._checking is not None or not can_fork():
            return
        root, records = self._root, self.records
        self._checking = Beside(lambda: _odd_files(root, records), what="the live site's check")


    def close(self) -> None:
        """Stop a check still under way (the build failed)."""
        if self._checking is not None:
            checking, self._checking = self._checking, None
            checking.close()

    def wait(self) -> None:
        """Have the check's answer here now (``holds`` waits for it; so does a build before
        it forks: a child that read the check's pipe would take the answer from this process)."""
        if self._checking is not None:
            checking, self._checking = self._checking, None
            try:
                self._odd = checking.result()
            except Exception:      # each file is checked as it is asked for
                pass

    def holds(self, rel: str) -> Record | None:
        self.wait()
        if self._odd is not None:
            wanted = self.records.get(rel)
            return self._odd.get(rel, wanted) if wanted is not None else None
        if rel in self._seen:
            return self._seen[rel]
        found = None
        wanted = self.records.get(rel)
        if wanted is not None:
            try:
                st = os.stat(self._root + rel)
                if stat.S_ISREG(st.st_mode) and _record(st) == wanted:
                    found = wanted
                elif stat.S_ISREG(st.st_mode) and _restored(st, wanted):
                    found = _record(st)
            except OSError:
                pass
        self._seen[rel] = found
        return found


def _odd_files(root: str, records: dict[str, Record]) -> dict[str, Record | None]:
    """The recorded files that are not as recorded: None for one gone or changed, its new
    record for one copied back with its size and time (see ``_restored``)."""
    odd: dict[str, Record | None] = {}
    for rel, wanted in records.items():
        try:
            st = os.stat(root + rel)
        except OSError:
            odd[rel] = None
            continue
        if stat.S_ISREG(st.st_mode) and (st.st_ino, st.st_size, st.st_mtime_ns) == wanted:
            continue
        odd[rel] = _record(st) if stat.S_ISREG(st.st_mode) and _restored(st, wanted) else None
    return odd


class StagingRecord:
    """What the last build left recorded of the staging folder: the inodes of the two
    folders after its switch, and the files in which staging (the site before) differs from
    the live site, whose files the build's cache records (``live_files``). The record is
    trusted only while the marker file ``marker`` is absent: a build makes it before it
    changes the staging folder in any way, and only a build that saved its cache (with the
    new record) takes it away again."""

    def __init__(self, marker: Path, live_files: dict[str, Record] | None = None,
                 recorded: tuple = ()):
        self.marker = Path(marker)
        self.live_files = live_files or {}
        self.output, self.staging, self.differs = recorded if len(recorded) == 3 else (None, None, ())

    def saved(self) -> tuple:
        return (self.output, self.staging, self.differs) if self.output is not None else ()

    def describes(self, writer: "SiteWriter") -> bool:
        if self.output is None or os.path.lexists(self.marker):
            return False
        try:
            return (os.stat(writer.output_dir).st_ino, os.stat(writer.staging).st_ino) == (self.output, self.staging)
        except OSError:
            return False

    def open(self) -> None:
        self.marker.parent.mkdir(parents=True, exist_ok=True)
        self.marker.touch()
        self.output = self.staging = None          # nothing recorded now until ``record``

    def close(self) -> None:
        """The cache holding this record is saved: the record stands for the next build."""
        self.marker.unlink(missing_ok=True)


class SiteWriter:
    """Makes the new site in the staging folder, which is kept between builds: after a
    switch it holds the previous site, and ``start`` brings it level with the live site (a
    process of its own walks both, links what differs, removes what the live site lacks),
    so a rebuild changes only the files that changed. With ``hold`` (a small rebuild) the
    files made wait in memory until that walk is done; otherwise it is awaited first."""

    def __init__(self, output_dir: Path, live: LiveSite | None = None, hold: bool = False):
        self.output_dir = Path(output_dir)
        self.staging = staging_dir(self.output_dir)
        self.trash = trash_dir(self.output_dir)
        self.live = live or LiveSite(self.output_dir)
        self.hold = hold
        self.written: list[str] = []
        self.files: dict[str, Record] = {}      # every file of the site being made
        self._folders: set[str] = set()         # made already: most files have a folder of their own
        self._held: dict[str, bytes] = {}
        self._syncing: subprocess.Popen | None = None
        self._listing = None
        self._synced: dict[str, int] | None = None   # the live site's files (→ inode), as staging has them

    def _folder(self, path: str) -> None:
        if path not in self._folders:
            os.makedirs(path, exist_ok=True)
            self._folders.add(path)

    def start(self, recorded: "StagingRecord | None" = None) -> None:
        """Begin making the staging folder: level with the live site, or empty for a first
        build. ``recorded``: what the last build left recorded of the two folders (see
        ``record``), used when it still describes them."""
        if self._syncing is not None or self._synced is not None:
            return
        trusted = recorded is not None and recorded.describes(self)
        if recorded is not None:
            recorded.open()               # from here on the staging folder may differ from any record
        if os.path.lexists(self.staging) and not os.path.isdir(self.staging):
            os.unlink(self.staging)
        if not (self.output_dir / "index.html").is_file():
            if os.path.lexists(self.staging):
                _retire(self.staging, self.trash)
            self.staging.mkdir(parents=True)
            self._synced = {}
            return
        if trusted and self._level(recorded.live_files, recorded.differs):
            return
        self._listing = tempfile.TemporaryFile()
        self._syncing = subprocess.Popen(
            [sys.executable, "-I", "-c", _SYNC, str(self.output_dir), str(self.staging), str(os.getpid())],
            stdin=subprocess.DEVNULL, stdout=self._listing, stderr=subprocess.PIPE)
        crash_point("sync")

    def _level(self, live_files: dict[str, Record], differs: tuple[str, ...]) -> bool:
        """Bring the staging folder level with the live site from the last build's record:
        only the files in which the two differ are taken out and linked again. False (the
        walk is needed) on anything the record did not foresee."""
        synced = {rel: rec[0] for rel, rec in live_files.items()}
        live, staging = f"{self.output_dir}/", f"{self.staging}/"
        emptied = set()
        try:
            for n, rel in enumerate(differs):
                target = staging + rel
                try:
                    os.unlink(target)
                except FileNotFoundError:
                    pass
                if rel not in synced:
                    emptied.add(os.path.dirname(target))
                    continue
                try:
                    os.link(live + rel, target)
                except FileNotFoundError:
                    if not os.path.exists(live + rel):    # gone from the live site: made again if need be
                        del synced[rel]
                        emptied.add(os.path.dirname(target))
                        continue
                    self._folder(os.path.dirname(target))
                    os.link(live + rel, target)
                synced[rel] = os.lstat(target).st_ino
                if n == 0:
                    crash_point("sync")
        except OSError:
            return False
        for folder in sorted(emptied, key=len, reverse=True):   # a/<id>/ of an article gone, and so on up
            while folder.startswith(staging):
                try:
                    os.rmdir(folder)
                except OSError:
                    break
                folder = os.path.dirname(folder)
        self._synced = synced
        return True

    def record(self, records: "StagingRecord") -> None:
        """After the switch: note in ``records`` in which files the staging folder (the site
        before) differs from the live one, for the next build's ``_level``."""
        before = self._synced              # what staging held before this build's changes: the site before
        try:
            if before is None or not os.path.isdir(self.staging):
                return
            records.output, records.staging = os.stat(self.output_dir).st_ino, os.stat(self.staging).st_ino
        except OSError:
            return
        now = self.files
        differs = [rel for rel, ino in before.items() if rel not in now or now[rel][0] != ino]
        differs += [rel for rel in now if rel not in before]
        records.differs = tuple(sorted(differs))

    def _finish_sync(self) -> None:
        if self._syncing is None:
            return
        proc, self._syncing = self._syncing, None
        _, err = proc.communicate()
        if proc.returncode != 0:
            message = err.decode("utf-8", "replace").strip().splitlines()
            raise SitegenError(f"cannot bring {self.staging} level with the site: "
                               f"{message[-1] if message else 'failed'}")
        self._listing.seek(0)
        synced = {}
        for line in self._listing.read().decode("utf-8", "surrogateescape").splitlines():
            ino, _, rel = line.partition("\t")
            synced[rel] = int(ino)
        self._listing.close()
        self._synced = synced

    def abort(self) -> None:
        """Stop the walk (the build failed): the staging folder is left as it is, and the
        next build's walk puts it right."""
        self.live.close()
        if self._syncing is not None:
            self._syncing.kill()
            self._syncing.wait()
            self._syncing = None
        if self._listing is not None and not self._listing.closed:
            self._listing.close()

    def __enter__(self) -> "SiteWriter":
        self.start()
        if not self.hold:
            self._finish_sync()
        return self

    # -- making files

    def _create(self, rel: str, data: bytes, there: bool | None = None) -> None:
        """A new file in staging (never written into an existing one: it may be a link to
        the live site's file). ``there``: staging has a file of that name (it is unlinked
        first), None: not known."""
        target = f"{self.staging}/{rel}"
        if there:
            os.unlink(target)
        else:
            self._folder(os.path.dirname(target))
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if os.path.isdir(target) and not os.path.islink(target):
                shutil.rmtree(target)
            else:
                os.unlink(target)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            self.files[rel] = _record(os.fstat(fd))
        finally:
            os.close(fd)
        self.written.append(rel)
        crash_point("write")

    def write(self, rel: str, data: bytes) -> None:
        if self.hold and self._synced is None:
            self.files.setdefault(rel, (0, 0, 0))
            self._held[rel] = data
            return
        target = f"{self.staging}/{rel}"        # after the walk: the live site's file, linked
        try:
            st = os.lstat(target)
        except OSError:
            st = None
        if st is not None and stat.S_ISREG(st.st_mode) and st.st_size == len(data):
            with open(target, "rb") as fh:
                if fh.read() == data:
                    self.files[rel] = _record(st)
                    return
        self._create(rel, data, there=st is not None and not stat.S_ISDIR(st.st_mode))

    def keep(self, rel: str) -> bool:
        """Carry the previous site's file over unchanged (the walk links it); False when the
        live site does not hold the file the cache recorded (then it is made again)."""
        wanted = self.live.holds(rel)
        if wanted is None:
            return False
        self.files[rel] = wanted
        return True

    def add_file(self, rel: str, source: Path, link: bool = True) -> None:
        """Put a file made elsewhere into the site without reading it into memory (page
        scans' tiles, from the cache): hard-linked where it may be (the cache replaces its
        files whole, never writes into one), else copied."""
        self._finish_sync()
        target = self.staging / rel
        try:
            st = os.stat(target)
            if st.st_ino == os.stat(source).st_ino:
                self.files[rel] = _record(st)
                return
        except OSError:
            pass
        self._folder(str(target.parent))
        if os.path.lexists(target):
            target.unlink()
        try:
            if not link:
                raise OSError
            os.link(source, target)
        except OSError:                 # another file system, or a copy wanted
            tmp = target.with_name(f".{target.name}.tmp")
            shutil.copyfile(source, tmp)
            os.replace(tmp, target)
        self.files[rel] = _record(os.stat(target))
        self.written.append(rel)
        crash_point("write")

    def copy_tree(self, source: Path, prefix: str, skip: set[str] = frozenset(), transform=None) -> None:
        """Every file under ``source`` written under ``prefix``; ``transform(rel, data)``, when
        given, says what each file is published as."""
        for path in sorted(source.rglob("*")):
            if path.is_file():
                rel = f"{prefix}{path.relative_to(source).as_posix()}"
                if rel not in skip and rel not in self.files:
                    data = path.read_bytes()
                    self.write(rel, transform(rel, data) if transform else data)

    def _settle(self) -> None:
        """The walk done: the held files written, the kept ones checked, and what the new
        site no longer has taken out."""
        self._finish_sync()
        held, self._held = self._held, {}
        for rel, data in held.items():
            self.write(rel, data)
        synced = self._synced or {}
        for rel, wanted in self.files.items():
            if rel in held or synced.get(rel) == wanted[0]:
                continue
            try:
                st = os.stat(self.staging / rel)
            except OSError:
                st = None
            if st is not None and st.st_ino == wanted[0]:
                continue                          # written here
            if st is None or (st.st_size, st.st_mtime_ns) != wanted[1:]:
                raise SitegenError(f"{self.output_dir / rel} changed during the build: build again")
            self.files[rel] = _record(st)         # a copy where links cannot be made
        folders = set()
        for rel in synced:
            if rel not in self.files:
                path = self.staging / rel
                path.unlink(missing_ok=True)
                folders.update(path.parents)
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            if folder != self.staging and self.staging in folder.parents:
                try:
                    folder.rmdir()                # and the folders that leaves empty (a/<id>/, tag/<slug>/…)
                except OSError:
                    pass

    # -- the switch

    def commit(self) -> None:
        """Switch the staging folder in for the output folder, atomically where the system
        can; the previous site stays as the next build's staging folder."""
        self._settle()
        crash_point("before-swap")
        output, staging = self.output_dir, self.staging
        if not os.path.lexists(output):
            os.rename(staging, output)
            return
        if EXCHANGE and _exchange(staging, output):
            return
        # Two renames, with a journal naming where the previous site is while there is no
        # output folder: a build killed between them has it put back by the next (recover).
        self.trash.mkdir(parents=True, exist_ok=True)
        held = _trash_name(self.trash)
        journal = self.trash / SWAP_JOURNAL
        tmp = journal.with_name(journal.name + ".tmp")
        tmp.write_text(held.name, encoding="utf-8")
        os.replace(tmp, journal)
        os.rename(output, held)
        crash_point("swap")
        os.rename(staging, output)
        os.rename(held, staging)
        journal.unlink()

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


class InPlaceWriter(SiteWriter):
    """For a proof while previewing: replace a few files of the live site, each whole
    (written beside it, renamed over it). Builds never use it."""

    def __init__(self, output_dir: Path, previous_files: set[str]):
        super().__init__(output_dir)
        self.previous_files = previous_files

    def __enter__(self) -> "InPlaceWriter":
        return self

    def write(self, rel: str, data: bytes) -> None:
        target = self.output_dir / rel
        self.files[rel] = (0, len(data), 0)
        try:
            if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
                return
        except OSError:
            pass
        self._folder(str(target.parent))
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        self.written.append(rel)

    def keep(self, rel: str) -> bool:
        if not (self.output_dir / rel).is_file():
            return False
        self.files[rel] = (0, 0, 0)
        return True

    def commit(self) -> None:
        for rel in self.previous_files - set(self.files):
            path = self.output_dir / rel
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            parent = path.parent
            while parent != self.output_dir and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent

    def __exit__(self, exc_type, exc, tb) -> None:
        pass


# --- recovery and the trash ----------------------------------------------------------------

def recover(output_dir: Path) -> None:
    """Put right what a killed build left beside the site; run before every build. A swap
    cut between its two renames gets the previous site back; folders in the trash whose
    deletion was cut short are deleted. (A staging folder left over needs nothing: the
    next build brings it level with the live site.)"""
    output = Path(output_dir)
    trash = trash_dir(output)
    journal = trash / SWAP_JOURNAL
    try:
        held = journal.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        held = None
    staging = staging_dir(output)
    if held is not None:
        if held and os.path.isdir(trash / held):
            if not os.path.lexists(output):       # killed between the renames: the previous site back
                os.rename(trash / held, output)
            elif not os.path.lexists(staging):    # killed after them: it is the next staging folder
                os.rename(trash / held, staging)
        journal.unlink(missing_ok=True)
    if trash.is_dir():
        pending = []
        for entry in os.scandir(trash):
            if entry.name.startswith(SWAP_JOURNAL):
                continue
            _, _, pid = entry.name.partition(".")
            if not pid.isdigit() or not _alive(int(pid)):
                pending.append(Path(entry.path))
        if pending:
            _remove_later(pending)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:                                  # a zombie is no deleter
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _trash_name(trash: Path) -> Path:
    return trash / f"site-{time.time_ns()}-{os.getpid()}"


def _retire(folder: Path, trash: Path) -> None:
    """Move a folder out of the way into the trash, to be deleted by a process of its own."""
    trash.mkdir(parents=True, exist_ok=True)
    target = _trash_name(trash)
    try:
        os.rename(folder, target)
    except OSError:                       # the trash on another disk: delete where it is
        shutil.rmtree(folder, ignore_errors=True)
        return
    _remove_later([target])


def _remove_later(folders: list[Path]) -> None:
    """Delete previous sites in a process of its own: the new site is in place already, and
    deleting tens of thousands of folders would only keep the build waiting (1.6 s at 10,000
    articles). Each is first renamed to carry the deleter's pid, so that the next build can
    tell a deletion under way from one cut short (which it starts again)."""
    try:
        subprocess.Popen([sys.executable, "-I", "-c", _DELETE, *map(str, folders)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


_DELETE = r"""
import os, shutil, sys
for path in sys.argv[1:]:
    mine = path.rpartition("/")[0] + "/" + path.rpartition("/")[2].partition(".")[0] + "." + str(os.getpid())
    try:
        os.rename(path, mine)
    except OSError:
        continue                              # another deleter has it
    if os.path.isdir(mine) and not os.path.islink(mine):
        shutil.rmtree(mine, ignore_errors=True)
    else:
        os.unlink(mine)
"""

# The walk that brings the staging folder level with the live site: each file of the live
# site hard-linked (copied where links cannot be made) unless staging has that very file
# already, whatever staging has besides removed, folders made as their first file comes (an
# empty folder is not carried over); prints each file's inode and path. It ends with the
# build that started it, however that ends.
_SYNC = r"""
import os, shutil, sys
src, dst, parent = sys.argv[1], sys.argv[2], int(sys.argv[3])
if sys.platform.startswith("linux"):
    try:
        import ctypes, signal
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)   # PR_SET_PDEATHSIG
    except Exception:
        pass
if os.getppid() != parent:
    sys.exit(1)
out = open(sys.stdout.fileno(), "w", encoding="utf-8", errors="surrogateescape", buffering=1 << 20)

def remove(entry):
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path)
    else:
        os.unlink(entry.path)

def level(s, d, prefix, exists):
    if os.getppid() != parent:
        os._exit(1)
    have = {}
    if exists:
        with os.scandir(d) as entries:
            have = {e.name: e for e in entries}
    made, files, folders = exists, False, []
    with os.scandir(s) as entries:
        entries = list(entries)
    for e in entries:
        mine = have.pop(e.name, None)
        if e.is_dir(follow_symlinks=False):
            if mine is not None and not mine.is_dir(follow_symlinks=False):
                remove(mine)
                mine = None
            folders.append((e, mine is not None))
        elif e.is_file(follow_symlinks=False):
            if mine is not None and not (mine.is_file(follow_symlinks=False) and mine.inode() == e.inode()):
                remove(mine)
                mine = None
            ino = e.inode()
            if mine is None:
                if not made:
                    os.makedirs(d, exist_ok=True)
                    made = True
                t = d + "/" + e.name
                try:
                    os.link(e.path, t)
                except OSError:
                    shutil.copy2(e.path, t)
                    ino = os.lstat(t).st_ino
            out.write(f"{ino}\t{prefix}{e.name}\n")
            files = True
    for mine in have.values():
        remove(mine)
    for e, there in folders:
        files = level(e.path, d + "/" + e.name, prefix + e.name + "/", there) or files
    if exists and not files and prefix:
        os.rmdir(d)
    return files

os.makedirs(dst, exist_ok=True)
level(src, dst, "", True)
out.flush()
"""


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths' names in one step; False where the system or file system cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
            at_fdcwd, rename_exchange = -100, 2
            ok = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
        elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
            ok = libc.renamex_np(os.fsencode(a), os.fsencode(b), 2) == 0      # RENAME_SWAP
        else:
            return False
    except (OSError, AttributeError):
        return False
    return ok
