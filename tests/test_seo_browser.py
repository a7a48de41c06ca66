"""In real Chromium: the citation block copies each form, pager links are targets a finger
can hit, the 纠错 link is there to follow."""

from __future__ import annotations

from browser import chromium_page, needs_chromium, serve_folder

FRONT = "a/20200720-front/"


@needs_chromium
def test_the_citation_block_copies_each_form(synthetic_repo_site):
    with serve_folder(synthetic_repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(base + FRONT)
        link = "https://example.org/repo/a/20200720-front/"
        expected = {
            "GB/T 7714": "陈曦, 牛亚乐. 陶然亭工会构建疫情防线[N]. 测试报, 2020-07-20(1). " + link,
            "APA": "陈曦, & 牛亚乐. (2020, July 20). 陶然亭工会构建疫情防线. 测试报, 1. " + link,
            "BibTeX": None,
        }
        buttons = page.locator(".citation .copy-citation")
        assert buttons.count() == 3
        for n, (label, text) in enumerate(expected.items()):
            form = page.locator(".citation-form").nth(n)
            assert form.locator(".label").inner_text() == label
            form.locator("button").click()
            page.wait_for_function("document.querySelector('.copy-status').textContent.includes(%r)" % label)
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == form.locator(".citation-text").inner_text()
            if text:
                assert copied == text
        assert copied.startswith("@article{20200720-front,\n") and "author = {陈曦 and 牛亚乐}" in copied
        assert "journal = {测试报}" in copied and "date = {2020-07-20}" in copied and copied.endswith("}")
        assert errors == []


@needs_chromium
def test_citation_forms_of_an_article_without_author_date_or_page(synthetic_repo_site):
    with serve_folder(synthetic_repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base + "a/nodate-c1/")            # 无版次: no author, no date, no page
        link = "https://example.org/repo/a/nodate-c1/"
        texts = page.locator(".citation-text").all_inner_texts()
        assert texts[0] == f"无版次[N]. 测试报, 出版日期不详. {link}"
        assert texts[1] == f"无版次. (n.d.). 测试报. {link}"
        assert "year" not in texts[2] and "author" not in texts[2] and "pages" not in texts[2]
        # A headline with BibTeX's special characters, in a page of the same block.
        page.evaluate("""title => { document.querySelector("h1").textContent = title;
            document.querySelector(".citation").remove(); }""", "50% & more_{新}\\~")
        page.add_script_tag(url=base + "static/js/citation.js")
        entry = page.locator(".citation-form[data-format=bibtex] .citation-text").inner_text()
        assert r"title = {50\% \& more\_\{新\}\textbackslash{}\textasciitilde{}}" in entry
        assert page.locator(".citation-text").first.inner_text() == f"50% & more_{{新}}\\~[N]. 测试报, 出版日期不详. {link}"
        assert page.locator(".copy-citation").count() == 3
        assert errors == []


@needs_chromium
def test_pager_links_are_at_least_24_pixels_on_a_phone_and_a_desktop(synthetic_site):
    with serve_folder(synthetic_site) as base, chromium_page() as (page, errors):
        for width, height in ((375, 740), (1280, 800)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(base + "tag/an-quan-sheng-chan/")
            targets = page.locator(".pager a, .pager [aria-current]")
            assert targets.count() >= 3                   # 最新, 1 and 下一页
            for i in range(targets.count()):
                box = targets.nth(i).bounding_box()
                assert box["width"] >= 24 and box["height"] >= 24, (width, targets.nth(i).inner_text(), box)
            page.locator(".pager a[rel=next]").click()
            page.wait_for_url("**/tag/an-quan-sheng-chan/page/1/")
        assert errors == []
