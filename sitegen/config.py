"""Site settings: ``sitegen.toml`` plus command-line overrides."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from sitegen.errors import SitegenError, read_toml

CONFIG_NAME = "sitegen.toml"


@dataclass(frozen=True)
class Settings:
    root: Path = Path(".")
    title: str = "报纸档案"
    paper: str = ""
    base_url: str = "/"
    language: str = "zh-CN"
    page_size: int = 50
    feed_size: int = 50
    theme: str = "default"
    # The JSON export for researchers (data/): off unless asked for. It is a second copy of
    # every article's text, 0.8 KB an article, and the default site must fit 10 KB an article.
    export: bool = False
    pages_dir: Path = Path("seeds")
    content_dir: Path = Path("content")
    output_dir: Path = Path("public")
    # Editors' files; None means the copy shipped inside the package.
    vocabulary: Path | None = None
    gazetteer: Path | None = None
    landmarks: Path | None = None
    # Where readers report an error (纠错): the repository the archive is kept in (its web
    # editor opens the article's file), else an address; neither, no link.
    repository: str = ""
    branch: str = "main"
    corrections_email: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def base_path(self) -> str:
        """The URL path the site lives under, always with leading and trailing slash."""
        path = self.base_url
        if "://" in path:
            path = "/" + path.split("://", 1)[1].partition("/")[2]
        path = "/" + path.strip("/")
        return path if path == "/" else path + "/"

    @property
    def cache_dir(self) -> Path:
        """Derived data kept between builds (safe to delete)."""
        return Path(self.root) / ".sitegen-cache"

    @property
    def themes_dir(self) -> Path:
        return self.root / "themes"

    def with_overrides(self, **overrides) -> "Settings":
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def load_settings(root: Path | str = ".", config_file: Path | str | None = None) -> Settings:
    """Read ``sitegen.toml`` from ``root`` (absent file: defaults)."""
    root = Path(root)
    path = Path(config_file) if config_file else root / CONFIG_NAME
    if not path.exists():
        if config_file:
            raise SitegenError("settings file not found", path)
        # The folders stand under the root it was asked for, as with a settings file, not
        # under the directory the command happens to run in.
        return Settings(root=root, **{attr: root / Settings.__dataclass_fields__[attr].default
                                      for attr in ("pages_dir", "content_dir", "output_dir")})
    data, text = read_toml(path, "settings file")
    root = path.parent
    paths = data.pop("paths", {}) or {}
    known = {f for f in Settings.__dataclass_fields__}
    kwargs: dict = {"root": root}
    for key in ("title", "paper", "base_url", "language", "page_size", "feed_size", "theme", "export"):
        if key in data:
            kwargs[key] = data.pop(key)
    kwargs.update(_report_settings(data, path, text))
    if not isinstance(kwargs.get("export", True), bool):
        raise SitegenError("export must be true or false", path)
    for key, attr in (("pages", "pages_dir"), ("content", "content_dir"), ("output", "output_dir")):
        if key in paths:
            kwargs[attr] = root / paths[key]
        else:
            kwargs[attr] = root / Settings.__dataclass_fields__[attr].default
    for key in ("vocabulary", "gazetteer", "landmarks"):
        if key in paths:
            kwargs[key] = root / paths[key]
    kwargs["extra"] = {k: v for k, v in data.items() if k not in known}
    return Settings(**kwargs)


def _report_settings(data: dict, path: Path, text: str) -> dict:
    """``repository``, ``branch`` and ``corrections_email``, checked: a bad value is one line
    naming sitegen.toml, not a broken link on every article page."""
    from sitegen.site.errata import check_email, check_repository

    found = {}
    for key, check in (("repository", check_repository), ("branch", None), ("corrections_email", check_email)):
        if key not in data:
            continue
        value = data.pop(key)
        line = next((n for n, s in enumerate(text.splitlines(), 1) if s.strip().startswith(key)), None)
        if not isinstance(value, str) or not value.strip():
            raise SitegenError(f"{key} must be a non-empty string", path, line)
        problem = check(value.strip()) if check else None
        if problem:
            raise SitegenError(f"{key}: {problem}", path, line)
        found[key] = value.strip()
    return found
