"""The preview's edit mode: JSON endpoints under ``<base>_sitegen/edit/`` that make an
editor's correction through ``sitegen.corrections``, the API the command line uses.

Only ``sitegen serve --watch`` on a loopback address has them, never the built site. The
server writes no file itself: each change is one call of the corrections API (which writes
the page's record and lets ingest write the articles), so the preview can change nothing
the command line could not. A change is made only for a request that carries this run's
token (a new random one each run, given to the pages the preview serves) and comes from
the preview's own pages: its Host is the server's, and its Origin, which browsers send with
every cross-site POST, is the server's too. Anything else is refused with 403 and changes
nothing; a malformed request gets 400, a correction the API refuses 409, each with one line.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import secrets
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sitegen.errors import SitegenError

PREFIX = "_sitegen/edit/"
TOKEN_HEADER = "X-Sitegen-Token"
MOST_BYTES = 1 << 20            # a request body larger than any article an editor types
STATIC = Path(__file__).with_name("static")
ASSETS = {"edit.js": "text/javascript; charset=utf-8", "edit.css": "text/css; charset=utf-8"}


class Refused(Exception):
    """A request that is not served: its status and the one line that says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _text(value, name: str, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise Refused(400, f"malformed request: {name!r} must be a non-empty string")
    return value


def _string(value, name: str) -> str:
    if not isinstance(value, str):
        raise Refused(400, f"malformed request: {name!r} must be a string")
    return value


def _int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused(400, f"malformed request: {name!r} must be a whole number")
    return value


def _fields(value) -> dict:
    if not isinstance(value, dict) or not value:
        raise Refused(400, "malformed request: 'fields' must be an object of field names and values")
    for name, v in value.items():
        if not (isinstance(v, str) or isinstance(v, list) and all(isinstance(x, str) for x in v)):
            raise Refused(400, f"malformed request: the value of {name!r} must be text or a list of texts")
    return value


def _api(name: str):
    """The corrections API's function ``name``, or None while this version has none."""
    import sitegen.corrections as corrections

    return getattr(corrections, name, None)


# action → (the API function, its arguments read from the request, in the function's order)
ACTIONS = {
    "split": ("split", lambda r: dict(article_id=_text(r.get("article"), "article"), at=_int(r.get("at"), "at"),
                                      title=_text(r.get("title"), "title", required=False))),
    "merge": ("merge", lambda r: dict(article_id=_text(r.get("article"), "article"),
                                      other_id=_text(r.get("other"), "other"))),
    "set": ("set_fields", lambda r: dict(article_id=_text(r.get("article"), "article"),
                                         assignments=_fields(r.get("fields")))),
    "undo": ("undo", lambda r: {}),
    "body": ("set_body", lambda r: dict(article_id=_text(r.get("article"), "article"),
                                        text=_string(r.get("text"), "text"))),
    "headline": ("move_headline", lambda r: dict(article_id=_text(r.get("article"), "article"),
                                                 to_id=_text(r.get("to"), "to"),
                                                 line=_text(r.get("line"), "line", required=False))),
    "not-article": ("not_an_article", lambda r: dict(article_id=_text(r.get("article"), "article"),
                                                      as_=_choice(r.get("as"), "as", ("residue", "furniture")))),
    "to-article": ("to_article", lambda r: dict(page=_text(r.get("page"), "page"), line=_line(r.get("line")),
                                                article_id=_text(r.get("article"), "article"))),
}


def _choice(value, name: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise Refused(400, f"malformed request: {name!r} must be one of {'|'.join(allowed)}")
    return value


def _line(value):
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise Refused(400, "malformed request: 'line' must be a residue line (its number or its text)")
    return value


def available() -> list[str]:
    """The actions this version of the corrections API can make."""
    return [a for a, (fn, _) in ACTIONS.items() if _api(fn) is not None]


class EditMode:
    """The edit endpoints of one preview run: its token, its checks, its calls."""

    def __init__(self, preview):
        self.preview = preview
        self.token = secrets.token_urlsafe(32)
        # One change at a time, and none while the watcher rebuilds (both run ingest).
        self.lock = threading.Lock()

    @property
    def settings(self):
        watcher = self.preview.watcher
        return watcher.settings if watcher is not None else self.preview.settings

    @property
    def root(self) -> str:
        return self.preview.base_path + PREFIX

    def snippet(self) -> bytes:
        from sitegen.serve.server import EVENTS

        config = {"token": self.token, "api": self.root, "events": self.preview.base_path + EVENTS,
                  "actions": available()}
        return ('<link rel="stylesheet" href="%sedit.css"><script>window.sitegenEdit=%s;</script>'
                '<script src="%sedit.js" defer></script>' % (self.root, json.dumps(config), self.root)).encode("utf-8")

    # -- the checks -----------------------------------------------------------------
    def _own_hosts(self) -> set[str]:
        host, port = self.preview.httpd.server_address[:2]
        names = {host, "localhost", "127.0.0.1", "[::1]"}
        return {f"{h}:{port}" for h in names} | ({host, "localhost", "127.0.0.1"} if port == 80 else set())

    def check(self, handler) -> None:
        own = self._own_hosts()
        host = handler.headers.get("Host", "")
        if host not in own:
            raise Refused(403, f"refused: this preview's edit mode answers only at its own address, not {host!r}")
        origin = handler.headers.get("Origin")
        if origin is not None:
            sent = urlsplit(origin)
            if sent.scheme != "http" or sent.netloc not in own:
                raise Refused(403, f"refused: a change from another site ({origin}) is not accepted")
        if handler.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            raise Refused(403, "refused: a change from another site is not accepted")
        given = handler.headers.get(TOKEN_HEADER, "")
        if not given:
            raise Refused(403, f"refused: no edit token ({TOKEN_HEADER}); reload the page from the preview")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode()):
            raise Refused(403, "refused: wrong edit token (the preview was restarted?): reload the page")

    # -- the requests ---------------------------------------------------------------
    def get(self, handler, path: str) -> tuple[int, str, bytes]:
        name = path[len(self.root):]
        if name in ASSETS:
            return 200, ASSETS[name], (STATIC / name).read_bytes()
        try:
            if name != "page":
                raise Refused(404, f"no such edit resource: {name!r}")
            self.check(handler)
            query = parse_qs(urlsplit(handler.path).query)
            from sitegen.serve.edit_data import page_data

            with self.lock:
                data = page_data(self.settings, page=(query.get("page") or [None])[0],
                                 article=(query.get("article") or [None])[0], outline=_api("page_outline"))
            data["actions"] = available()
            return _json(200, data)
        except Refused as exc:
            return _json(exc.status, {"error": exc.message})
        except SitegenError as exc:
            return _json(404, {"error": str(exc)})

    def post(self, handler, path: str) -> tuple[int, str, bytes]:
        try:
            self.check(handler)
            action = path[len(self.root):]
            if action not in ACTIONS:
                raise Refused(404, f"no such edit action: {action!r} (actions: {', '.join(available())})")
            request = _read_json(handler)
            fn_name, read = ACTIONS[action]
            fn = _api(fn_name)
            if fn is None:
                raise Refused(501, f"this version of sitegen cannot {action} yet")
            args = read(request)
            settings = self.settings
            with self.lock:
                correction = fn(settings.content_dir, settings, *args.values())   # in the API's order
                seen = self.preview.state.generation      # the rebuild that shows it comes after this one
            return _json(200, {**_result(correction, settings, action, args), "generation": seen})
        except Refused as exc:
            return _json(exc.status, {"error": exc.message})
        except SitegenError as exc:
            return _json(409, {"error": str(exc)})


def _read_json(handler) -> dict:
    ctype = handler.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise Refused(400, "malformed request: the body must be JSON (Content-Type: application/json)")
    try:
        length = int(handler.headers.get("Content-Length", ""))
    except ValueError:
        raise Refused(400, "malformed request: no Content-Length") from None
    if not 0 <= length <= MOST_BYTES:
        raise Refused(400, f"malformed request: a body of {length} bytes (at most {MOST_BYTES})")
    raw = handler.rfile.read(length)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise Refused(400, f"malformed request: not JSON ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise Refused(400, "malformed request: the body must be a JSON object")
    return data


def _result(correction, settings, action: str, args: dict) -> dict:
    """The correction as the page shows it: its lines, the article that is no more (merged
    away, or no article now) and where its text went."""
    from sitegen.site import urls

    go = args["article_id"] if action == "merge" else None
    gone = args["other_id"] if action == "merge" else args["article_id"] if action == "not-article" else None
    return {"ok": True, "action": correction.action, "lines": correction.lines(), "changes": correction.changes,
            "article": correction.article, "new_id": correction.new_id, "gone": gone,
            "go": settings.base_path + urls.article(go) if go else None}


def _json(status: int, data: dict) -> tuple[int, str, bytes]:
    return status, "application/json; charset=utf-8", json.dumps(data, ensure_ascii=False).encode("utf-8")
