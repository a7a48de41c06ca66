"""The preview's edit mode in real Chromium: an editor corrects the sample through the page
(split, merge, fields, body, undo), and the rebuilt site and the content files show it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from browser import chromium_page, needs_chromium
from sitegen.config import load_settings
from sitegen.content import load_articles
from sitegen.serve import PreviewServer
from sitegen.site import build_site
from conftest import ROOT
from test_edit_safety import fresh_project

pytestmark = needs_chromium

COLUMN = "沉心、沉身、沉力 坚决筑牢疫情防控基层防线"
DONGCHENG, DAXING = "东城工会9项举措推动垃圾分类深入开展", "大兴劳模示范引领垃圾分类"
MENTOUGOU = "门头沟区总工会普法宣传进社区"
HUAIROU = "怀柔工会走访慰问高温下劳动者"


class Editor:
    """One browser tab on the preview of a fresh copy of the sample."""

    def __init__(self, project: Path, server: PreviewServer, page):
        self.project, self.server, self.page = project, server, page

    def articles(self) -> dict[str, object]:
        return {a.title or a.id: a for a in load_articles(self.project / "content")}

    def id_of(self, title: str) -> str:
        return self.articles()[title].id

    def built(self, path: str) -> str:
        return (self.project / "public" / path).read_text(encoding="utf-8")

    def open(self, path: str) -> None:
        """Open a page of the preview with its edit mode on."""
        from playwright.sync_api import expect

        self.page.goto(self.server.url + path)
        toggle = self.page.locator(".sitegen-edit-bar button[aria-pressed]")
        expect(toggle).to_be_visible()
        if toggle.get_attribute("aria-pressed") != "true":
            toggle.click()
        expect(self.page.get_by_role("toolbar").first).to_be_visible()

    def tools(self, article_id: str):
        return self.page.locator(f'[data-article-id="{article_id}"]').get_by_role("toolbar")

    def save(self, dialog, button: str = "保存") -> dict:
        """Save the dialog; wait until the page shows the rebuilt site. The correction's answer."""
        from playwright.sync_api import expect

        with self.page.expect_response(lambda r: "/_sitegen/edit/" in r.url and r.request.method == "POST") as got:
            dialog.get_by_role("button", name=button, exact=True).click()
        answer = got.value.json()
        assert answer.get("ok"), answer
        expect(self.page.locator(".sitegen-edit-bar[data-done]")).to_be_attached(timeout=90_000)
        assert self.server.state.generation > answer["generation"] and self.server.state.error is None
        expect(self.page.locator(".sitegen-edit-status")).to_contain_text("已完成")
        return answer


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    project = fresh_project(tmp_path_factory.mktemp("edit-mode") / "p")
    settings = load_settings(project)
    build_site(settings, preview=True)              # as `sitegen serve --watch` builds first
    server = PreviewServer(settings, port=0, watch=True).start()
    try:
        with chromium_page() as (page, errors):
            yield Editor(project, server, page)
            # Chromium logs every refused request; a refusal shown in its dialog is no page error.
            assert [e for e in errors if "status of 409" not in e] == []
    finally:
        server.stop()


def test_a_tab_in_edit_mode_holds_one_event_stream(editor):
    """Browsers keep six connections to a server: a tab must not use two of them."""
    page, streams = editor.page, []
    listen = lambda r: streams.append(r.url) if "__sitegen/events" in r.url else None   # noqa: E731
    page.on("request", listen)
    try:
        editor.open(f"a/{editor.id_of(MENTOUGOU)}/")
        page.reload()
        page.get_by_role("toolbar").first.wait_for()
    finally:
        page.remove_listener("request", listen)
    assert len(streams) == 2            # one per load of the page


def test_split_an_article_at_a_paragraph_with_a_typed_headline(editor):
    from playwright.sync_api import expect

    page, ident = editor.page, editor.id_of(COLUMN)
    editor.open(f"a/{ident}/")
    editor.tools(ident).get_by_role("button", name="拆分").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(re.compile("第4段：最后，下沉要沉心")).check()
    dialog.get_by_label("新文章的标题").fill("下沉要沉心")
    answer = editor.save(dialog)

    new_id = answer["new_id"]
    articles = editor.articles()
    assert articles["下沉要沉心"].id == new_id and articles["下沉要沉心"].body.startswith("最后，下沉要沉心")
    assert len(articles[COLUMN].body.split("\n\n")) == 3
    assert "下沉要沉心" in next((editor.project / "content" / "_corrections").glob("*.toml")).read_text("utf-8")
    # The tab shows the shortened article; the new one has its page, and the printed page both.
    expect(page.locator(".article-body")).not_to_contain_text("最后，下沉要沉心")
    assert '<h1>下沉要沉心</h1>' in editor.built(f"a/{new_id}/index.html")
    page.goto(editor.server.url + f"a/{new_id}/")
    expect(page.locator("h1")).to_have_text("下沉要沉心")


def test_merge_two_articles_from_the_printed_page(editor):
    from playwright.sync_api import expect

    page, first, second = editor.page, editor.id_of(DONGCHENG), editor.id_of(DAXING)
    editor.open(f"a/{first}/")
    page.get_by_role("link", name=re.compile("^第.版$|^本版全部文章$")).first.click()
    editor.open(page.url[len(editor.server.url):])      # the printed page (版面) of both
    editor.tools(first).get_by_role("button", name="合并").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(f"与下一篇合并：{DAXING}").check()
    editor.save(dialog)

    articles = editor.articles()
    assert DAXING not in articles and "用劳模精神带" in articles[DONGCHENG].body
    expect(page.locator(f'li[data-article-id="{second}"]')).to_have_count(0)
    expect(page.locator(f'li[data-article-id="{first}"]')).to_have_count(1)
    # The printed page shows each article's opening; the merged text is on the article's page.
    page.goto(editor.server.url + f"a/{first}/")
    expect(page.locator(".article-body")).to_contain_text("用劳模精神带")
    assert f"a/{first}/" in editor.built(f"a/{second}/index.html")       # its old URL leads on


def test_change_kind_and_districts_in_the_fields_form(editor):
    from playwright.sync_api import expect

    page, ident = editor.page, editor.id_of(MENTOUGOU)
    editor.open(f"a/{ident}/")
    editor.tools(ident).get_by_role("button", name="字段").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("类别").select_option("photo")
    dialog.get_by_label("门头沟区").uncheck()
    dialog.get_by_label("朝阳区").check()
    answer = editor.save(dialog)

    assert "kind: news → photo" in " ".join(answer["changes"])
    article = editor.articles()[MENTOUGOU]
    assert article.kind == "photo" and article.districts == ["朝阳区"]
    meta = page.locator(".article-meta")
    expect(meta).to_contain_text("图片新闻")
    expect(meta.get_by_role("link", name="朝阳区")).to_be_visible()
    assert ident in editor.built("district/chaoyang/index.html")
    assert ident not in editor.built("district/mentougou/index.html")


def test_edit_the_body_and_undo_it(editor):
    from playwright.sync_api import expect

    page, ident = editor.page, editor.id_of(HUAIROU)
    before = editor.articles()[HUAIROU].body
    last = before.split("\n\n")[-1]
    editor.open(f"a/{ident}/")
    editor.tools(ident).get_by_role("button", name="正文").click()
    dialog = page.get_by_role("dialog")
    text = dialog.get_by_label(re.compile("^正文"))
    text.fill(before.replace(last, "区总工会将继续到一线看望高温下的劳动者。"))
    editor.save(dialog)
    body = page.locator(".article-body")
    expect(body).to_contain_text("区总工会将继续到一线看望高温下的劳动者。")
    expect(body).not_to_contain_text(last[:20])
    assert editor.articles()[HUAIROU].body.endswith("区总工会将继续到一线看望高温下的劳动者。")

    page.locator(".sitegen-edit-bar").get_by_role("button", name="撤销").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("撤销上一次更改")
    editor.save(dialog, button="撤销")
    expect(body).to_contain_text(last[:20])
    assert editor.articles()[HUAIROU].body == before
    assert last[:20] in editor.built(f"a/{ident}/index.html")


def test_a_refused_change_says_why_in_the_dialog_and_changes_nothing(editor):
    from playwright.sync_api import expect

    page, ident = editor.page, editor.id_of(MENTOUGOU)
    before = editor.articles()[MENTOUGOU].body
    editor.open(f"a/{ident}/")
    editor.tools(ident).get_by_role("button", name="正文").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(re.compile("^正文")).fill("")
    dialog.get_by_role("button", name="保存").click()
    expect(dialog.get_by_role("alert")).to_contain_text("the text is empty")
    assert editor.articles()[MENTOUGOU].body == before
    dialog.get_by_role("button", name="取消").click()
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_move_a_headline_to_another_body_and_the_titles_swap(editor):
    from playwright.sync_api import expect

    page = editor.page
    first, second = editor.id_of("怀柔建筑施工领域职工志愿服务队成立"), editor.id_of("《中国工会从这里走来》画册出版发行")
    editor.open(f"a/{first}/")
    editor.tools(first).get_by_role("button", name="标题移至…").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("主标题：怀柔建筑施工领域职工志愿服务队成立").check()
    dialog.get_by_label("移到哪一篇的正文之上").select_option(second)
    editor.save(dialog)

    articles = {a.id: a for a in load_articles(editor.project / "content")}
    assert articles[second].title == "怀柔建筑施工领域职工志愿服务队成立"
    assert articles[first].title == "《中国工会从这里走来》画册出版发行"
    expect(page.locator("h1")).to_have_text("《中国工会从这里走来》画册出版发行")
    assert "<h1>怀柔建筑施工领域职工志愿服务队成立</h1>" in editor.built(f"a/{second}/index.html")


def test_not_an_article_then_a_residue_line_back_into_an_article(editor):
    from playwright.sync_api import expect

    page = editor.page
    photo, other = editor.id_of("优秀驾驶员现场传经验"), editor.id_of("发行集团工会摄影比赛记录爱岗敬业")
    editor.open(f"a/{other}/")
    page.get_by_role("link", name="本版全部文章").click()
    editor.open(page.url[len(editor.server.url):])
    editor.tools(photo).get_by_role("button", name="不是文章").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(re.compile("^余料")).check()
    editor.save(dialog)

    assert "优秀驾驶员现场传经验" not in editor.articles()
    expect(page.locator(f'li[data-article-id="{photo}"]')).to_have_count(0)
    residue = page.get_by_role("region", name="版面余料")
    expect(residue).to_contain_text("万玉藻摄影报道")

    residue.get_by_role("button", name="并入文章：万玉藻摄影报道").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("并入哪一篇").select_option(other)
    editor.save(dialog)
    assert editor.articles()["发行集团工会摄影比赛记录爱岗敬业"].body.endswith("万玉藻摄影报道")
    expect(page.get_by_role("region", name="版面余料")).not_to_contain_text("万玉藻摄影报道")
    page.goto(editor.server.url + f"a/{other}/")        # the 版面 shows openings; the article shows it whole
    expect(page.locator(".article-body")).to_contain_text("万玉藻摄影报道")


def test_merge_a_continuation_with_its_first_part_on_another_page(editor, tmp_path):
    """A story the ingest left in two (下转第4版 … 上接第1版): from the continuation's page."""
    from playwright.sync_api import expect

    from test_corrections import BACK, FRONT

    day = tmp_path / "pages" / "2020-07-20"
    day.mkdir(parents=True)
    (day / "p01.txt").write_text(FRONT, encoding="utf-8")
    (day / "p04.txt").write_text(BACK, encoding="utf-8")
    (tmp_path / "sitegen.toml").write_text('title = "t"\n[paths]\npages = "pages"\n', encoding="utf-8")
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    settings = load_settings(tmp_path)
    build_site(settings, preview=True)
    server = PreviewServer(settings, port=0, watch=True).start()
    try:
        page = editor.page                       # the same tab, on this archive's preview
        editor = Editor(tmp_path, server, page)
        front = editor.id_of("市总工会启动夏季送清凉活动")
        back = next(a.id for a in editor.articles().values() if a.body.startswith("（上接第1版）"))
        editor.open(f"a/{back}/")
        editor.tools(back).get_by_role("button", name="合并").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_label("接在第1版的前文后：市总工会启动夏季送清凉活动").check()
        editor.save(dialog)
        # The continuation is gone: the tab shows the story it joined, whole.
        assert page.url.endswith(f"/a/{front}/")
        expect(page.locator(".article-body")).to_contain_text("科学防暑")
        assert back not in {a.id for a in editor.articles().values()}
    finally:
        server.stop()
