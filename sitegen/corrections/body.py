"""An article's body as the editor typed it: a hand edit of the article file, made for them.

Unlike the page's corrections, which ingest applies to the page's text, a new body is the
editor's own text: it is written into the article file (front matter kept as it is, the
file replaced atomically), so the file reads as edited by hand and ingest leaves it alone
from then on — the rule for every hand edit. ``sitegen undo`` puts the file back.
"""

from __future__ import annotations

import re

from sitegen.corrections.log import UndoLog, read_text
from sitegen.errors import SitegenError

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n[ \t]*\n", text.strip("\n")) if p.strip()]


def body_text(text: str) -> str:
    """The editor's text as a body: line ends as LF, no trailing spaces, paragraphs apart by
    one blank line (what ingest writes), the lines inside a paragraph as typed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n\n".join("\n".join(line.rstrip() for line in p.strip("\n").split("\n")) for p in _paragraphs(text))


def set_body(content_dir, settings, article_id: str, text: str):
    """Replace the body of ``article_id`` by ``text`` (paragraphs apart by a blank line)."""
    from sitegen.content import article_from_text
    from sitegen.corrections import Correction, _Archive
    from sitegen.ingest.store import write_atomic

    verb = f"set the body of {article_id}"
    archive = _Archive(content_dir, settings)
    key = archive.owners.get(article_id)
    if key is None:
        raise SitegenError(f"cannot {verb}: unknown article id {article_id!r}")
    record = archive.state.pages[key]
    entry = record.get("articles", {}).get(article_id)
    if entry is None:
        to = (record.get("gone", {}).get(article_id) or {}).get("to")
        raise SitegenError(f"cannot {verb}: {article_id} is no longer an article" + (f" (its text is in {to})" if to else ""))
    path = archive.file_of(article_id)
    if path is None:
        if entry.get("deleted"):
            raise SitegenError(f"cannot {verb}: {article_id} is deleted "
                               f"(sitegen ingest --restore {article_id} brings it back)")
        raise SitegenError(f"cannot {verb}: the file of {article_id} is not in {archive.content_dir} "
                           "(run sitegen ingest first)")
    if not isinstance(text, str):
        raise SitegenError(f"cannot {verb}: the body must be text")
    body = body_text(text)
    if not body:
        raise SitegenError(f"cannot {verb}: the text is empty (to take the article down, delete its file, "
                           f"or make it no article with sitegen unarticle {article_id})")
    old = path.read_text(encoding="utf-8")
    m = _FRONT.match(old)
    if not m:
        raise SitegenError(f"cannot {verb}: {path} has no front matter (fix the file first)")
    new = old[: m.end()] + "\n" + body + "\n"
    try:
        article_from_text(new, path)
    except SitegenError as exc:
        raise SitegenError(f"cannot {verb}: {exc.message}") from None
    was = article_from_text(old, path).body
    if body_text(was) == body:
        return Correction("body", [f"{article_id}: body as it was (nothing changed)"], article=article_id)
    write_atomic(path, new)
    summary = f"{article_id}: body replaced ({len(_paragraphs(body))} paragraphs, were {len(_paragraphs(was))})"
    UndoLog(archive.content_dir).push("body", summary, {path: old}, {})
    changes = [summary, f"{path}: now edited by hand, so ingest leaves it as it is (sitegen undo puts it back)"]
    return Correction("body", changes, article=article_id, written=[path])
