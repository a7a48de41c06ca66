"""A page file's issue date and page number, from the best source there is."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.dates.header import printed_header
from sitegen.dates.inference import infer_date
from sitegen.dates.manifest import ManifestEntry, manifest_entry
from sitegen.dates.paths import date_from_filename, page_from_filename


@dataclass(frozen=True)
class IssueDate:
    date: str | None                 # YYYY-MM-DD, None when nothing tells
    date_source: str | None          # "manifest" | "filename" | "header" | "inferred"; None with no date
    page: str | None                 # page (版) number or label


def issue_date(relpath: str, text: str, manifest: dict[str, ManifestEntry]) -> IssueDate:
    """``relpath`` is the page file's path relative to the pages folder (as in the
    manifest); the date comes from the manifest, else the path, else the page's printed
    header, else the dates its articles mention; the page from the manifest, else the
    printed header, else the file name."""
    relpath = relpath.replace("\\", "/")
    entry = manifest_entry(manifest, relpath) if manifest else ManifestEntry()
    # The page the paper printed over the text is surer than a number in a file name,
    # which may count scans rather than pages.
    header_date, header_page = printed_header(text)
    page = entry.page or header_page or page_from_filename(relpath)
    if entry.date:
        return IssueDate(entry.date, "manifest", page)
    named = date_from_filename(relpath)
    if named:
        return IssueDate(named, "filename", page)
    if header_date:
        return IssueDate(header_date, "header", page)
    inferred = infer_date(text)
    return IssueDate(inferred, "inferred" if inferred else None, page)
