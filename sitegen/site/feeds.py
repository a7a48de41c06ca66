"""Atom feeds: the latest articles, and one per district and per tag."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sitegen.content import Article
from sitegen.markdown import plain_text

ATOM = "http://www.w3.org/2005/Atom"
SUMMARY = 100      # characters of an entry's text: its opening, as a feed reader lists it (the article has the rest)


def _time(date: str | None) -> str:
    return f"{date or '1970-01-01'}T00:00:00+08:00"


def atom_feed(title: str, feed_url: str, site_url: str, articles: list[Article],
              absolute, language: str) -> bytes:
    """``absolute(path)`` makes a site path into the URL readers' feed software follows."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": language})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = absolute(feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=absolute(feed_url))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=absolute(site_url))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _time(max((a.date or "" for a in articles), default=None) or None)
    for a in articles:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        link = absolute(f"a/{a.id}/")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = a.display_title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = link
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=link)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _time(a.date)
        for name in a.reporters + a.authors + a.photographers or ["本报"]:
            ET.SubElement(ET.SubElement(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = name
        for tag in a.tags:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=tag)
        text = plain_text(a.body)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = text[:SUMMARY] + ("…" if len(text) > SUMMARY else "")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
