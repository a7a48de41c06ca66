"""Placeholder until the ingest lands: the real one writes content files from page files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class IngestReport:
    pages_read: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.pages_read} pages read"


def ingest(pages_dir: Path, content_dir: Path, settings=None, only_changed: bool = False) -> IngestReport:
    return IngestReport()


def print_report(report: IngestReport) -> None:
    print(report.summary())
