"""Issue dates and page numbers of page files.

A page's date comes from, in this order:

1. the manifest ``pages.toml`` in the pages folder (see ``manifest.py`` for its format);
2. a date in the file's path (``2020-07-06``, ``20200706``, ``2020_07_06``);
3. the page's printed header line, `2020年11月18日 星期三` (``date_source: header``);
4. the dates its articles mention (``date_source: inferred``).
"""

from sitegen.dates.inference import infer_date
from sitegen.dates.manifest import MANIFEST_NAME, ManifestEntry, manifest_entry, read_manifest
from sitegen.dates.paths import date_from_filename, page_from_filename
from sitegen.dates.issue import IssueDate, issue_date

__all__ = [
    "MANIFEST_NAME",
    "IssueDate",
    "ManifestEntry",
    "date_from_filename",
    "infer_date",
    "issue_date",
    "manifest_entry",
    "page_from_filename",
    "read_manifest",
]
