"""The 纠错 (report an error) link of an article page: where a reader who finds a mistake
sends it. With the archive's repository named, the link opens the article's Markdown file
in the host's web editor, so the fix arrives as a pull (merge) request an editor reviews;
with only an address, a ``mailto:`` carrying the article's id and URL. Pure functions."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


def check_repository(url: str) -> str | None:
    """Why ``url`` cannot be a repository's address, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/").count("/") < 1:
        return f"must be the repository's web address, such as https://github.com/OWNER/REPO (not {url!r})"
    return None


def check_email(address: str) -> str | None:
    if not _EMAIL.match(address):
        return f"must be an e-mail address, such as corrections@example.org (not {address!r})"
    return None


def edit_url(repository: str, branch: str, path: str) -> str:
    """The host's web editor for the file at ``path`` (relative to the repository root):
    GitLab ``/-/edit/``, Gitea and Codeberg ``/_edit/``, otherwise GitHub's ``/edit/``."""
    base = repository.rstrip("/")
    if base.endswith(".git"):
        base = base[:-4]
    host = urlsplit(base).netloc.lower()
    if "gitlab" in host:
        verb = "-/edit"
    elif "gitea" in host or "codeberg" in host:
        verb = "_edit"
    else:
        verb = "edit"
    return f"{base}/{verb}/{quote(branch, safe='/')}/{quote(path, safe='/')}"


def mail_url(address: str, article_id: str, title: str, page_url: str) -> str:
    subject = f"纠错：{title}（{article_id}）"
    body = f"文章：{title}\n编号：{article_id}\n网址：{page_url}\n\n哪里有误，应为：\n"
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def report_link(settings, article_id: str, title: str, file_path: str | None, page_url: str) -> str | None:
    """The 纠错 link for one article, or None when the site names neither a repository nor an
    address. ``file_path``: the article's file relative to the repository root."""
    if settings.repository and file_path:
        return edit_url(settings.repository, settings.branch, file_path)
    if settings.corrections_email:
        return mail_url(settings.corrections_email, article_id, title, page_url)
    return None


def repository_root(project_root) -> Path:
    """The folder the repository's paths start from: the nearest one above the project that
    holds ``.git``, else the project folder itself (sitegen.toml at the repository root)."""
    start = Path(project_root).resolve()
    return next((d for d in (start, *start.parents) if (d / ".git").exists()), start)


def add_report_links(jobs, files: dict, settings, absolute) -> None:
    """Give each article page its 纠错 link (``errata_url``, None for none). ``files``:
    article id → its Markdown file; ``absolute``: a site path → the URL readers see."""
    root = repository_root(settings.root) if settings.repository else None
    folders: dict[str, Path] = {}          # each folder resolved once (100,000 files are in a hundred)

    def resolved(path: str) -> Path:
        p = Path(path)
        folder = folders.get(str(p.parent))
        if folder is None:
            folder = folders[str(p.parent)] = p.parent.resolve()
        return folder / p.name

    for job in jobs:
        if job.template != "article.html":
            continue
        a = job.context["article"]
        rel = None
        if root is not None and a.id in files:
            try:
                rel = resolved(files[a.id]).relative_to(root).as_posix()
            except ValueError:          # content kept outside the repository: no file to edit
                rel = None
        job.context["errata_url"] = report_link(settings, a.id, a.display_title, rel, absolute(job.url))
