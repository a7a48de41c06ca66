"""The real-text yardstick is sound: from a corpus in its notes format it reads the credited
names and districts the gold key needs, lays every article out on pages the ingest accepts,
and its gold key, read by the shared scorer, gives a perfect ingest a perfect score.

The real corpus is third-party text kept outside the repository, so this test writes a tiny
corpus of its own: every sentence below was composed for the test."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

import pytest

from sitegen.pages import read_page

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score_segmentation.py"
sys.path.append(str(ROOT / "bench"))

from realtext import corpus, run  # noqa: E402
from realtext.layout import generate  # noqa: E402

NOTES = """== https://example.org/a1
K news
T 丰台区总工会为环卫职工送去护膝
本报讯(记者 林一帆 通讯员 何青)近日,丰台区总工会来到一处环卫作业点,为坚守岗位的职工送去护膝和保温杯。
工会工作人员与职工们拉家常,询问他们冬季作业的难处,并把工会服务热线写在卡片上。
== https://example.org/a2
K news
S 夜班司机有了歇脚处
T 望京街道总工会驿站延长开放时间
本报讯 (记者 苏禾) 记者昨天从朝阳区望京街道总工会获悉,辖区三家工会驿站从本月起延长开放时间。
驿站负责人说,夜里十点以后,来歇脚的多是出租车司机和外卖配送员。
“能喝口热水,手机还能充上电。”一位司机这样说。
== https://example.org/a3
K photo
清晨,通州区一处地铁施工工地上,钢筋工们正在绑扎钢筋,为下一段浇筑做准备。 本报记者 严冬 摄影报道
== https://example.org/a4
K column
T 车间里的那盏灯
那年冬天,我刚进厂,师傅总是最后一个离开车间。
他说,灯灭了,机器也要歇一歇,可人心里的灯不能灭。
□一名老职工 郑和平
== https://example.org/a5
K news
J (下转第3版)
本报讯(记者 林一帆)日前,市总工会发出通知,要求各级工会在年底前走访慰问困难职工家庭,把慰问品送到职工家中。
通知要求,慰问要摸清职工实际需求,做到一户一策,并对走访情况建立台账。
各区总工会将在月底前报送走访计划,市总工会将适时开展督导。
== https://example.org/a6
K news
本报讯(记者 苏禾)近日,延庆区总工会组织职工志愿者走进社区,为老人清洗抽油烟机、检修电路。
活动持续了一个上午,志愿者们共为二十多户居民提供了服务。
"""


def test_the_notes_give_the_names_and_districts_the_gold_key_needs():
    arts = corpus.parse_notes(NOTES)
    assert len(arts) == 6
    a1, a2, a3, a4, a5, a6 = arts
    assert (a1["reporters"], a1["correspondents"], a1["districts"]) == (["林一帆"], ["何青"], ["丰台区"])
    assert a2["kicker"] == "夜班司机有了歇脚处" and a2["districts"] == ["朝阳区"]
    # a 摄影报道 credit at a caption's end is split off as its own line, and credits a 记者
    assert a3["signature"] == "本报记者 严冬 摄影报道" and a3["reporters"] == ["严冬"]
    assert a3["paragraphs"][-1].endswith("准备。") and a3["districts"] == ["通州区"]
    assert a4["signature"] == "□一名老职工 郑和平" and a4["reporters"] == []
    assert a5["jump"] == "(下转第3版)" and a5["districts"] == []
    assert a6["headline"] is None and a6["districts"] == ["延庆区"]


@pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared/eval")
def test_every_article_is_printed_and_the_gold_answer_scores_one(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    corpus_file = tmp_path / "articles.json"
    corpus.main(["--notes", str(notes), "--out", str(corpus_file)])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run.main(["--corpus", str(corpus_file), "--seed", "3", "--pages", "8", "--out", str(tmp_path / "rt"), "--oracle"])
    report = out.getvalue()
    line = next(ln for ln in report.splitlines() if ln.startswith("seg_f1="))
    for figure in ("seg_f1", "title_acc", "kind_acc", "district_f1", "reporter_acc"):
        assert f"{figure}=1.0" in line, line
    gold = json.loads((tmp_path / "rt" / "gold.json").read_text(encoding="utf-8"))
    printed = {e["url"] for es in gold["pages"].values() for e in es if e.get("url")}
    assert printed == {a["url"] for a in json.loads(corpus_file.read_text(encoding="utf-8"))}
    for name, arts in gold["pages"].items():
        page = read_page(tmp_path / "rt" / "pages" / name, tmp_path / "rt" / "pages")
        flat = "".join(page.text.split())
        for art in arts:
            assert art["head"] in flat and art["tail"] in flat
            # a lone 广告 line's key stays inside that line (it is the whole body)
            if art["kind"] == "ad":
                assert art["head"] == art["tail"] == "广告"


def test_same_seed_same_pages(tmp_path):
    arts = corpus.parse_notes(NOTES)
    generate(arts, 2, 5, tmp_path / "a")
    generate(arts, 2, 5, tmp_path / "b")
    for p in (tmp_path / "a" / "pages").iterdir():
        assert p.read_bytes() == (tmp_path / "b" / "pages" / p.name).read_bytes()


def test_leaks_finds_the_corpus_text_a_file_carries_and_leaves_the_sample_archive_alone(tmp_path):
    arts = corpus.parse_notes(NOTES)
    sentence = arts[0]["paragraphs"][1]
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text(f'PAGE = """{sentence[:10]}\n{sentence[10:]}"""\n', encoding="utf-8")
    (tmp_path / "tests" / "test_y.py").write_text('PAGE = "工会为职工办实事"\n', encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001.txt").write_text(sentence, encoding="utf-8")
    assert list(corpus.leaks(arts, tmp_path)) == ["tests/test_x.py"]
