"""Reading page files: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK; any line ends."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.ocr.controls import remove_invisible

PAGE_SUFFIXES = {".txt"}
# A printed page's OCR text is some 10 KB; a file of hundreds of pages is a mistake, and
# cutting it would take the ingest's time and memory from every other page.
MAX_PAGE_BYTES = 4 * 2**20
_SPACE = re.compile(r"\s")
# Everything but common CJK, kana, fullwidth forms and printable ASCII and Latin-1: only
# these can be control, private-use, surrogate or unassigned characters.
_SUSPECT = re.compile(r"[^\s\u0020-\u007e\u00a0-\u00ff\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


class PageFileError(SitegenError):
    """A page file that cannot be read as text."""


@dataclass(frozen=True)
class Page:
    source: str        # the path from the project folder (from the pages folder's parent if outside it)
    relpath: str       # path inside the pages folder, with forward slashes
    text: str          # decoded text, "\n" line ends, no BOM, no control or invisible characters
    invisible: int = 0  # control and invisible characters taken out of the text

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are technically valid but are not writing (binary, wrong codec)."""
    # Characters outside the printable classes are rare in writing and common in a wrong
    # decoding; the regex finds candidates fast, unicodedata judges only those.
    visible = len(text) - len(_SPACE.findall(text))
    if not visible:
        return False
    suspects = _SUSPECT.findall(text)
    bad = sum(1 for c in suspects if unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn"))
    # A stray control character or two (a BEL) is damage to clean up, not a binary file.
    return bad <= 3 or bad / visible < 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """The text, when the bytes read as UTF-16 with no byte-order mark: line ends and
    spaces fall on every other byte with a NUL beside them."""
    for codec, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        newlines = data[1 - nul_at::2].count(b"\n")
        if len(data) % 2 == 0 and newlines and data[nul_at::2].count(b"\x00") >= newlines:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text
    return None


def _common_share(text: str) -> float:
    """The share of a text's Chinese characters that are among the 3,755 most common
    (GB2312's first level): nearly all in real writing, few in a wrong decoding."""
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 1.0
    common = 0
    for c in cjk:
        try:
            common += 0xB0 <= c.encode("gb2312")[0] <= 0xD7
        except UnicodeEncodeError:
            pass
    return common / len(cjk)


def _looks_like_big5(data: bytes, as_gb: str) -> bool:
    if _common_share(as_gb) >= 0.5:
        return False
    try:
        as_big5 = data.decode("big5")
    except UnicodeDecodeError:
        return False
    return sum("\u4e00" <= c <= "\u9fff" for c in as_big5) > 0


def decode_page(data: bytes, path: Path | str) -> str:
    """Bytes of a page file → text, or a PageFileError that says what is wrong with it."""
    if not data.strip():
        raise PageFileError("empty page file", path)
    text = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
    elif b"\x00" in data:
        if _utf16_without_bom(data) is not None:
            raise PageFileError("UTF-16 text without a byte-order mark: save it as UTF-8, or as UTF-16 with a BOM", path)
        raise PageFileError("binary file, not page text", path)
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                # GB18030 is a superset of GBK and GB2312, the usual output of Chinese OCR tools.
                text = data.decode("gb18030")
                if _looks_like_big5(data, text):
                    raise PageFileError("Big5 (traditional Chinese) text: save it as UTF-8 or GB18030", path)
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                try:
                    data.decode("big5")
                except UnicodeDecodeError:
                    raise PageFileError("cannot decode: neither UTF-8 nor GB18030 text "
                                        f"(bad bytes {data[exc.start:exc.start + 2].hex(' ')})", path, line) from None
                raise PageFileError("Big5 (traditional Chinese) text: save it as UTF-8 or GB18030", path) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _SPACE.sub("", text.replace("\u3000", "")):
        raise PageFileError("a page of nothing but spaces", path)
    if not _looks_like_text(text):
        raise PageFileError("binary file, not page text", path)
    return text


def _from_project(path: Path, pages_dir: Path, root: Path | None) -> str:
    # Articles name their page file in front matter and in the published JSON export, so
    # the name must not carry the folder the archive happens to sit in on one machine.
    # Named by where it stands, not where a link leads.
    where = Path(os.path.abspath(path))
    if root is not None:
        try:
            return where.relative_to(Path(os.path.abspath(root))).as_posix()
        except ValueError:
            pass
    return where.relative_to(Path(os.path.abspath(pages_dir)).parent).as_posix()


def _check_kind(path: Path, pages_dir: Path, root: Path | None) -> None:
    """A page file is a regular file inside the pages folder (or the project): say what
    else it is, and read no file a link leads out to."""
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            raise PageFileError("a link to a file that does not exist", path)
        inside = [Path(pages_dir).resolve(), *([Path(root).resolve()] if root is not None else [])]
        if not any(target.is_relative_to(folder) for folder in inside):
            raise PageFileError(f"a link to a file outside the pages folder ({target}): not read", path)
    if path.is_dir():
        try:
            next(path.iterdir(), None)
        except OSError:
            raise PageFileError("a folder that cannot be read: its pages were not ingested", path) from None
        raise PageFileError("a folder, not a page file", path)
    if path.exists() and not path.is_file():
        raise PageFileError("not a regular file (a pipe, socket or device)", path)


def read_page(path: Path, pages_dir: Path, root: Path | None = None) -> Page:
    """One page file; ``root``, the project folder, is where its ``source`` is named from."""
    _check_kind(path, pages_dir, root)
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise PageFileError(f"{size / 2**20:.1f} MB: a page file may hold at most {MAX_PAGE_BYTES // 2**20} MB "
                                f"(a printed page's text is some 10 KB); split it into its pages", path)
        data = path.read_bytes()
    except OSError as exc:
        raise PageFileError(f"cannot read: {exc.strerror}", path) from None
    text, invisible = remove_invisible(decode_page(data, path))
    return Page(source=_from_project(path, pages_dir, root), relpath=path.relative_to(pages_dir).as_posix(), text=text,
                invisible=invisible)


def find_page_files(pages_dir: Path) -> list[Path]:
    """Every page file under ``pages_dir`` in a stable order (hidden files and the manifest
    skipped). Whatever is named like a page but is none — a dangling link, a pipe, a folder
    called ``p3.txt`` — and every folder that cannot be read is listed too, so that reading
    it says what it is instead of passing over it in silence."""
    pages_dir = Path(pages_dir)
    if not pages_dir.is_dir():
        raise PageFileError("pages folder not found", pages_dir)
    found: list[Path] = []
    unreadable: list[Path] = []
    for folder, dirs, files in os.walk(pages_dir, onerror=lambda exc: unreadable.append(Path(exc.filename))):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in [*files, *dirs]:
            if not name.startswith(".") and Path(name).suffix.lower() in PAGE_SUFFIXES:
                found.append(Path(folder) / name)
    return sorted(found + [u for u in unreadable if u != pages_dir])
