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


def read_toml(path: Path, what: str) -> tuple[dict, str]:
    """A TOML file's data and text; any problem is one SitegenError naming the file (and line)."""
    import re
    import tomllib

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SitegenError(f"{what} is not UTF-8 text", path) from None
    except OSError as exc:
        raise SitegenError(f"cannot read {what}: {exc.strerror}", path) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        # tomllib names no line for a problem "at end of document": that is the last line.
        line = int(m.group(1)) if m else max(len(text.splitlines()), 1)
        raise SitegenError(f"invalid TOML: {str(exc).split(' (at')[0]}", path, line) from None
