"""The site's URL scheme: ASCII, stable across rebuilds, pretty (``path/`` → ``path/index.html``).

All paths here are relative to the site root and never start with a slash; templates turn
them into links with ``url()``, which adds the configured base path.
"""

from __future__ import annotations

import hashlib
import re


def article(article_id: str) -> str:
    return f"a/{article_id}/"


def year(y: str) -> str:
    return f"date/{y}/"


def month(y: str, m: str) -> str:
    return f"date/{y}/{m}/"


def day(date: str | None) -> str:
    if not date:
        return "date/undated/"
    y, m, d = date.split("-")
    return f"date/{y}/{m}/{d}/"


def printed_page(date: str | None, page_key: str) -> str:
    return f"{day(date)}{page_key}/"


def district(slug: str) -> str:
    return f"district/{slug}/"


def tag(slug: str) -> str:
    return f"tag/{slug}/"


def person(slug: str) -> str:
    return f"people/{slug}/"


def paginated(base: str, number: int, newest: int) -> str:
    """A list's page ``number`` (counted from its oldest articles; ``newest`` is the newest
    page's number): the list's own URL for its newest page, ``page/N/`` for the others."""
    return base if number >= newest else f"{base}page/{number}/"


# Slugs made before (name → slug), which a build fills from its cache: pypinyin takes a
# second to load, and a day's update seldom brings a name the archive has not seen.
SLUGS: dict[str, str] = {}


def slugify(text: str) -> str:
    """ASCII slug: pinyin for Chinese, lowercase letters and digits, dashes between."""
    known = SLUGS.get(text)
    if known is not None:
        return known
    from pypinyin import lazy_pinyin     # 0.15 s to import (a second on a loaded machine): only when a slug is made

    words = lazy_pinyin(text, errors=lambda s: [s])   # a run of Latin or digits stays one word
    slug = "-".join(w for w in (re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words) if w)
    slug = re.sub(r"-{2,}", "-", slug)
    SLUGS[text] = slug = slug or hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return slug


def unique_slugs(names, reserved: dict[str, str] | None = None) -> dict[str, str]:
    """Slugs for names, one URL each: the same names give the same slugs (sorted order);
    two names with one slug (工会, 公会), or a name spelled like another's slug
    (``gong-hui-2``), get a number after it that no other name has. ``reserved`` maps
    slugs already given (a district's own) to their names."""
    taken: dict[str, str] = dict(reserved or {})
    out = {}
    names = sorted(set(names))
    bases = {name: slugify(name) for name in names}
    # A name whose slug is its own spelling keeps it first: it is the URL its editor wrote.
    for name in sorted(names, key=lambda n: (bases[n] != n, n)):
        slug, n = bases[name], 1
        while slug in taken and taken[slug] != name:
            n += 1
            slug = f"{bases[name]}-{n}"
        taken[slug] = name
        out[name] = slug
    return out


def page_key(page: str | None, source: str) -> str:
    """The page's URL segment: p3 when the page number is known, else from the file name."""
    if page:
        ascii_page = re.sub(r"[^A-Za-z0-9]+", "-", str(page)).strip("-")
        return f"p{ascii_page.lower()}" if ascii_page else "p-" + hashlib.sha1(str(page).encode()).hexdigest()[:6]
    stem = source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    ascii_stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-").lower()
    return f"f-{ascii_stem}" if ascii_stem and ascii_stem == stem.lower() else "f-" + hashlib.sha1(source.encode()).hexdigest()[:8]
