"""The preview's edit endpoints refuse what is not this run's own page asking, change
nothing then, and exist nowhere but in `sitegen serve --watch` on loopback."""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from sitegen.config import load_settings
from sitegen.serve import PreviewServer
from sitegen.site import build_site

MENTOUGOU = "门头沟区总工会普法宣传进社区"


def article_id(project: Path, title: str) -> str:
    """The id ingest gave the article headed ``title`` (ids are new on each fresh ingest)."""
    from sitegen.content import load_articles

    return next(a.id for a in load_articles(project / "content") if a.title == title)


def fresh_project(dest: Path) -> Path:
    """The sample's page files and settings, ingested afresh (no content copied)."""
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "sitegen.toml", dest / "sitegen.toml")
    for name in ("seeds", "themes"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    project = fresh_project(tmp_path_factory.mktemp("edit-safety") / "p")
    settings = load_settings(project)
    build_site(settings, preview=True)
    server = PreviewServer(settings, port=0, watch=True).start()
    server.article = article_id(project, MENTOUGOU)
    yield project, server
    server.stop()


def request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    host, port = server.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=60)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, response.getheader("Content-Type", ""), data


def token_of(server) -> str:
    status, _, page = request(server, "GET", f"/a/{server.article}/")
    assert status == 200
    return re.search(r'"token": "([^"]+)"', page.decode()).group(1)


def content_digest(project: Path) -> str:
    h = hashlib.sha1()
    for p in sorted((project / "content").rglob("*")):
        if p.is_file():
            h.update(p.relative_to(project).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def post(server, action: str, data, token: str | None, **headers):
    """POST ``data`` (where "ID" stands for the article the tests edit)."""
    body = data if isinstance(data, bytes) else json.dumps(data).replace('"ID"', f'"{server.article}"').encode()
    h = {"Content-Type": "application/json", **headers}
    if token is not None:
        h["X-Sitegen-Token"] = token
    status, ctype, raw = request(server, "POST", f"/_sitegen/edit/{action}", body, h)
    return status, json.loads(raw) if ctype.startswith("application/json") else raw.decode()


SET_KIND = {"article": "ID", "fields": {"kind": "photo"}}


@pytest.mark.parametrize("token", [None, "", "not-the-token"])
def test_a_change_without_this_runs_token_is_refused_and_changes_nothing(preview, token):
    project, server = preview
    before = content_digest(project)
    status, answer = post(server, "set", SET_KIND, token)
    assert status == 403 and "token" in answer["error"] and "\n" not in answer["error"]
    assert content_digest(project) == before


@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"}, {"Origin": "null"},
                                     {"Origin": "http://127.0.0.1:1"}, {"Host": "evil.example:8000"},
                                     {"Sec-Fetch-Site": "cross-site"}])
def test_a_change_from_another_site_is_refused_even_with_the_token(preview, headers):
    project, server = preview
    before = content_digest(project)
    status, answer = post(server, "set", SET_KIND, token_of(server), **headers)
    assert status == 403 and answer["error"].startswith("refused:")
    assert content_digest(project) == before


def test_reading_a_page_for_editing_needs_the_token_too(preview):
    _, server = preview
    status, _, raw = request(server, "GET", f"/_sitegen/edit/page?article={server.article}")
    assert status == 403
    status, _, raw = request(server, "GET", f"/_sitegen/edit/page?article={server.article}",
                             headers={"X-Sitegen-Token": token_of(server)})
    data = json.loads(raw)
    assert status == 200 and server.article in [a["id"] for a in data["articles"]]
    assert "朝阳区" in data["choices"]["districts"] and data["page"] == "000_ff3513847beb20a4.txt"
    status, _, raw = request(server, "GET", "/_sitegen/edit/page?page=../sitegen.toml",
                             headers={"X-Sitegen-Token": token_of(server)})
    assert status == 404 and json.loads(raw)["error"] == "unknown page '../sitegen.toml'"


@pytest.mark.parametrize("action, body, status, says", [
    ("split", b"{not json", 400, "not JSON"),
    ("split", b"[1, 2]", 400, "JSON object"),
    ("split", {"article": "ID", "at": "two"}, 400, "'at'"),
    ("set", {"article": "ID", "fields": {"kind": 3}}, 400, "'kind'"),
    ("set", {"article": "ID"}, 400, "'fields'"),
    ("merge", {"article": "ID"}, 400, "'other'"),
    ("rewrite", {}, 404, "no such edit action"),
    ("split", {"article": "20200720-nosuchid", "at": 2}, 409, "unknown article id"),
    ("set", {"article": "ID", "fields": {"kind": "poem"}}, 409, "kind must be one of"),
    ("set", {"article": "ID", "fields": {"districts": ["火星区"]}}, 409, "not a district"),
    ("to-article", {"page": "../sitegen.toml", "line": 1, "article": "ID"}, 409, "no page file"),
    ("split", {"article": "../../sitegen", "at": 2}, 409, "unknown article id"),
])
def test_a_malformed_or_refused_request_gets_one_line_and_changes_nothing(preview, action, body, status, says):
    project, server = preview
    before = content_digest(project)
    got, answer = post(server, action, body, token_of(server))
    assert got == status and says in answer["error"] and "\n" not in answer["error"]
    assert content_digest(project) == before


def test_a_body_that_is_not_json_is_refused(preview):
    project, server = preview
    before = content_digest(project)
    status, answer = post(server, "set", json.dumps(SET_KIND).encode(), token_of(server),
                          **{"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and "Content-Type" in answer["error"]
    assert content_digest(project) == before


def test_each_run_has_its_own_token(preview, tmp_path):
    project, server = preview
    other = PreviewServer(load_settings(project), port=0, watch=True)
    other.article = server.article
    other.start()
    try:
        assert token_of(other) != token_of(server)
        before = content_digest(project)
        assert post(other, "set", SET_KIND, token_of(server))[0] == 403
        assert content_digest(project) == before
    finally:
        other.stop()


def test_loopback_only_and_never_in_the_built_site(preview, tmp_path):
    project, server = preview
    assert server.httpd.server_address[0] == "127.0.0.1"
    # The built site has no trace of the edit mode; only the preview adds it to its pages.
    public = project / "public"
    for p in public.rglob("*"):
        if p.is_file() and p.suffix in (".html", ".js", ".css", ".json", ".xml"):
            text = p.read_text(encoding="utf-8", errors="replace")
            assert "_sitegen/edit" not in text and "sitegenEdit" not in text and "edit.js" not in text, p
    assert not list(public.rglob("edit.js")) and not list(public.rglob("edit.css"))
    status, _, page = request(server, "GET", f"/a/{server.article}/")
    assert b"/_sitegen/edit/edit.js" in page
    status, ctype, script = request(server, "GET", "/_sitegen/edit/edit.js")
    assert status == 200 and ctype.startswith("text/javascript") and b"X-Sitegen-Token" in script


def test_no_edit_mode_without_watching_or_off_loopback(preview):
    project, watched = preview
    settings = load_settings(project)
    for server in (PreviewServer(settings, port=0), PreviewServer(settings, host="0.0.0.0", port=0, watch=True)):
        thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
        thread.start()
        try:
            assert server.editing is None
            host = server.httpd.server_address
            conn = http.client.HTTPConnection("127.0.0.1", host[1], timeout=30)
            conn.request("GET", f"/a/{watched.article}/")
            page = conn.getresponse().read()
            conn.request("POST", "/_sitegen/edit/undo", body=b"{}", headers={"Content-Type": "application/json"})
            refused = conn.getresponse()
            refused.read()
            conn.close()
            assert b"_sitegen/edit" not in page and refused.status == 405
        finally:
            server.httpd.shutdown()
            server.httpd.server_close()
