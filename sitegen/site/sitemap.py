"""sitemap.xml and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(paths: list[str], absolute) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}urlset")
    for path in paths:
        ET.SubElement(ET.SubElement(root, f"{{{NS}}}url"), f"{{{NS}}}loc").text = absolute(path)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def robots(sitemap_url: str) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {sitemap_url}\n".encode("utf-8")
