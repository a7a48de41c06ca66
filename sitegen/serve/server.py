"""The preview server: the output folder over HTTP, as GitHub Pages would serve it.

Safe by default: it listens on loopback, serves only files inside the output folder (no
``../`` in any spelling), under the configured base path. With watching on, every HTML page
gets a small script that listens for server-sent events and reloads the page after a
rebuild; a failed rebuild shows an error page naming the file and line until it is fixed.
Watching on loopback, article and printed pages also get the edit mode (``editing``).
"""

from __future__ import annotations

import html
import http.server
import json
import mimetypes
import posixpath
import sys
import threading
import time
from pathlib import Path

from sitegen.errors import SitegenError
from urllib.parse import unquote, urlsplit

from sitegen.config import Settings

EVENTS = "__sitegen/events"
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
         ".xml": "application/xml; charset=utf-8", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
         ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
         ".ico": "image/x-icon", ".woff2": "font/woff2", "": "application/octet-stream"}

# A tab reloads when a build or a proof changed the page it shows ("*": every page may have).
# The edit mode listens on the same stream (sitegenEvents, sitegenBuild: the build last seen):
# a browser keeps only six connections to one server, so a tab holds one.
RELOAD_SCRIPT = """<script>(function(){var s=new EventSource(%s);var g=null;window.sitegenEvents=s;
function shown(d){var p=location.pathname.replace(/index\\.html$/,"");
return d.pages==="*"||d.pages.indexOf(p)>=0||d.pages.indexOf(decodeURI(p))>=0;}
s.addEventListener("build",function(e){var d=JSON.parse(e.data);window.sitegenBuild=d.generation;if(g!==null&&d.generation!==g&&shown(d)){location.reload();}g=d.generation;});
s.addEventListener("proof",function(e){if(shown(JSON.parse(e.data))){location.reload();}});})();</script>"""


class BuildState:
    """What the browser should see: the build generation and the pages it changed, the last
    error if any, and the latest proof (pages re-rendered ahead of a rebuild)."""

    def __init__(self):
        self.generation = 0
        self.error: str | None = None
        self.pages: list[str] | str = "*"
        self.proofs = 0
        self.proof_pages: list[str] = []
        self._changed = threading.Condition()

    def finished(self, error: str | None, pages: list[str] | str = "*") -> None:
        with self._changed:
            # An error page replaces every page, and so does its end.
            self.pages = "*" if error or self.error else pages
            self.error = error
            self.generation += 1
            self._changed.notify_all()

    def proofed(self, pages: list[str]) -> None:
        with self._changed:
            self.proof_pages = pages
            self.proofs += 1
            self._changed.notify_all()

    def _event(self, name: str) -> bytes:
        if name == "proof":
            data = {"proof": self.proofs, "pages": self.proof_pages}
        else:
            data = {"generation": self.generation, "pages": self.pages}
        return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode("utf-8")

    def first_event(self) -> tuple[tuple[int, int], bytes]:
        with self._changed:
            return (self.generation, self.proofs), self._event("build")

    def wait_for_change(self, seen: tuple[int, int], timeout: float) -> tuple[tuple[int, int], bytes]:
        """The events a listener that has seen ``seen`` is owed, read in one moment."""
        with self._changed:
            self._changed.wait_for(lambda: (self.generation, self.proofs) != seen, timeout=timeout)
            now = (self.generation, self.proofs)
            events = b""
            if now[1] != seen[1]:
                events += self._event("proof")
            if now[0] != seen[0]:
                events += self._event("build")
            return now, events


def resolve_request(output_dir: Path, base_path: str, raw_path: str) -> Path | None:
    """The file a request path names inside ``output_dir``, or None when there is none
    (outside the base path, or any attempt to step outside the folder)."""
    path = urlsplit(raw_path).path
    if not path.startswith(base_path):
        if path + "/" == base_path:
            path = base_path
        else:
            return None
    rel = unquote(path[len(base_path):])
    if "\x00" in rel or "\\" in rel:
        return None
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    root = output_dir.resolve()
    target = (root / posixpath.join(*parts)) if parts else root
    try:
        target = target.resolve()
    except OSError:
        return None
    if target != root and root not in target.parents:
        return None
    if target.is_dir():
        if not path.endswith("/"):
            return target          # the handler redirects to the slash form
        target = target / "index.html"
    return target if target.is_file() else None


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "sitegen"
    preview: "PreviewServer"
    timeout = 15            # seconds an idle connection is kept (the events stream writes every second)

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass            # the browser went away or went quiet: nothing to report

    def log_message(self, fmt, *args):
        if self.preview.verbose:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head: bool = False):
        p = self.preview
        path = urlsplit(self.path).path
        if p.watch and path == p.base_path + EVENTS:
            return self._events()
        if p.editing is not None and path.startswith(p.editing.root):
            return self._send(*p.editing.get(self, path), head)
        target = resolve_request(p.output_dir, p.base_path, self.path)
        if target is not None and target.is_dir():
            self.send_response(301)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.end_headers()
            return
        wants_html = target is None or target.suffix == ".html"
        if p.watch and p.state.error and wants_html:
            return self._send(500, TYPES[".html"], self._inject(p.error_page()), head)
        if target is None:
            page404 = p.output_dir / "404.html"
            body = page404.read_bytes() if page404.is_file() else b"<h1>404</h1>"
            return self._send(404, TYPES[".html"], self._inject(body), head)
        data = target.read_bytes()
        ctype = TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0] or TYPES[""]
        if target.suffix == ".html":
            data = self._inject(data)
        self._send(200, ctype, data, head)

    def do_POST(self):
        p = self.preview
        path = urlsplit(self.path).path
        if p.editing is not None and path.startswith(p.editing.root):
            return self._send(*p.editing.post(self, path), False)
        self._send(405, "text/plain; charset=utf-8", b"the preview changes nothing here\n", False)

    def _inject(self, data: bytes) -> bytes:
        p = self.preview
        if not p.watch:
            return data
        script = (RELOAD_SCRIPT % ('"' + p.base_path + EVENTS + '"')).encode("utf-8")
        if p.editing is not None and (b"data-article-id=" in data or b"data-page=" in data):
            script += p.editing.snippet()     # article pages and printed pages get the edit mode
        at = data.rfind(b"</body>")
        return data[:at] + script + data[at:] if at != -1 else data + script

    def _send(self, code: int, ctype: str, data: bytes, head: bool) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def _events(self) -> None:
        p = self.preview
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen, first = p.state.first_event()      # the tab learns the generation it shows
        try:
            self.wfile.write(first)
            self.wfile.flush()
            while not p.stopping.is_set():
                seen, events = p.state.wait_for_change(seen, timeout=1.0)
                self.wfile.write(events or b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass


class _Server(http.server.ThreadingHTTPServer):
    # A page's burst of requests (stylesheet, scripts, icon, search shards) waits in the
    # listen queue instead of being refused and retried a second later.
    request_queue_size = 128


class PreviewServer:
    def __init__(self, settings: Settings, host: str = "127.0.0.1", port: int = 8000, watch: bool = False,
                 verbose: bool = False):
        self.settings = settings
        self.output_dir = Path(settings.output_dir)
        self.base_path = settings.base_path
        self.watch = watch
        self.verbose = verbose
        self.state = BuildState()
        self.stopping = threading.Event()
        handler = type("Handler", (_Handler,), {"preview": self})
        try:
            self.httpd = _Server((host, port), handler)
        except OSError as exc:
            import errno

            if exc.errno == errno.EADDRINUSE:
                raise SitegenError(f"port {port} on {host} is in use (another server?): try --port {port + 1}") from None
            raise SitegenError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None
        self.watcher = None
        self.editing = None
        if watch:
            from sitegen.serve.editing import EditMode, is_loopback

            # On an address others can reach, anyone who can load a page could edit: no edit mode.
            if is_loopback(self.httpd.server_address[0]):
                self.editing = EditMode(self)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{self.base_path}"

    def error_page(self) -> bytes:
        message = html.escape(self.state.error or "")
        return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>构建出错</title></head>'
                f'<body><h1>构建出错</h1><pre id="sitegen-build-error">{message}</pre>'
                f"<p>修改并保存文件后，页面会自动刷新。</p></body></html>").encode("utf-8")

    def start(self) -> "PreviewServer":
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="sitegen-serve", daemon=True)
        self._thread.start()
        if self.watch:
            from sitegen.serve.watch import SiteWatcher

            self.watcher = SiteWatcher(self.settings, self.state,
                                       lock=self.editing.lock if self.editing is not None else None)
            self.watcher.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self.watcher is not None:
            self.watcher.stop()
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


def serve_site(settings: Settings, host: str = "127.0.0.1", port: int = 8000, watch: bool = False) -> None:
    from sitegen.errors import SitegenError
    from sitegen.site import build_site

    try:
        report = build_site(settings, progress=sys.stderr.isatty(), preview=watch)
        print(report.summary())
        error = None
    except SitegenError as exc:
        if not watch:
            raise
        error = str(exc)
        print(f"error: {exc}", file=sys.stderr)
    server = PreviewServer(settings, host, port, watch)
    if error:
        server.state.finished(error)
    server.start()
    print(f"serving {server.output_dir} at {server.url}" + (" (watching for changes)" if watch else ""))
    if watch:
        print("edit mode: on in article and page views (编辑)" if server.editing is not None else
              f"edit mode: off (the server listens on {host}, not on loopback)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopping")
    finally:
        server.stop()
