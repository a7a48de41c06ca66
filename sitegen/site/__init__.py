"""The build stage: content files in, a static site out (``build_site``)."""

from sitegen.site.build import BuildReport, build_site

__all__ = ["BuildReport", "build_site"]
