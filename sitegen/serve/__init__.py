"""``sitegen serve``: the built site over HTTP, rebuilt and reloaded while you edit."""

from sitegen.serve.server import PreviewServer, serve_site

__all__ = ["PreviewServer", "serve_site"]
