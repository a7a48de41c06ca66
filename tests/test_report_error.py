"""The 纠错 link a reader follows to report an error: the repository host's web editor on
the article's own file, else a mail with the article's id and address, else nothing."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import write_synthetic_project
from sitegen.cli import main
from sitegen.config import load_settings
from sitegen.errors import SitegenError
from sitegen.site import build_site

FRONT = "a/20200720-front/index.html"


def _project(tmp_path: Path, settings: str, base_url: str = "https://example.org/repo/") -> Path:
    root = write_synthetic_project(tmp_path / "archive" / "site", base_url=base_url)
    toml = root / "sitegen.toml"
    toml.write_text(settings + "\n" + toml.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def _report_link(page: Path) -> str | None:
    m = re.search(r'<p class="report-error"><a href="([^"]+)"[^>]*>纠错</a>', page.read_text(encoding="utf-8"))
    return unescape(m.group(1)) if m else None


def test_the_link_opens_the_articles_file_in_githubs_editor(tmp_path):
    root = _project(tmp_path, 'repository = "https://github.com/owner/archive"')
    (root.parent / ".git").mkdir()             # the repository holds the project in a subfolder
    build_site(load_settings(root))
    assert _report_link(root / "public" / FRONT) == \
        "https://github.com/owner/archive/edit/main/site/content/2020/07/20200720-front.md"
    # Every article page has its own file's link.
    assert _report_link(root / "public/a/nodate-c1/index.html").endswith("/edit/main/site/content/undated/nodate-c1.md")


def test_a_moved_file_moves_its_link_and_gitlab_gets_its_own_editor(tmp_path):
    root = _project(tmp_path, 'repository = "https://gitlab.com/owner/archive/"\nbranch = "gh-pages"')
    build_site(load_settings(root))
    assert _report_link(root / "public" / FRONT) == \
        "https://gitlab.com/owner/archive/-/edit/gh-pages/content/2020/07/20200720-front.md"
    (root / "content/moved").mkdir()
    shutil.move(root / "content/2020/07/20200720-front.md", root / "content/moved/20200720-front.md")
    build_site(load_settings(root))                 # an incremental build: the page is made again
    assert _report_link(root / "public" / FRONT).endswith("/-/edit/gh-pages/content/moved/20200720-front.md")


def test_without_a_repository_the_link_is_a_mail_with_the_articles_id_and_address(tmp_path):
    root = _project(tmp_path, 'corrections_email = "jiucuo@example.org"')
    build_site(load_settings(root))
    link = urlsplit(_report_link(root / "public" / FRONT))
    assert link.scheme == "mailto" and unquote(link.path) == "jiucuo@example.org"
    query = {k: v[0] for k, v in parse_qs(link.query).items()}
    assert "20200720-front" in query["subject"] and "陶然亭工会构建疫情防线" in query["subject"]
    assert "https://example.org/repo/a/20200720-front/" in query["body"] and "20200720-front" in query["body"]


def test_with_neither_setting_there_is_no_link(synthetic_site):
    page = (synthetic_site / FRONT).read_text(encoding="utf-8")
    assert "纠错" not in page and "report-error" not in page


@pytest.mark.parametrize("line, words", [
    ('repository = "github.com/owner/archive"', "repository"),
    ('repository = "ftp://example.org/owner/archive"', "repository"),
    ('corrections_email = "not an address"', "corrections_email"),
])
def test_a_bad_setting_is_one_line_naming_sitegen_toml(tmp_path, capsys, line, words):
    root = _project(tmp_path, line)
    with pytest.raises(SitegenError) as info:
        load_settings(root)
    assert str(info.value).startswith(f"{root / 'sitegen.toml'}:1: {words}")
    assert main(["--root", str(root), "build"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "sitegen.toml:1:" in err[0] and not (root / "public").exists()
