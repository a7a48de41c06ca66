"""``sitegen check``: what an archivist runs before publishing. Exit status 0 on a good
site; 1, with one line per broken link, anchor or asset, on a broken one."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitegen.cli import main


def _check(project: Path, capsys, *extra: str) -> tuple[int, list[str], list[str]]:
    capsys.readouterr()
    code = main(["--root", str(project), "check", *extra])
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err.splitlines()


def test_a_good_build_passes(sample_site, repo_site, capsys):
    code, out, err = _check(sample_site.parent, capsys)
    assert code == 0 and err == [] and len(out) == 1 and out[0].startswith("check: ") and "0 broken" in out[0]
    code, out, _ = _check(repo_site.parent, capsys, "--base-url", "/repo/")
    assert code == 0, out


def test_each_problem_is_one_line_naming_the_file(sample_site, tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    article = next((site / "a").iterdir()) / "index.html"
    html = article.read_text(encoding="utf-8")
    tag_link = "/tag/" + html.split('href="/tag/', 1)[1].split('"', 1)[0]
    html = html.replace(f'href="{tag_link}"', 'href="/tag/no-such-tag/"', 1)
    html = html.replace("</main>", '<a href="#no-such-anchor">x</a></main>')
    article.write_text(html, encoding="utf-8")
    (site / "static/favicon.svg").unlink()                 # an asset every page names
    pages = sum(1 for _ in site.rglob("*.html"))
    code, out, err = _check(sample_site.parent, capsys, "--output", str(site))
    assert code == 1
    rel = article.relative_to(site).as_posix()
    assert f"{site}/{rel}: broken link /tag/no-such-tag/ (no such file)" in out
    assert f"{site}/{rel}: broken anchor #no-such-anchor (no id \"no-such-anchor\" on {rel})" in out
    favicon = [line for line in out if "/static/favicon.svg" in line]
    assert len(favicon) == pages and len(out) == pages + 2     # one line per page naming it, and the two above
    assert err == [f"check: {pages} pages, {len(out)} broken links"]


def test_without_a_built_site_it_says_so(tmp_path, capsys):
    code, out, err = _check(tmp_path, capsys)
    assert code == 1 and out == [] and len(err) == 1 and "run sitegen build first" in err[0]


def test_without_a_settings_file_the_root_asked_for_is_checked_not_the_working_directory(
        sample_site, tmp_path, capsys, monkeypatch):
    # Run from a project that has a built site, asked about an empty folder: the empty
    # folder's (missing) site is what the command speaks of.
    monkeypatch.chdir(sample_site.parent)
    code, out, err = _check(tmp_path, capsys)
    assert code == 1 and out == [] and "run sitegen build first" in err[0]
