"""Atom feeds: the latest articles, and one per district and per tag.

Each entry carries the article's whole text (``content``, as the article page shows it) and
a short ``summary``. The site's feed holds the newest ``feed_size`` articles; a district's
or tag's feed holds its articles of the archive's last week of issues, at least
``GROUP_FEED_LEAST`` and at most ``feed_size`` of them. A feed reader keeps every entry it
has seen and needs from a feed only what was added since it last looked (readers look
hourly to daily; the archive adds one issue a day), so a week covers a reader that looked
last week, and five entries give a new subscriber something to read; fifty whole articles
in each of a hundred topic feeds were a second copy of the latest articles' text, several
times over (1 KB of every article's 17 at 10,000 articles; ten a feed, 0.24 KB). A feed lists dated articles only: a feed reader orders and files
entries by their date, and an article whose issue date is unknown has none to give it
(1970-01-01 would put it at the bottom of every reader's list, the build's date would make
an old article look new on every build). Undated articles stay on the site, under 日期不详.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from sitegen.content import Article
from sitegen.markdown import plain_text

ATOM = "http://www.w3.org/2005/Atom"
SUMMARY = 100      # characters of an entry's text: its opening, as a feed reader lists it (the article has the rest)


def _time(date: str) -> str:
    return f"{date}T00:00:00+08:00"


GROUP_FEED_LEAST = 5
GROUP_FEED_DAYS = 7


def feed_articles(articles: list[Article], size: int, since: str | None = None, least: int = 0) -> list[Article]:
    """The newest ``size`` dated articles (lists are newest first); with ``since`` (a date),
    only those of that day and after, but never fewer than ``least``."""
    dated = [a for a in articles if a.date][:size]
    if since is None:
        return dated
    recent = [a for a in dated if a.date >= since]
    return recent if len(recent) >= least else dated[:least]


def group_feed_since(newest: str | None) -> str | None:
    """The first day of the archive's last week of issues (``newest``: its newest issue's date)."""
    if not newest:
        return None
    return (datetime.date.fromisoformat(newest) - datetime.timedelta(days=GROUP_FEED_DAYS - 1)).isoformat()


def atom_feed(title: str, feed_url: str, site_url: str, articles: list[Article],
              absolute, language: str, bodies: dict[str, str] | None = None, updated: str | None = None) -> bytes:
    """``absolute(path)`` makes a site path into the URL readers' feed software follows;
    ``bodies``: article id → its body as HTML; ``updated``: the feed's date when it has no
    entries (Atom requires one: the archive's newest issue)."""
    ET.register_namespace("", ATOM)
    articles = [a for a in articles if a.date]
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": language})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = absolute(feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=absolute(feed_url))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=absolute(site_url))
    newest = max((a.date for a in articles), default=None) or updated
    if newest:
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = _time(newest)
    for a in articles:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        link = absolute(f"a/{a.id}/")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = a.display_title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = link
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=link)
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _time(a.date)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _time(a.date)
        for name in a.reporters + a.authors + a.photographers or ["本报"]:
            ET.SubElement(ET.SubElement(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = name
        for tag in a.tags:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=tag)
        text = plain_text(a.body)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = text[:SUMMARY] + ("…" if len(text) > SUMMARY else "")
        if bodies is not None and a.id in bodies:
            ET.SubElement(entry, f"{{{ATOM}}}content", type="html").text = _content_html(a, bodies[a.id])
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _content_html(a: Article, body_html: str) -> str:
    """What the article page shows of the article: kicker and subtitles, bylines, the text."""
    from html import escape

    parts = [f"<p><strong>{escape(s)}</strong></p>" for s in a.subtitles]
    if a.byline:
        parts.append(f"<p>{escape(a.byline)}</p>")
    parts.append(body_html)
    return "\n".join(parts)
