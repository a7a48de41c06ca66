"""What is named like a page but is none: each gets one line with its true cause, and the
other pages are ingested."""

from __future__ import annotations

import os

from sitegen.cli import main

PAGE = "西城区总工会为环卫工人送清凉\n本报讯（记者 李红）连日来，西城区总工会走访辖区环卫站点。\n"


def _ingest(tmp_path, capsys):
    code = main(["--root", str(tmp_path), "ingest", "--pages", str(tmp_path / "pages"),
                 "--content", str(tmp_path / "content")])
    return code, capsys.readouterr()


def test_links_pipes_and_folders_named_like_pages_are_named_with_their_cause(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2021-07-06_p01.txt").write_text(PAGE, encoding="utf-8")
    secret = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (pages / "p02.txt").symlink_to(secret)
    (pages / "p03.txt").symlink_to(pages / "gone.txt")
    (pages / "p04.txt").mkdir()
    os.mkfifo(pages / "p05.txt")
    code, out = _ingest(tmp_path, capsys)
    assert code == 1
    errors = [line for line in out.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    assert any("p02.txt" in e and "outside the pages folder" in e for e in errors)
    assert any("p03.txt" in e and "does not exist" in e for e in errors)
    assert any("p04.txt" in e and "a folder" in e for e in errors)
    assert any("p05.txt" in e and "not a regular file" in e for e in errors)
    assert "Traceback" not in out.err
    written = list((tmp_path / "content").rglob("*.md"))
    assert len(written) == 1 and "root:x" not in written[0].read_text(encoding="utf-8")


def test_a_link_to_a_page_inside_the_pages_folder_is_read(tmp_path, capsys):
    pages = tmp_path / "pages"
    (pages / "2021").mkdir(parents=True)
    (pages / "2021" / "2021-07-06_p01.txt").write_text(PAGE, encoding="utf-8")
    (pages / "2021-07-06_p02.txt").symlink_to(pages / "2021" / "2021-07-06_p01.txt")
    code, _ = _ingest(tmp_path, capsys)
    assert code == 0


def test_each_undecodable_page_is_named_with_its_true_cause(tmp_path):
    import pytest

    from sitegen.pages import PageFileError, decode_page

    report = "本报讯（记者 李红）连日来，西城区总工会走访辖区环卫站点。\n第二行\n"
    cases = [
        ("\u3000\u3000\n\u3000\n".encode("utf-8"), "nothing but spaces", None),
        (report.encode("utf-16-le"), "UTF-16 text without a byte-order mark", None),
        ("本報訊（記者 李紅）連日來，西城區總工會走訪轄區環衛站點。\n".encode("big5"), "Big5", None),
        (("第一行\n" * 100).encode("gb18030") + b"\xff\xff\xff\n", "neither UTF-8 nor GB18030", 101),
    ]
    for data, words, line in cases:
        with pytest.raises(PageFileError) as err:
            decode_page(data, "p.txt")
        assert words in str(err.value)
        assert err.value.line == line
    assert decode_page(report.encode("gb18030"), "p.txt") == report


def test_a_busy_port_for_serve_is_one_line(tmp_path, capsys):
    import socket

    from sitegen.serve.server import PreviewServer
    from sitegen.config import load_settings
    import pytest
    from sitegen.errors import SitegenError

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        with pytest.raises(SitegenError) as err:
            PreviewServer(load_settings(tmp_path), port=port)
        assert f"port {port}" in str(err.value) and "in use" in str(err.value)
    finally:
        taken.close()


def test_each_pages_articles_are_written_before_the_next_page_is_cut(tmp_path, monkeypatch):
    import sitegen.ingest as ingest_module

    pages = tmp_path / "pages"
    pages.mkdir()
    for n in (1, 2, 3):
        (pages / f"2021-07-0{n}_p01.txt").write_text(PAGE.replace("李红", f"李红{n}"), encoding="utf-8")
    real = ingest_module._segment
    seen = []

    def segment(item, *args, **kwargs):
        seen.append(len(list((tmp_path / "content").rglob("*.md"))))
        return real(item, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "_segment", segment)
    report = ingest_module.ingest(pages, tmp_path / "content")
    assert report.articles == 3 and seen == [0, 1, 2]


def test_pages_cut_in_worker_processes_are_written_the_same(tmp_path, monkeypatch):
    import sitegen.ingest as ingest_module

    pages = tmp_path / "pages"
    pages.mkdir()
    for n in (1, 2, 3):
        (pages / f"2021-07-0{n}_p01.txt").write_text(PAGE.replace("李红", f"李红{n}"), encoding="utf-8")
    one = ingest_module.ingest(pages, tmp_path / "serial")
    monkeypatch.setattr(ingest_module, "PARALLEL_FROM", 2)
    many = ingest_module.ingest(pages, tmp_path / "parallel")
    assert (one.articles, many.articles) == (3, 3) and not many.failed
    files = lambda d: {p.name: p.read_bytes() for p in d.rglob("*.md")}
    assert files(tmp_path / "serial") == files(tmp_path / "parallel")


def test_a_full_disk_is_one_line_naming_the_file(tmp_path, capsys, monkeypatch):
    import errno

    import sitegen.site as site

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "public" / "index.html"))

    monkeypatch.setattr(site, "build_site", full)
    (tmp_path / "pages").mkdir()
    assert main(["--root", str(tmp_path), "build", "--pages", str(tmp_path / "pages")]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"error: {tmp_path / 'public' / 'index.html'}: No space left on device"
