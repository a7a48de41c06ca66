"""The Jinja2 environment: theme lookup with override, and the helpers templates use.

A site's own theme (``theme = "mine"`` → ``themes/mine/templates``) comes first; every
default template is also reachable as ``default/<name>``, so ``{% extends
"default/article.html" %}`` overrides only the blocks it names.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2

from sitegen.errors import SitegenError

# Where the default theme is when the site has none of its own: beside the package in a
# checkout of this repository, or under share/sitegen in an install.
PACKAGE_THEMES = [Path(__file__).resolve().parents[2] / "themes", Path(sys.prefix) / "share" / "sitegen" / "themes"]


def theme_dirs(themes_dir: Path, theme: str) -> list[Path]:
    """Theme folders, most specific first; the default theme always last."""
    default = themes_dir / "default"
    if not default.is_dir():
        default = next((d / "default" for d in PACKAGE_THEMES if (d / "default" / "templates").is_dir()), default)
    dirs = []
    if theme != "default":
        mine = themes_dir / theme
        if not mine.is_dir():
            raise SitegenError(f"theme '{theme}' not found (looked for {mine})", themes_dir)
        dirs.append(mine)
    dirs.append(default)
    return dirs


def make_environment(dirs: list[Path], globals_: dict) -> jinja2.Environment:
    default_loader = jinja2.FileSystemLoader(str(dirs[-1] / "templates"))
    loader = jinja2.ChoiceLoader([
        *(jinja2.FileSystemLoader(str(d / "templates")) for d in dirs),
        jinja2.PrefixLoader({"default": default_loader}),
    ])
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined, auto_reload=False, cache_size=400)
    env.globals.update(globals_)
    return env


def template_error(exc: jinja2.TemplateError) -> SitegenError:
    """A template problem as one line naming the template file and line."""
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None) or "template"
    line = getattr(exc, "lineno", None)
    return SitegenError(f"template error: {exc.message if hasattr(exc, 'message') and exc.message else exc}",
                        filename, line)
