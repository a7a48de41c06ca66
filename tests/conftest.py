"""Shared fixtures: the sample site built once per session, at the root and under /repo/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.config import load_settings
from sitegen.site import build_site

ROOT = Path(__file__).resolve().parents[1]


def copy_project(dest: Path) -> Path:
    """A scratch copy of the sample project (settings, pages, content, themes)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "sitegen.toml", dest / "sitegen.toml")
    for name in ("seeds", "content", "themes"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("sample"))
    build_site(load_settings(project))
    return project / "public"


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("repo"))
    build_site(load_settings(project).with_overrides(base_url="/repo/"))
    return project / "public"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
