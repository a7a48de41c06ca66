"""The one error type users see: a message that names the file (and line) at fault."""

from __future__ import annotations

from pathlib import Path


class SitegenError(Exception):
    """A problem with the user's input, reported as one line: ``path:line: message``."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
