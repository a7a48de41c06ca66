"""Old article URLs that still lead somewhere: a small redirect page at ``a/<old id>/``.

An article id the ingest state knows (``sitegen.ingest.store.load_redirects``) that no
article has any more — it went away when its page was cut again, or an editor deleted it
— gets a page that sends the reader on at once (meta refresh, with a link for readers
without it, and ``rel=canonical`` for search engines): to the article that took most of its
text, following successors that went away too, or else to its issue's page.
"""

from __future__ import annotations

from html import escape

from sitegen.site import urls


def redirect_targets(redirects: dict[str, tuple[str | None, str | None]], live: set[str],
                     page_urls: set[str]) -> dict[str, str]:
    """Old id → the URL path (relative to the site root) its page sends readers to."""
    out = {}
    for old, (to, date) in sorted(redirects.items()):
        if old in live:
            continue
        seen = {old}
        while to and to not in live and to in redirects and to not in seen:
            seen.add(to)
            to = redirects[to][0]
        if to in live:
            out[old] = urls.article(to)
        else:
            out[old] = next((u for u in (urls.day(date), "date/") if u in page_urls), "")
    return out


def redirect_page(target: str, href: str, canonical: str, language: str) -> bytes:
    moved = target.startswith("a/")
    text = "本文的地址已更改：" if moved else "本文已不在档案中，请看当天的报纸："
    return (f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{"本文已移动" if moved else "本文已删除"}</title>\n'
            f'<meta http-equiv="refresh" content="0; url={escape(href)}">\n'
            f'<link rel="canonical" href="{escape(canonical)}">\n<meta name="robots" content="noindex">\n'
            f'</head>\n<body>\n<p>{text}<a href="{escape(href)}">{escape(canonical)}</a></p>\n</body>\n</html>\n'
            ).encode("utf-8")
