"""The heldout3 yardstick is sound: its gold key, read by the shared scorer, gives a perfect
ingest a perfect score, the same seed gives the same pages, and every page file reads as a
page file the ingest accepts. (Whatever sitegen scores on it is a figure for bench/, not a test.)"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest

from sitegen.pages import read_page

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score_segmentation.py"
sys.path.append(str(ROOT / "bench"))

from heldout3 import generate as heldout3  # noqa: E402
from heldout3 import run as heldout3_run  # noqa: E402


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared/eval")
def test_the_gold_answer_scores_one(tmp_path):
    scorer = heldout3_run.load_scorer(SCORER)
    gold = heldout3.generate(5, 12, tmp_path)
    heldout3_run.write_oracle(gold, tmp_path / "pages", tmp_path / "content", scorer)
    result = scorer.score(gold, tmp_path / "pages", tmp_path / "content")
    assert result["gold"] > 40
    for figure in ("seg_f1", "title_acc", "kind_acc", "district_f1", "reporter_acc"):
        assert result[figure] == 1.0, figure


def test_same_seed_same_pages_and_other_seed_other_pages(tmp_path):
    heldout3.generate(3, 6, tmp_path / "a")
    heldout3.generate(3, 6, tmp_path / "b")
    heldout3.generate(4, 6, tmp_path / "c")
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_pages_read_as_page_files_and_every_gold_head_is_on_its_page(tmp_path):
    gold = heldout3.generate(8, 10, tmp_path)
    kinds = set(gold["page_kinds"].values())
    assert len(kinds) >= 3
    for name, arts in gold["pages"].items():
        page = read_page(tmp_path / "pages" / name, tmp_path / "pages")
        flat = "".join(page.text.split())
        for art in arts:
            assert art["head"] in flat and art["tail"] in flat
