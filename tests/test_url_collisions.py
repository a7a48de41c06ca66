"""Every URL maps to one thing: names whose slugs collide get pages of their own."""

from __future__ import annotations

from sitegen.cli import main


def _article(ident: str, tags: str, districts: str) -> str:
    return (f"---\nid: {ident}\ntitle: 标题{ident}\nkind: news\ndate: \"2021-07-06\"\n"
            f"districts: [{districts}]\ntags: [{tags}]\n---\n\n正文{ident}。\n")


def test_tags_and_districts_whose_slugs_collide_each_get_their_own_page(tmp_path):
    content = tmp_path / "content" / "2021" / "07"
    content.mkdir(parents=True)
    (content / "a1.md").write_text(_article("a1", "工会", "朝阳区"), encoding="utf-8")
    (content / "a2.md").write_text(_article("a2", "公会", "chaoyang"), encoding="utf-8")
    (content / "a3.md").write_text(_article("a3", "gong-hui-2", "朝阳区"), encoding="utf-8")
    (tmp_path / "pages").mkdir()
    assert main(["--root", str(tmp_path), "build", "--pages", str(tmp_path / "pages"),
                 "--content", str(tmp_path / "content"), "--output", str(tmp_path / "public"), "-q"]) == 0
    public = tmp_path / "public"
    tag_pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (public / "tag").glob("*/index.html")}
    holders = {name: [slug for slug, html in tag_pages.items() if f"标题{ident}" in html]
               for name, ident in (("工会", "a1"), ("公会", "a2"), ("gong-hui-2", "a3"))}
    assert all(len(slugs) == 1 for slugs in holders.values())
    assert len({slugs[0] for slugs in holders.values()}) == 3
    chaoyang = (public / "district" / "chaoyang" / "index.html").read_text(encoding="utf-8")
    assert "标题a1" in chaoyang and "标题a3" in chaoyang and "标题a2" not in chaoyang
