"""Shared fixtures: the sample site built once per session (at the root and under /repo/),
and a small made-up archive that has every case the sample lacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.config import load_settings
from sitegen.content import Article, article_to_text
from sitegen.site import build_site

ROOT = Path(__file__).resolve().parents[1]


def site_differences(left: Path, right: Path) -> list[str]:
    """The files that one site folder has and the other lacks, or has with other bytes."""
    import filecmp

    def walk(c) -> list[str]:
        return [*c.left_only, *c.right_only, *c.diff_files, *c.funny_files,
                *(d for sub in c.subdirs.values() for d in walk(sub))]

    return walk(filecmp.dircmp(left, right))


def copy_project(dest: Path) -> Path:
    """A scratch copy of the sample project (settings, pages, content, themes)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "sitegen.toml", dest / "sitegen.toml")
    for name in ("seeds", "content", "themes"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("sample"))
    build_site(load_settings(project))
    return project / "public"


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("repo"))
    build_site(load_settings(project).with_overrides(base_url="/repo/"))
    return project / "public"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


SCRIPT = "<script>alert(1)</script>"


def synthetic_articles() -> list[Article]:
    """Eleven articles covering what a real archive throws at the build: three dated issues
    over two years, a story continued from page 1 to page 4, a photo, an ad and a column
    without headlines or bylines, a person in two roles, two tags whose pinyin collide
    (公式/攻势), two undated page files that both say page 3 and one that says nothing,
    and a headline and body carrying markup that must show as text."""
    day = "2020-07-20"
    return [
        Article(id="20200720-front", title="陶然亭工会构建疫情防线", subtitles=["群防群治"], source="pages/0720-1.txt",
                order=1, page="1", date=day, reporters=["陈曦"], correspondents=["牛亚乐"], districts=["西城区"],
                places=["陶然亭街道"], tags=["安全生产", "公式"], continued_to="第4版",
                body="本报讯 陶然亭街道总工会召开防疫安全会。\n\n会议以“践行初心使命”为主题。"),
        Article(id="20200720-photo", title="朝阳职工健步走", kind="photo", source="pages/0720-1.txt", order=2,
                page="1", date=day, photographers=["王伟"], reporters=["王伟"], districts=["朝阳区"],
                places=["望京街道"], tags=["职工健身"], body="职工在朝阳公园健步走。"),
        Article(id="20200720-ad", title=None, kind="ad", source="pages/0720-1.txt", order=3, page="1", date=day,
                body="某某牌空调 夏季特惠"),
        Article(id="20200720-jump", title=None, kind="continuation", source="pages/0720-4.txt", order=1, page="4",
                date=day, continued_from="第1版", districts=["西城区"], tags=["安全生产"],
                body="（上接第1版）工会主席表示，今后将进一步帮助辖区企业。"),
        Article(id="20200704-haidian", title="海淀朝阳两区联合培训", source="pages/0704-2.txt", order=1, page="2",
                date="2020-07-04", authors=["李四"], districts=["海淀区", "朝阳区"], places=["中关村", "望京街道"],
                tags=["安全生产", "攻势"], body="两区工会联合开展安全培训。"),
        Article(id="20201116-column", title=None, kind="column", column="工会干部下沉日记", byline="市服务工会 冯显亮",
                source="pages/1116-3.txt", order=1, page="3", date="2020-11-16", authors=["冯显亮"],
                tags=["公式"], body="今天是下沉社区的第一天。"),
        Article(id="20221231-script", title=f"标题里的{SCRIPT}", source="pages/1231-1.txt", order=1, page="1",
                date="2022-12-31", reporters=["陈曦"], districts=["通州区"], tags=["安全生产"],
                body=f"正文里的{SCRIPT}，还有 <b>粗体</b> & 符号。\n\n<img src=x onerror=alert(2)>"),
        Article(id="nodate-a1", title="无日期甲版第一篇", source="pages/undated-a.txt", order=1, page="3",
                reporters=["赵六"], tags=["职工健身"], body="日期不详的一篇。"),
        Article(id="nodate-a2", title="无日期甲版第二篇", source="pages/undated-a.txt", order=2, page="3",
                body="同一版的第二篇。"),
        Article(id="nodate-b1", title="无日期乙版", source="pages/undated-b.txt", order=1, page="3",
                body="另一个文件，也印着第3版。"),
        Article(id="nodate-c1", title="无版次", source="pages/undated-c.txt", order=1, body="没有版次也没有日期。"),
    ]


def write_synthetic_project(root: Path, base_url: str = "/") -> Path:
    """A project folder holding only settings and the synthetic content (no page files, so
    the build does not ingest; the default theme comes from the package)."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    (root / "sitegen.toml").write_text(
        f'title = "测试报 数字档案"\npaper = "测试报"\nbase_url = "{base_url}"\npage_size = 2\nfeed_size = 5\nexport = true\n'
        '[paths]\npages = "pages"\ncontent = "content"\noutput = "public"\n', encoding="utf-8")
    for a in synthetic_articles():
        folder = content / (a.date[:4] + "/" + a.date[5:7] if a.date else "undated")
        folder.mkdir(parents=True, exist_ok=True)
        # Without the ingest stamp: these are hand-written files, as an editor's would be.
        (folder / f"{a.id}.md").write_text(article_to_text(a, with_hash=False), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory) -> Path:
    root = write_synthetic_project(tmp_path_factory.mktemp("synthetic"))
    build_site(load_settings(root))
    return root / "public"


@pytest.fixture(scope="session")
def synthetic_repo_site(tmp_path_factory) -> Path:
    root = write_synthetic_project(tmp_path_factory.mktemp("synthetic-repo"), base_url="https://example.org/repo/")
    build_site(load_settings(root))
    return root / "public"
