"""The same articles for other generators: Hugo (+ Pagefind), Pelican, MkDocs + Material.

Each ``prepare_*`` writes a ready-to-build project from sitegen article files; each
``build_*`` returns the command line that builds it. Tools come from ``bench/.venv``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.content import load_articles  # noqa: E402

VENV = ROOT / "bench" / ".venv" / "bin"


def tool(name: str) -> Path | None:
    path = VENV / name
    return path if path.exists() else None


def _yaml_list(items) -> str:
    return "[" + ", ".join('"' + i.replace('"', "'") + '"' for i in items) + "]"


def _title(a) -> str:
    return (a.display_title or a.id).replace('"', "'")


def prepare_hugo(content: Path, dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "content" / "a").mkdir(parents=True)
    (dest / "layouts" / "_default").mkdir(parents=True)
    (dest / "hugo.toml").write_text('baseURL = "/"\nlanguageCode = "zh-cn"\ntitle = "bench"\nhasCJKLanguage = true\n'
                                    '[taxonomies]\ntag = "tags"\ndistrict = "districts"\n', encoding="utf-8")
    base = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
            '<main data-pagefind-body>{{ block "main" . }}{{ end }}</main></body></html>')
    (dest / "layouts" / "_default" / "baseof.html").write_text(base, encoding="utf-8")
    (dest / "layouts" / "_default" / "single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}</p>{{ .Content }}'
        '{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">{{ . }}</a>{{ end }}{{ end }}', encoding="utf-8")
    (dest / "layouts" / "_default" / "list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">'
        '{{ .Title }}</a></li>{{ end }}</ul>{{ end }}', encoding="utf-8")
    for a in load_articles(content):
        (dest / "content" / "a" / f"{a.id}.md").write_text(
            f'---\ntitle: "{_title(a)}"\ndate: {a.date or "2000-01-01"}\ntags: {_yaml_list(a.tags)}\n'
            f'districts: {_yaml_list(a.districts)}\n---\n\n{a.body}\n', encoding="utf-8")


def prepare_pelican(content: Path, dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "content").mkdir(parents=True)
    (dest / "pelicanconf.py").write_text(
        'AUTHOR = "bench"\nSITENAME = "bench"\nSITEURL = ""\nPATH = "content"\nTIMEZONE = "Asia/Shanghai"\n'
        'DEFAULT_LANG = "zh"\nDEFAULT_PAGINATION = 20\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n'
        'ARTICLE_URL = "a/{slug}/"\nARTICLE_SAVE_AS = "a/{slug}/index.html"\n', encoding="utf-8")
    for a in load_articles(content):
        (dest / "content" / f"{a.id}.md").write_text(
            f"Title: {_title(a)}\nDate: {a.date or '2000-01-01'}\nSlug: {a.id}\n"
            f"Category: {(a.districts or ['全市'])[0]}\nTags: {', '.join(a.tags)}\n\n{a.body}\n", encoding="utf-8")


def prepare_mkdocs(content: Path, dest: Path, full_nav: bool = False) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "docs" / "a").mkdir(parents=True)
    # Material segments Chinese with jieba when it is installed, joining the words with
    # U+200B, so the separator must split on it (Material's "Chinese search support" docs).
    # The nav lists the home page only. MkDocs' default (``full_nav``) puts every page in
    # every page's sidebar, which makes the build quadratic in the archive's size; an
    # archive would not be set up that way, but the default is measured too, up to 2k.
    (dest / "mkdocs.yml").write_text(
        "site_name: bench\ntheme:\n  name: material\n  language: zh\n"
        "plugins:\n  - search:\n      lang: zh\n      separator: '[\\s\\u200b\\-]'\n"
        + ("" if full_nav else "nav:\n  - index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n"),
        encoding="utf-8")
    (dest / "docs" / "index.md").write_text("# bench\n", encoding="utf-8")
    for a in load_articles(content):
        (dest / "docs" / "a" / f"{a.id}.md").write_text(f"# {_title(a)}\n\n{a.body}\n", encoding="utf-8")


def commands(name: str, project: Path) -> list[list[str]] | None:
    if name == "hugo+pagefind":
        hugo, py = tool("hugo"), tool("python")
        if not hugo:
            return None
        return [[str(hugo), "--quiet", "-s", str(project), "-d", str(project / "public")],
                [str(py), "-m", "pagefind", "--site", str(project / "public"), "--silent"]]
    if name == "pelican":
        pelican = tool("pelican")
        return [[str(pelican), str(project / "content"), "-o", str(project / "output"), "-s",
                 str(project / "pelicanconf.py"), "-q"]] if pelican else None
    if name.startswith("mkdocs-material"):
        mkdocs = tool("mkdocs")
        return [[str(mkdocs), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]] if mkdocs else None
    raise ValueError(name)


PREPARE = {"hugo+pagefind": prepare_hugo, "pelican": prepare_pelican, "mkdocs-material": prepare_mkdocs,
           "mkdocs-material-fullnav": lambda content, dest: prepare_mkdocs(content, dest, full_nav=True)}

# Above these sizes a tool is not run: its time grows with the square of the archive.
LIMITS = {"mkdocs-material-fullnav": 2000}
