from __future__ import annotations

from dataclasses import dataclass

from sitegen.dates.inference import infer_date
from sitegen.dates.manifest import ManifestEntry
from sitegen.dates.paths import date_from_filename, page_from_filename


@dataclass(frozen=True)
class IssueDate:
    date: str | None
    date_source: str | None          # manifest | filename | inferred
    page: str | None


def issue_date(relpath: str, text: str, manifest: dict[str, ManifestEntry]) -> IssueDate:
    entry = manifest.get(relpath, ManifestEntry())
    page = entry.page or page_from_filename(relpath.rsplit("/", 1)[-1])
    if entry.date:
        return IssueDate(entry.date, "manifest", page)
    named = date_from_filename(relpath)
    if named:
        return IssueDate(named, "filename", page)
    inferred = infer_date(text)
    return IssueDate(inferred, "inferred" if inferred else None, page)
