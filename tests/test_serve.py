"""sitegen serve: safe static serving, and rebuild + reload while editing."""

from __future__ import annotations

import json
import http.client
import os
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser import chromium_page, needs_chromium
from conftest import copy_project, site_differences
from sitegen.config import load_settings
from sitegen.serve import PreviewServer
from sitegen.site import build_site


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def raw_get(server: PreviewServer, path: str) -> int:
    """A request with the path sent exactly as written (urllib would normalise it)."""
    host, port = server.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


class Events:
    """Reads the server-sent build events."""

    def __init__(self, server: PreviewServer):
        host, port = server.httpd.server_address[:2]
        self.conn = http.client.HTTPConnection(host, port, timeout=30)
        self.conn.request("GET", server.base_path + "__sitegen/events")
        self.response = self.conn.getresponse()
        assert self.response.getheader("Content-Type") == "text/event-stream"
        self.generation = self.next()

    def next(self, timeout: float = 30, name: str = "build") -> int:
        """Wait for the next event called ``name`` (a rebuild by default) and keep its data."""
        deadline = time.monotonic() + timeout
        event = None
        while time.monotonic() < deadline:
            line = self.response.fp.readline().decode()
            if line.startswith("event: "):
                event = line[7:].strip()
            elif line.startswith("data: ") and event == name:
                self.data = json.loads(line[6:])
                if name == "build":
                    self.generation = self.data["generation"]
                return self.data.get("generation", self.data.get("proof"))
        raise AssertionError(f"no {name} event")

    def close(self):
        self.conn.close()


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "p")
    settings = load_settings(project)
    build_site(settings)
    server = PreviewServer(settings, port=0).start()
    yield server
    server.stop()


@pytest.fixture
def watched(tmp_path):
    project = copy_project(tmp_path / "p")
    settings = load_settings(project)
    build_site(settings, preview=True)          # as `sitegen serve --watch` builds first
    server = PreviewServer(settings, port=0, watch=True).start()
    events = Events(server)
    yield project, server, events
    events.close()
    server.stop()


def test_serves_the_site_with_the_right_types(served):
    base = served.url
    status, ctype, body = get(base)
    assert status == 200 and ctype.startswith("text/html") and "<html" in body.decode()
    for path, kind in [("static/css/site.css", "text/css"), ("static/js/search.js", "text/javascript"),
                       ("search/manifest.json", "application/json"), ("feed.xml", "application/xml"),
                       ("static/favicon.svg", "image/svg+xml"), ("district/", "text/html")]:
        status, ctype, _ = get(base + path)
        assert status == 200 and ctype.startswith(kind), path
    article = next((served.output_dir / "a").iterdir()).name
    assert raw_get(served, f"/a/{article}") == 301
    status, _, body = get(base + "no/such/page/")
    assert status == 404 and "找不到这个页面" in body.decode()


@pytest.mark.parametrize("path", ["/../sitegen.toml", "/%2e%2e/sitegen.toml", "/%2E%2E/%2e%2e/etc/passwd",
                                  "/%252e%252e/sitegen.toml", "/..%2fsitegen.toml", "/static/..%5c..%5csitegen.toml",
                                  "/a/%00", "/static/../../sitegen.toml", "//etc/passwd"])
def test_nothing_outside_the_output_folder(served, path):
    assert raw_get(served, path) == 404


def test_loopback_by_default(served):
    assert served.httpd.server_address[0] == "127.0.0.1"


def test_served_under_the_base_path(tmp_path):
    project = copy_project(tmp_path / "p")
    settings = load_settings(project).with_overrides(base_url="/repo/")
    build_site(settings)
    server = PreviewServer(settings, port=0).start()
    try:
        assert server.url.endswith("/repo/")
        assert get(server.url)[0] == 200
        assert raw_get(server, "/index.html") == 404
        assert get(server.url + "static/css/site.css")[0] == 200
    finally:
        server.stop()


def article_file(project: Path, text: str) -> Path:
    return next(p for p in (project / "content").rglob("*.md") if text in p.read_text(encoding="utf-8"))


def test_edit_rebuilds_and_reloads(watched):
    project, server, events = watched
    status, _, body = get(server.url)
    assert "__sitegen/events" in body.decode()                  # reload script, only when serving
    assert "__sitegen" not in (server.output_dir / "index.html").read_text(encoding="utf-8")
    path = article_file(project, "陶然亭工会构建疫情防线")
    path.write_text(path.read_text(encoding="utf-8").replace("持续夯实疫情防控", "持续夯实编辑改过的防控"), encoding="utf-8")
    events.next()
    ident = path.stem
    assert "编辑改过的防控" in get(server.url + f"a/{ident}/")[2].decode()


def test_an_edited_article_shows_before_the_rebuild_ends(watched):
    project, server, events = watched
    path = article_file(project, "陶然亭工会构建疫情防线")
    article_url = server.base_path + f"a/{path.stem}/"
    path.write_text(path.read_text(encoding="utf-8").replace("持续夯实疫情防控", "持续夯实校样防控"), encoding="utf-8")
    events.next(name="proof")
    assert article_url in events.data["pages"]
    assert "校样防控" in get(server.url + f"a/{path.stem}/")[2].decode()
    assert server.watcher.builds == 0                       # shown ahead of the rebuild
    events.next()
    # The proof was the page the rebuild makes: the rebuild does not change it again, and a
    # body edit changes no other page, so no open tab reloads a second time.
    assert events.data["pages"] == []
    path.write_text(path.read_text(encoding="utf-8").replace("title: 陶然亭工会", "title: 陶然亭街道工会"),
                    encoding="utf-8")
    events.next(name="proof")
    events.next()
    assert article_url not in events.data["pages"]
    assert any("/tag/" in p or "/district/" in p for p in events.data["pages"])   # lists show the headline


def test_unchanged_save_rebuilds_nothing(watched):
    project, server, events = watched
    path = article_file(project, "陶然亭工会构建疫情防线")
    path.write_bytes(path.read_bytes())
    time.sleep(1.0)
    assert server.watcher.builds == 0


def test_save_by_rename_counts(watched):
    project, server, events = watched
    path = article_file(project, "陶然亭工会构建疫情防线")
    tmp = path.with_name(path.name + ".swp")
    tmp.write_text(path.read_text(encoding="utf-8").replace("群防群治", "群防群治（改）"), encoding="utf-8")
    os.replace(tmp, path)
    events.next()
    assert "群防群治（改）" in get(server.url + f"a/{path.stem}/")[2].decode()


def test_an_unchanged_save_through_an_oddly_named_temporary_file_rebuilds_nothing(watched):
    # sed -i and some editors write "sedAbC123" or the like beside the file, then rename it
    # over the file: the temporary file is gone before the watcher looks at it.
    project, server, events = watched
    path = article_file(project, "陶然亭工会构建疫情防线")
    tmp = path.with_name("sedq3ZxYw")
    tmp.write_bytes(path.read_bytes())
    os.replace(tmp, path)
    time.sleep(1.0)
    assert server.watcher.builds == 0


def test_errors_show_in_the_browser_and_fixing_recovers(watched):
    project, server, events = watched
    path = article_file(project, "陶然亭工会构建疫情防线")
    good = path.read_text(encoding="utf-8")
    lines = good.split("\n")
    lines[3] = "kind: [news"
    path.write_text("\n".join(lines), encoding="utf-8")
    events.next()
    status, _, body = get(server.url)
    assert status == 500 and f"{path}:" in body.decode() and "__sitegen/events" in body.decode()
    path.write_text(good, encoding="utf-8")
    events.next()
    assert get(server.url)[0] == 200

    template = project / "themes/default/templates/base.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace("{% block content %}", "{% block content %}{% if %}"), encoding="utf-8")
    events.next()
    status, _, body = get(server.url + "tag/")
    assert status == 500 and "base.html:" in body.decode()
    template.write_text(good, encoding="utf-8")
    events.next()
    assert get(server.url + "tag/")[0] == 200


@needs_chromium
def test_open_tab_reloads_itself_after_an_edit(watched):
    project, server, events = watched
    path = article_file(project, "陶然亭工会构建疫情防线")
    with chromium_page() as (page, errors):
        page.goto(server.url + f"a/{path.stem}/")
        page.wait_for_function("document.readyState === 'complete'")
        time.sleep(0.3)                                     # the event stream is open
        path.write_text(path.read_text(encoding="utf-8").replace("持续夯实疫情防控", "持续夯实浏览器防控"),
                        encoding="utf-8")
        page.wait_for_function("document.body.textContent.includes('浏览器防控')", timeout=20000)
        assert errors == []


def test_incremental_result_equals_a_clean_build(watched, tmp_path):
    project, server, events = watched

    def same_as_clean(step: str) -> None:
        # a fresh copy of the project, with no cache and no earlier output, built from scratch
        fresh = tmp_path / f"clean-{step.replace(' ', '-')}"
        shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("public", ".public.*", ".sitegen-cache"))
        build_site(load_settings(fresh))
        assert site_differences(server.output_dir, fresh / "public") == [], step

    path = article_file(project, "陶然亭工会构建疫情防线")
    path.write_text(path.read_text(encoding="utf-8").replace("持续夯实疫情防控", "持续夯实防控"), encoding="utf-8")
    events.next()
    same_as_clean("body")
    path.write_text(path.read_text(encoding="utf-8").replace("title: 陶然亭工会", "title: 陶然亭街道工会"), encoding="utf-8")
    events.next()
    same_as_clean("headline")
    text = path.read_text(encoding="utf-8")
    text = text.replace("districts: [西城区]", "districts: [西城区, 东城区]").replace("tags: [", "tags: [编辑标签, ")
    path.write_text(text, encoding="utf-8")
    events.next()
    same_as_clean("districts and tags")
    article_file(project, "北京职工互助保障业务培训会召开").unlink()
    events.next()
    same_as_clean("deleted article")
    (project / "seeds" / "2021-05-06_p2.txt").write_text(
        "本报讯 （记者 马超） 近日，海淀区总工会开展普法宣传活动。\n\n海淀工会普法进社区\n", encoding="utf-8")
    events.next()
    same_as_clean("new page file")
    assert (server.output_dir / "date/2021/05/06/index.html").is_file()
    template = project / "themes/default/templates/article.html"
    template.write_text(template.read_text(encoding="utf-8").replace("本版全部文章", "本版所有文章"), encoding="utf-8")
    events.next()
    same_as_clean("template")
    assert "本版所有文章" in next((server.output_dir / "a").glob("*/index.html")).read_text(encoding="utf-8")


def test_editing_sitegen_toml_rebuilds_with_the_new_settings_or_shows_its_error(watched):
    project, server, events = watched
    config = project / "sitegen.toml"
    good = config.read_text(encoding="utf-8")
    import re as _re
    config.write_text(_re.sub(r'(?m)^title\s*=.*$', 'title = "新标题档案馆"', good) if "title" in good
                      else 'title = "新标题档案馆"\n' + good, encoding="utf-8")
    events.next()
    assert "新标题档案馆" in get(server.url)[2].decode()
    config.write_text(good + "\n[paths\n", encoding="utf-8")
    events.next()
    status, _, body = get(server.url)
    assert status == 500 and "sitegen.toml" in body.decode()
    config.write_text(good, encoding="utf-8")
    events.next()
    assert get(server.url)[0] == 200


def test_idle_connections_are_closed_and_a_burst_is_served(served, monkeypatch):
    import socket

    from sitegen.serve import server as server_module

    monkeypatch.setattr(server_module._Handler, "timeout", 1)
    host, port = served.httpd.server_address[:2]
    idle = socket.create_connection((host, port), timeout=10)
    assert idle.recv(1) == b""        # the server hung up on a silent client (else: a 10 s time-out error)
    idle.close()
    clients = [socket.create_connection((host, port), timeout=10) for _ in range(20)]
    for c in clients:
        c.sendall(b"GET / HTTP/1.0\r\n\r\n")
    for c in clients:
        assert c.recv(12).startswith(b"HTTP/1.0 200")
        c.close()


def test_a_browser_that_goes_away_early_leaves_no_traceback(served, capfd):
    import socket

    host, port = served.httpd.server_address[:2]
    for _ in range(5):
        c = socket.create_connection((host, port), timeout=10)
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")   # reset on close
        c.sendall(b"GET /search/ HTTP/1.1\r\nHost: x\r\n\r\n")
        c.close()
    time.sleep(0.5)
    assert get(served.url)[0] == 200
    assert "Traceback" not in capfd.readouterr().err
