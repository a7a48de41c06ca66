"""The article: what ingest produces, editors correct and the build renders."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("news", "photo", "column", "continuation", "ad", "other")


@dataclass(eq=False)   # an article is itself; comparing all fields is slow and never meant
class Article:
    id: str                                   # ASCII, stable; the article's URL slug
    title: str | None = None                  # main headline; None when the page has none
    subtitles: list[str] = field(default_factory=list)   # kicker (引题) and subtitle (副题) lines
    kind: str = "news"
    column: str | None = None                 # column (栏目) name for signed pieces, e.g. 工会干部下沉日记
    byline: str | None = None                 # printed author line kept out of the body, e.g. 市服务工会 冯显亮
    source: str = ""                          # the page file, as given on the command line
    order: int = 0                            # position on the printed page, from 1
    page: str | None = None                   # page number or label (版), when known
    date: str | None = None                   # issue date, YYYY-MM-DD
    date_source: str | None = None            # manifest | filename | header | inferred
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)   # full names: 西城区
    places: list[str] = field(default_factory=list)      # what led there: 陶然亭街道
    tags: list[str] = field(default_factory=list)
    continued_from: str | None = None         # 第1版, from a (上接第1版) marker
    continued_to: str | None = None           # 第4版, from a (下转第4版) marker
    body: str = ""                            # Markdown paragraphs
    ingest_hash: str | None = None            # what ingest wrote; a mismatch means an editor changed the file

    @property
    def people(self) -> dict[str, list[str]]:
        return {
            "reporters": self.reporters,
            "correspondents": self.correspondents,
            "photographers": self.photographers,
            "authors": self.authors,
        }

    @property
    def display_title(self) -> str:
        """What to call the article in lists when the page printed no headline."""
        if self.title:
            return self.title
        text = self.body.replace("\n", "").strip()
        return (text[:24] + "…") if len(text) > 24 else text
