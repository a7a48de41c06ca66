"""The undo log: what each correction changed, so that ``sitegen undo`` can put it back.

``content/_corrections/.undo.json`` keeps the last ``KEEP`` corrections, newest last: for
each, the files it wrote (records, and the front matter of hand-edited article files
``sitegen set`` changed) with their text before and a hash of their text after, and the
fingerprints of the articles of the pages it touched as they were before (so that the
articles get their old ids back). Undo puts the files back only when they are as the
correction left them: a record or file changed since (by hand, or by a later correction
whose log entry is gone) is not overwritten.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.ingest.corrections import CORRECTIONS_DIR

LOG_NAME = ".undo.json"
KEEP = 20


def text_hash(text: str | None) -> str | None:
    return None if text is None else hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


class UndoLog:
    def __init__(self, content_dir: Path):
        self.content_dir = Path(content_dir)
        self.path = self.content_dir / CORRECTIONS_DIR / LOG_NAME

    def entries(self) -> list[dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            raise SitegenError("the undo log is not readable JSON (delete it to start a new one)", self.path) from None
        entries = data.get("entries") if isinstance(data, dict) else None
        return entries if isinstance(entries, list) else []

    def _save(self, entries: list[dict]) -> None:
        from sitegen.ingest.store import write_atomic

        if not entries:
            self.path.unlink(missing_ok=True)
            try:
                self.path.parent.rmdir()
            except OSError:
                pass
            return
        write_atomic(self.path, json.dumps({"entries": entries[-KEEP:]}, ensure_ascii=False, indent=1) + "\n")

    def push(self, action: str, summary: str, before: dict[Path, str | None], prefer: dict) -> None:
        files = {p.relative_to(self.content_dir).as_posix(): {"before": text, "after": text_hash(read_text(p))}
                 for p, text in before.items()}
        entry = {"action": action, "summary": summary,
                 "when": datetime.datetime.now().isoformat(timespec="seconds"), "files": files, "prefer": prefer}
        self._save(self.entries() + [entry])

    def pop(self) -> None:
        self._save(self.entries()[:-1])
