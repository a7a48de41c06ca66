"""A build killed at any point (kill -9, a full disk) leaves the previous site or the new
one, whole; the next build makes the right site, also after the edit is undone; and the
build's worker processes die with it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import site_differences, write_synthetic_project
from sitegen.config import load_settings
from sitegen.site import build_site
from sitegen.site.writer import recover

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

# Runs one build in a process of its own, so that it can be killed. T_* variables set the
# switch (one-step exchange or two renames), the rebuild's kind and the page workers.
DRIVER = r"""
import os, sys, time
sys.path.insert(0, os.environ["T_TESTS"])
import sitegen.parallel as parallel
import sitegen.site.build as build
import sitegen.site.writer as writer
writer.EXCHANGE = os.environ.get("T_EXCHANGE", "1") == "1"
build.HOLD_PAGES = int(os.environ.get("T_HOLD", build.HOLD_PAGES))
build.PARALLEL_PAGES = int(os.environ.get("T_PARALLEL", build.PARALLEL_PAGES))
if os.environ.get("T_PIDS"):                # workers note their pid, then stay busy
    real = parallel.die_with_parent
    def noted(parent, **how):
        real(parent, **how)
        with open(os.environ["T_PIDS"], "a") as fh:
            fh.write(f"{os.getpid()}\n")
        time.sleep(60)
    parallel.die_with_parent = noted
from sitegen.config import load_settings
build.build_site(load_settings(sys.argv[1]))
"""

EDITED = "20200720-front"        # state B: this article's headline changed...
DELETED = "nodate-c1"            # ...and this one deleted (its pages go away)


def article_file(root: Path, ident: str) -> Path:
    return next((root / "content").rglob(f"{ident}.md"))


def to_b(root: Path) -> None:
    path = article_file(root, EDITED)
    path.write_text(path.read_text(encoding="utf-8").replace("陶然亭工会构建疫情防线", "陶然亭街道工会筑牢防线"),
                    encoding="utf-8")
    article_file(root, DELETED).unlink()


def to_a(root: Path, original: dict[Path, tuple[bytes, int]], same_times: bool = False) -> None:
    """Undo the edit: the same bytes (and, with ``same_times``, the same file times)."""
    for path, (data, mtime) in original.items():
        path.write_bytes(data)
        if same_times:
            os.utime(path, ns=(mtime, mtime))


def originals(root: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (article_file(root, EDITED), article_file(root, DELETED))}


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, Path]:
    """Clean builds of the two states, each in a project of its own."""
    sites = {}
    for state in ("A", "B"):
        root = write_synthetic_project(tmp_path_factory.mktemp(f"clean-{state}"))
        if state == "B":
            to_b(root)
        build_site(load_settings(root))
        sites[state] = root / "public"
    return sites


def same(site: Path, reference: Path) -> bool:
    return site.is_dir() and site_differences(site, reference) == [] and not _empty_folders(site)


def _empty_folders(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_dir() and not any(p.iterdir())]


def run(root: Path, crash: str | None = None, **options: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SITEGEN_CRASH_AT"}
    env.update({"T_TESTS": str(TESTS), "PYTHONPATH": str(ROOT), **options})
    if crash:
        env["SITEGEN_CRASH_AT"] = crash
    return subprocess.run([sys.executable, "-c", DRIVER, str(root)], env=env, capture_output=True, timeout=120)


SMALL = {}                                      # one article changed: what is made waits for staging
FULL = {"T_HOLD": "0", "T_PARALLEL": "1"}       # a large rebuild: written as made, by page workers
TWO_RENAMES = {"T_EXCHANGE": "0"}

# (rebuild, crash point, the state the site must be in after the kill)
KILLS = [
    ("small", "sync", "A"), ("small", "write", "A"), ("small", "write:3", "A"), ("small", "before-swap", "A"),
    ("small", "before-cache", "B"), ("small", "before-stamp", "B"),
    ("small-two-renames", "swap", "A"), ("small-two-renames", "before-cache", "B"),
    ("full", "write:2", "A"), ("full", "before-swap", "A"), ("full", "before-cache", "B"),
    ("full-two-renames", "swap", "A"),
]
KINDS = {"small": SMALL, "full": FULL, "small-two-renames": TWO_RENAMES, "full-two-renames": {**FULL, **TWO_RENAMES}}


@pytest.mark.parametrize("kind,point,left", KILLS, ids=[f"{k}-{p}" for k, p, _ in KILLS])
def test_a_killed_rebuild_leaves_one_whole_site_and_the_next_builds_are_right(tmp_path, clean, kind, point, left):
    root = write_synthetic_project(tmp_path / "project")
    build_site(load_settings(root))
    assert same(root / "public", clean["A"])
    original = originals(root)
    to_b(root)

    killed = run(root, point, **KINDS[kind])
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    if point == "swap":
        # Without the one-step exchange, a kill between the two renames leaves no output
        # folder; the next build's first step (or `sitegen build` alone) puts it back.
        assert not (root / "public").exists()
        recover(root / "public")
    assert same(root / "public", clean[left]), site_differences(root / "public", clean[left])

    report = build_site(load_settings(root))             # the edit, built again
    assert same(root / "public", clean["B"])
    assert report.written > 0 or left == "B"
    to_a(root, original)                                  # and undone: the first state is built again
    report = build_site(load_settings(root))
    assert report.written > 0
    assert same(root / "public", clean["A"])


@pytest.mark.parametrize("point,left", [("sync", "B"), ("write", "B"), ("before-swap", "B"), ("before-cache", "C"),
                                        ("before-stamp", "C")])
def test_a_build_killed_after_bringing_staging_level_from_the_last_builds_record_is_put_right(tmp_path, clean,
                                                                                              point, left):
    # After two builds the staging folder is brought level from what the last build recorded
    # of it, not walked. A build killed after that (making C: B with another edit) has
    # changed the staging folder without recording it, and the next build (of B again)
    # must not trust the record: the pages made for C would stand in B's site.
    root = write_synthetic_project(tmp_path / "project")
    original = originals(root)
    build_site(load_settings(root))
    to_b(root)
    build_site(load_settings(root))
    assert same(root / "public", clean["B"])
    edited = article_file(root, "20200704-haidian")
    before = edited.read_bytes()
    edited.write_text(edited.read_text(encoding="utf-8").replace("两区联合培训", "两区再次培训"), encoding="utf-8")
    assert run(root, point).returncode == -signal.SIGKILL
    if left == "B":                     # killed before its switch: the site before stands
        assert same(root / "public", clean["B"])
    edited.write_bytes(before)  # undone: what the killed build made of it is not wanted
    build_site(load_settings(root))
    assert same(root / "public", clean["B"])
    to_a(root, original)
    build_site(load_settings(root))
    assert same(root / "public", clean["A"])


@pytest.mark.parametrize("point", ["before-cache", "before-stamp"])
def test_an_undone_edit_after_a_kill_is_built_even_with_the_old_file_times(tmp_path, clean, point):
    # The site is B, the records still A's, and the content is A again to the byte and the
    # nanosecond: neither "nothing changed" nor a stale page may stand.
    root = write_synthetic_project(tmp_path / "project")
    build_site(load_settings(root))
    original = originals(root)
    to_b(root)
    assert run(root, point).returncode == -signal.SIGKILL
    assert same(root / "public", clean["B"])
    to_a(root, original, same_times=True)
    report = build_site(load_settings(root))
    assert report.written > 0
    assert same(root / "public", clean["A"])


@pytest.mark.parametrize("point", ["write:2", "before-swap"])
def test_a_killed_first_build_leaves_no_half_site(tmp_path, clean, point):
    root = write_synthetic_project(tmp_path / "project")
    to_b(root)
    assert run(root, point, **FULL).returncode == -signal.SIGKILL
    assert not (root / "public").exists()
    build_site(load_settings(root))
    assert same(root / "public", clean["B"])


def test_a_failed_rebuild_leaves_the_live_site_untouched(tmp_path, clean):
    root = write_synthetic_project(tmp_path / "project")
    build_site(load_settings(root))
    files = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (root / "public").rglob("*")}
    to_b(root)
    theme = root / "themes" / "default"
    shutil.copytree(ROOT / "themes" / "default", theme)
    (theme / "templates" / "list.html").write_text("{% if %}", encoding="utf-8")
    with pytest.raises(Exception):
        build_site(load_settings(root))
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (root / "public").rglob("*")} == files
    assert not list(root.glob("public/**/*.tmp"))


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"Z"     # dead, not yet reaped
    except OSError:
        return True


def _wait_gone(pids: list[int], seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not all(_gone(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if not _gone(p)]


@pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="page workers need fork and two cores")
def test_kill_9_of_a_build_leaves_no_worker_alive(tmp_path):
    root = write_synthetic_project(tmp_path / "project")
    pids = tmp_path / "workers"
    env = {**os.environ, "T_TESTS": str(TESTS), "PYTHONPATH": str(ROOT), "T_PIDS": str(pids), **FULL}
    env.pop("SITEGEN_CRASH_AT", None)
    build = subprocess.Popen([sys.executable, "-c", DRIVER, str(root)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(pids.read_text().split() if pids.exists() else []) < 2:
            time.sleep(0.05)
        workers = [int(p) for p in pids.read_text().split()]
        assert len(workers) >= 2 and all(not _gone(p) for p in workers)
        build.send_signal(signal.SIGKILL)                 # kill -9, no hook
        build.wait()
        assert _wait_gone(workers) == []
    finally:
        build.kill()
        build.wait()
        for p in (int(p) for p in pids.read_text().split()) if pids.exists() else ():
            if not _gone(p):
                os.kill(p, signal.SIGKILL)
    assert not (root / "public").exists()


def test_a_build_killed_while_staging_is_made_leaves_no_process_behind(tmp_path):
    root = write_synthetic_project(tmp_path / "project")
    build_site(load_settings(root))
    to_b(root)
    assert run(root, "sync").returncode == -signal.SIGKILL
    staging = str(root / ".public.staging")
    left = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if staging.encode() in (proc / "cmdline").read_bytes():
                left.append(int(proc.name))
        except OSError:
            pass
    assert _wait_gone(left) == []
