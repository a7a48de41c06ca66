"""This day in history: what each month-day's issues printed, for the home page to show the
articles of the reader's day in earlier years.

A static site cannot know the reader's day, so the build writes one small file per month-day
that has an issue (``this-day/07-20.json``), the home page names those days, and a few
lines of script (``static/js/this-day.js``) fetch the reader's own.
"""

from __future__ import annotations

import json

from sitegen.site.model import SiteModel

LISTED_PER_ISSUE = 8          # headlines of one issue; the issue's page lists the rest
UNLISTED_KINDS = {"ad", "continuation"}     # neither says what a day's paper was about


def this_day(model: SiteModel) -> dict[str, list]:
    """Month-day ("07-20") → its issues, oldest first, each ``[date, number of articles,
    [[id, headline], …]]`` with the first articles in print order (the front page's first)."""
    days: dict[str, list] = {}
    for issue in sorted(model.dated_issues, key=lambda i: i.date):
        listed = [[a.id, a.display_title] for a in issue.articles if a.kind not in UNLISTED_KINDS]
        days.setdefault(issue.date[5:], []).append([issue.date, len(issue.articles), listed[:LISTED_PER_ISSUE]])
    return dict(sorted(days.items()))


def this_day_files(days: dict[str, list]) -> dict[str, bytes]:
    """The files the script fetches, one per month-day, as compact as JSON goes."""
    return {f"this-day/{md}.json": json.dumps(issues, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            for md, issues in days.items()}
