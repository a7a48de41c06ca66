"""Search: lunr.js loads what lunr.py wrote, and finds whatever the text says."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import chromium_page, needs_chromium, serve_folder
from sitegen.content import load_articles
from sitegen.markdown import plain_text
from sitegen.search.terms import normalise

ROOT = Path(__file__).resolve().parents[1]
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node not installed")


def run_queries(site: Path, queries: list[dict], tmp_path: Path) -> dict:
    qfile = tmp_path / "queries.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([NODE, str(ROOT / "tests/js/search_check.js"), str(site), str(qfile)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def sample_articles():
    return load_articles(ROOT / "content")


@needs_node
@pytest.mark.parametrize("query,title_part", [
    ("垃圾分类", "垃圾分类"), ("陶然亭", "陶然亭"), ("胡家垡村", "一包粽子"), ("送清凉", "夏送清凉"),
    ("12351", "良乡镇"), ("闫长禄", "门头沟区总工会"), ("矿泉水", "工会送来矿泉水"),
])
def test_what_a_reader_types_finds_the_article(sample_site, tmp_path, query, title_part):
    titles = {f"a/{a.id}/": a.display_title for a in sample_articles()}
    result = run_queries(sample_site, [{"q": query, "url": ""}], tmp_path)["results"][0]
    assert result["count"] >= 1
    assert any(title_part in titles[u] for u in result["top"]), (query, [titles[u] for u in result["top"]])


@needs_node
def test_nonsense_finds_nothing(sample_site, tmp_path):
    result = run_queries(sample_site, [{"q": "量子引力弦论", "url": ""}], tmp_path)["results"][0]
    assert result["count"] == 0


@needs_node
def test_node_test_runner_on_the_built_index(sample_site):
    """tests/js/*.test.js under Node's test runner: lunr.js loads every shard sitegen wrote,
    and the page's scoring equals lunr's Index.query."""
    tests = sorted(str(p) for p in (ROOT / "tests/js").glob("*.test.js"))
    run = subprocess.run([NODE, "--test", *tests], capture_output=True, text=True,
                         env={**os.environ, "SITE": str(sample_site)})
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout


def draw_substrings(n: int, seed: int = 7) -> list[dict]:
    """Random pieces of 2–6 characters of the sample articles (words and non-words)."""
    rnd = random.Random(seed)
    articles = [a for a in sample_articles() if a.kind != "ad"]
    queries = []
    while len(queries) < n:
        a = rnd.choice(articles)
        # a piece of one printed text: the headline, a subtitle or the body
        fields = [normalise(f) for f in [a.title or "", *a.subtitles, plain_text(a.body)]]
        text = rnd.choices(fields, weights=[len(f) for f in fields])[0]
        size = rnd.randint(2, 6)
        if len(text) <= size:
            continue
        start = rnd.randrange(len(text) - size)
        queries.append({"q": text[start:start + size], "url": f"a/{a.id}/"})
    return queries


def best_possible_recall(queries: list[dict]) -> float:
    """The recall@10 no ranking can beat on these pieces: a piece comes from an article with
    probability proportional to how densely the article holds it (an article is drawn, then
    a place in its text), so the best a ranking can do is list the ten densest first."""
    texts = {f"a/{a.id}/": [normalise(f) for f in [a.title or "", *a.subtitles, plain_text(a.body)]]
             for a in sample_articles() if a.kind != "ad"}
    lengths = {u: sum(map(len, fs)) for u, fs in texts.items()}

    def occurrences(f: str, q: str) -> int:
        return len(re.findall(f"(?={re.escape(q)})", f))     # overlapping, as the draw can land

    total = 0.0
    for q in queries:
        density = [c / lengths[u] for u, fs in texts.items() if (c := sum(occurrences(f, q["q"]) for f in fs))]
        total += sum(sorted(density, reverse=True)[:10]) / sum(density)
    return total / len(queries)


@needs_node
def test_recall_of_random_substrings(sample_site, tmp_path):
    """Every source article is found; it is in the first ten unless the piece is so common
    that more than ten articles contain it, and then the ranking does as well as any can."""
    queries = draw_substrings(3000)
    result = run_queries(sample_site, queries, tmp_path)
    rows = result["results"]
    in_results = sum(r["rank"] >= 0 for r in rows) / len(rows)
    narrow = [r for r in rows if r["count"] <= 10]
    narrow_recall = sum(0 <= r["rank"] < 10 for r in narrow) / len(narrow)
    best = best_possible_recall(queries)
    print(f"\nsearch on {len(rows)} random substrings of 2-6 characters: recall@10 {result['recall']:.3f} "
          f"(best possible {best:.3f}), found at all {in_results:.3f}, recall@10 where ≤10 articles match "
          f"{narrow_recall:.3f} ({len(rows) - len(narrow)} pieces match more than 10 articles); "
          f"query {result['warmMs']:.2f} ms")
    assert in_results == 1.0, [r for r in rows if r["rank"] < 0][:5]
    assert narrow_recall == 1.0, [r for r in narrow if not 0 <= r["rank"] < 10][:5]
    assert result["recall"] >= best - 0.005


@needs_chromium
def test_search_page_in_chromium(repo_site):
    with serve_folder(repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base)
        page.fill("#site-search", "垃圾分类")
        page.press("#site-search", "Enter")
        page.wait_for_selector(".search-result")
        assert "search/?q=" in page.url
        first = page.locator(".search-result").first
        assert "垃圾分类" in first.locator("mark").first.inner_text()
        href = first.locator("a").first.get_attribute("href")
        assert href.startswith("/repo/a/")
        assert "找到" in page.locator("#search-status").inner_text()
        # typing updates the results and the address
        page.fill("#search-input", "陶然亭")
        page.wait_for_function("location.search.includes(encodeURIComponent('陶然亭'))")
        page.wait_for_function("document.querySelector('.search-result mark') && "
                               "document.querySelector('.search-result mark').textContent.includes('陶然亭')")
        # filters, opened, count the hits per district; choosing one narrows the list to it
        page.fill("#search-input", "工会")
        page.wait_for_function("document.querySelectorAll('.search-result').length > 3")
        before = page.locator(".search-result").count()
        page.click("#search-filters summary")
        page.wait_for_function("document.querySelector('#filter-district').options.length > 1")
        option = page.locator("#filter-district option").nth(1).inner_text()     # e.g. 西城区（5）
        district, count = option.rstrip("）").split("（")
        page.select_option("#filter-district", index=1)
        page.wait_for_function(f"document.querySelectorAll('.search-result').length < {before}")
        assert page.locator(".search-result").count() == min(int(count), 20)
        for meta in page.locator(".search-result .meta").all_inner_texts():
            assert district in meta
        page.select_option("#filter-district", index=0)
        page.wait_for_function(f"document.querySelectorAll('.search-result').length == {before}")
        # keyboard: "/" to the box, arrow down to the first result
        page.locator("h1").click()
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") == "search-input"
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.classList.contains('search-result-link')")
        # HTML special characters show as text
        page.fill("#search-input", "<b>x</b>&")
        page.wait_for_function("document.querySelector('#search-status').textContent.includes('没有找到')")
        assert "<b>x</b>&" in page.locator("#search-status").inner_text()
        assert page.locator("#search-status b").count() == 0
        # a shared link reloads the same results
        page.goto(base + "search/?q=" + "%E9%80%81%E6%B8%85%E5%87%89")
        page.wait_for_selector(".search-result")
        assert page.locator("#search-input").input_value() == "送清凉"
        page.click(".search-result a >> nth=0")
        assert "/repo/a/" in page.url
        assert errors == []


@needs_node
def test_browser_index_matches_lunr_py(tmp_path):
    """sitegen stores only the postings; the browser rebuilds lunr's index from them. For the
    same documents, what it rebuilds must be what lunr.py's Builder writes: the same postings
    and the same scores (to lunr's three places)."""
    from sitegen.search.index import FIELD, _term_postings, build_with_lunr, shard_files
    from sitegen.search.terms import WEIGHTS, article_record, shard_of

    per_doc = [article_record(a) for a in sample_articles()]
    by_term = _term_postings(per_doc)
    for n in range(2):
        postings = [(t, by_term[t]) for t in sorted(by_term) if shard_of(t, 4) == n]
        docs: dict[int, list[str]] = {}
        for term, p in postings:
            for ref, tf in zip(p.refs, p.tfs):
                docs.setdefault(ref, []).extend([term] * tf)
        shard = tmp_path / f"{n}.gz"
        shard.write_bytes(shard_files(postings)[0][0])
        ours = json.loads(subprocess.run([NODE, str(ROOT / "tests/js/shard_json.js"), str(shard)],
                                         capture_output=True, text=True, check=True).stdout)
        theirs = build_with_lunr([{"ref": str(ref), FIELD: " ".join(terms)} for ref, terms in sorted(docs.items())])

        def meaning(index):
            terms = {entry["_index"]: term for term, entry in index["invertedIndex"]}
            postings = {term: sorted(entry[FIELD]) for term, entry in index["invertedIndex"]}
            vectors = {ref: {terms[v[i]]: v[i + 1] for i in range(0, len(v), 2)} for ref, v in index["fieldVectors"]}
            return postings, vectors, index["fields"], index["pipeline"]

        our_postings, our_vectors, *rest = meaning(ours)
        their_postings, their_vectors, *their_rest = meaning(theirs)
        assert (our_postings, rest) == (their_postings, their_rest)
        assert our_vectors.keys() == their_vectors.keys()
        for ref, vector in our_vectors.items():      # JavaScript and Python round halves apart
            assert vector.keys() == their_vectors[ref].keys()
            assert all(abs(score - their_vectors[ref][t]) <= 0.0010001 for t, score in vector.items()), ref
    assert WEIGHTS["title"] > WEIGHTS["body"]


def test_shards_keep_every_posting_and_position():
    """What a shard and its positions file store reads back to the articles, frequencies and
    positions the build cut: each pair where it stands in the article's headline, byline or
    body."""
    from sitegen.search.encoding import decode_shard
    from sitegen.search.index import _term_postings, shard_files
    from sitegen.search.terms import article_fields, article_record, shard_of

    articles = sample_articles()
    by_term = _term_postings([article_record(a) for a in articles])
    streams = []
    for a in articles:
        stream = ""
        for _, text, _ in article_fields(a):
            stream += normalise(text) + "\x00"
        streams.append(stream)
    for n in range(4):
        postings = [(t, by_term[t]) for t in sorted(by_term) if shard_of(t, 4) == n]
        for (term, p), (got_term, refs, tfs, positions) in zip(postings, decode_shard(*shard_files(postings, 0)[0])):
            assert (got_term, refs, tfs) == (term, list(p.refs), list(p.tfs))
            if len(term) == 2:
                for ref, where in zip(refs, positions):
                    assert where == [m.start() for m in re.finditer(f"(?={re.escape(term)})", streams[ref])], term
            else:
                assert positions == []


def test_index_words_are_jiebas_search_words():
    """The words indexed beside the pairs (so that whole words rank first) are those of three
    characters or more that jieba's search mode cuts, without its HMM guesses."""
    from collections import Counter

    from sitegen.dictionary import tokenizer
    from sitegen.search.terms import WORD_MIN, fold, long_words

    texts = [fold(t) for a in sample_articles() for t in [a.title or "", *a.subtitles, plain_text(a.body)]]
    texts += ["ipad air 2015年北京市总工会12351", "中华人民共和国万岁", "abcd中华ab1 x+y a.b.c", "", "a"]
    jieba = tokenizer()
    for text in texts:
        expected = Counter(w for w in jieba.cut_for_search(text, HMM=False) if len(w) >= WORD_MIN)
        assert Counter(long_words(text)) == expected, text


def write_search_site(articles, out: Path) -> Path:
    """The search files of made-up articles, with the theme's scripts, as a site folder."""
    from sitegen.search import search_files

    class NoCache:
        cache_dir = None

    def write(name: str, data: bytes) -> None:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)

    search_files(articles, {a.id: f"a/{a.id}/" for a in articles}, NoCache(), write)
    shutil.copytree(ROOT / "themes/default/static/js", out / "static/js")
    return out


@needs_node
def test_the_first_query_searches_every_year(tmp_path, monkeypatch):
    """An archive in slices of years: a reader's first query searches all of them, so a
    common word counts every year's articles and a rare one is found in the oldest; where
    its pairs stand is fetched, for the count after the first page, only from the year that
    holds them all."""
    from sitegen.content import Article
    from sitegen.search import index

    monkeypatch.setattr(index, "SLICE_ARTICLES", 30)
    articles = [Article(id=f"y{year}-{i}", title=f"{year}年第{i}篇", date=f"{year}-03-{i % 28 + 1:02d}",
                        body=f"区总工会为职工送清凉。第{i}号{'老照片修复' if (year, i) == (2015, 7) else ''}")
                for year in (2015, 2016, 2017) for i in range(30)]
    site = write_search_site(articles, tmp_path / "site")
    manifest = json.loads((site / "search/manifest.json").read_text())
    assert [(s["from"][:4], s["count"]) for s in manifest["slices"]] == [("2015", 30), ("2016", 30), ("2017", 30)]
    result = run_queries(site, [{"q": "送清凉", "url": "a/y2017-3/"}, {"q": "老照片修复", "url": "a/y2015-7/"},
                                {"q": "老照片修复", "url": "a/y2015-7/", "options": {"exact": True}}], tmp_path)
    common, rare, exact = result["results"]
    assert common["count"] == 90 and common["partial"] == 0
    assert rare["count"] == 1 and rare["top"] == ["a/y2015-7/"]
    assert {f.split("/")[2] for f in rare["files"] if "/index/" in f} == {"0", "1", "2"}
    # the first page needs no positions: the one article holding its pairs is checked in its text
    assert not any("/pos/" in f for f in rare["files"] + rare["countFiles"])
    assert (exact["count"], exact["top"]) == (1, ["a/y2015-7/"])
    assert {f.split("/")[2] for f in exact["files"] if "/pos/" in f} == {"0"}


@needs_node
def test_common_words_beside_their_shards_find_the_same_articles(tmp_path, monkeypatch):
    """A word most articles hold is kept in a file beside its shard: a reader finds and
    counts the same articles as when it is in the shard, lunr.js reads that file as the index
    its Builder makes, and a query for a rarer word that shares the shard does not fetch it."""
    from sitegen.search import index

    articles = sample_articles()
    queries = [{"q": q, "url": ""} for q in ["工会", "北京市总工会", "职工", "送清凉", "陶然亭", "王", "闫长禄",
                                             "区总工会", "垃圾 分类", '"北京市总工会"', "12351", "矿泉水"]]
    within = run_queries(write_search_site(articles, tmp_path / "within"), queries, tmp_path)["results"]
    monkeypatch.setattr(index, "COMMON_DF", 8)
    beside_site = write_search_site(articles, tmp_path / "beside")
    beside = run_queries(beside_site, queries, tmp_path)["results"]
    assert list((beside_site / "search/index/0").glob("*c.gz"))
    for a, b in zip(within, beside):
        assert (b["q"], b["count"], b["partial"]) == (a["q"], a["count"], a["partial"])
    fetched = {r["q"]: r["files"] for r in beside}
    assert any(f.endswith("c.gz") for f in fetched["工会"])
    rare = [f for f in fetched["闫长禄"] if "/index/" in f]
    assert any((beside_site / f.replace(".gz", "c.gz")).is_file() for f in rare)      # it shares a shard with one
    assert not any(f.endswith("c.gz") for f in fetched["闫长禄"])
    tests = sorted(str(p) for p in (ROOT / "tests/js").glob("*.test.js"))
    run = subprocess.run([NODE, "--test", *tests], capture_output=True, text=True,
                         env={**os.environ, "SITE": str(beside_site)})
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def _contains(article, query: str) -> bool:
    """Does the article hold the query as written, in its headline (with subtitles), its
    byline or its body (what the index's positions cover)?"""
    from sitegen.search.terms import article_fields

    return any(query in normalise(text) for _, text, _ in article_fields(article))


@needs_node
def test_the_count_is_of_articles_that_hold_the_whole_query(sample_site, tmp_path):
    """The count a reader sees is of the articles holding the query as typed; articles that
    hold only its pairs, apart, come after them, marked partial; a phrase in quotes lists
    only the former. Checked against every sample article's text for names, places and
    random pieces of two to six characters, and one character."""
    articles = sample_articles()
    urls = {f"a/{a.id}/": a for a in articles}
    pieces = [q["q"] for q in draw_substrings(300, seed=11)]
    names = ["闫长禄", "北京市总工会", "陶然亭", "送清凉", "职工之家", "工会", "区总工会", "王", "京", "市"]
    queries = [{"q": q, "url": ""} for q in names + pieces] + [{"q": f'"{q}"', "url": ""} for q in names]
    rows = run_queries(sample_site, queries, tmp_path)["results"]
    partial_seen = 0
    for row in rows:
        q = normalise(row["q"])
        holding = {u for u, a in urls.items() if _contains(a, q)}
        assert row["count"] == len(holding), (row["q"], row["count"], len(holding))
        assert set(row["top"][:row["count"]]) <= holding, row["q"]
        assert row["full"] == sorted(row["full"], reverse=True), row["q"]     # full matches first
        if row["q"].startswith('"'):
            assert row["partial"] == 0
        partial_seen += row["partial"]
    assert partial_seen > 0          # the sample has queries whose pairs stand apart


def _archive_of_three_years():
    from sitegen.content import Article

    bodies = [a.body for a in sample_articles() if a.body]
    return [Article(id=f"y{year}-{i}", title=f"{year}年第{i}篇", date=f"{year}-03-{i % 28 + 1:02d}",
                    body=bodies[(year + 7 * i) % len(bodies)]) for year in (2015, 2016, 2017) for i in range(30)]


def _search_build(articles, cache_dir: Path, last=None, save: bool = True, made: list | None = None):
    """The search files (name → bytes) and shard keys of a build after ``last`` (the files
    and keys of the build before), as build.py makes them; ``made``: the files made anew."""
    from sitegen.search import search_files

    class Settings:
        pass

    settings = Settings()
    settings.cache_dir = cache_dir
    last_files, last_keys = last or ({}, {})
    files: dict[str, bytes] = {}

    def keep(name: str) -> bool:          # the last build's file carried over, if there is one
        if name in last_files:
            files[name] = last_files[name]
            return True
        return False

    def write(name: str, data: bytes) -> None:
        files[name] = data
        if made is not None:
            made.append(name)

    keys = search_files(articles, {a.id: f"a/{a.id}/" for a in articles}, settings, write,
                        previous=last_keys, keep=keep, save_cache=save)
    return files, keys


def test_rebuilt_search_files_equal_a_clean_build(tmp_path, monkeypatch):
    """After articles change, the search files made again — from the terms cache, keeping
    the last build's shards whose postings did not change, or by a preview server from its
    last build's postings — are the ones a clean build makes."""
    from dataclasses import replace

    from sitegen.search import index

    monkeypatch.setattr(index, "SLICE_ARTICLES", 30)
    monkeypatch.setattr(index, "_POSTINGS_MEMORY", {})
    monkeypatch.setattr(index, "_TERMS_MEMORY", {})
    before = _archive_of_three_years()
    after = [replace(a, body=a.body + "\n\n区总工会把清凉送到一线。") if a.id == "y2016-4" else
             replace(a, title="职工之家的新标题") if a.id == "y2017-12" else a
             for a in before if a.id != "y2015-9"]
    clean = _search_build(after, tmp_path / "clean")
    assert len(json.loads(clean[0]["search/manifest.json"])["slices"]) == 3

    first = _search_build(before, tmp_path / "cache")
    assert _search_build(after, tmp_path / "cache", first) == clean            # a later `sitegen build`

    shown = _search_build(before, tmp_path / "cache", first, save=False)       # a preview's builds
    assert shown == first
    assert _search_build(after, tmp_path / "cache", shown, save=False) == clean
    back = _search_build(before, tmp_path / "cache", clean, save=False)
    assert back == first


def test_a_new_issue_makes_again_only_the_newest_years_search_files(tmp_path, monkeypatch):
    """The daily update: an issue added to the archive takes the next article numbers, so
    the older years' shards, positions and stored fields are kept as they were (not even
    their terms are read), and what is made equals a clean build."""
    from sitegen.content import Article
    from sitegen.search import index

    monkeypatch.setattr(index, "SLICE_ARTICLES", 30)
    monkeypatch.setattr(index, "_TERMS_MEMORY", {})
    before = _archive_of_three_years()
    first = _search_build(before, tmp_path / "cache")
    bodies = [a.body for a in sample_articles() if a.body]
    after = before + [Article(id=f"next-{i}", title=f"新的一期第{i}篇", date="2017-03-29", page="1",
                              body=bodies[i]) for i in range(3)]
    made: list[str] = []
    read = []
    real_load = index._load_terms
    monkeypatch.setattr(index, "_load_terms", lambda f: read.append(f.name) or real_load(f))
    got = _search_build(after, tmp_path / "cache", first, made=made)
    assert read == ["2017.pickle"]
    assert got == _search_build(after, tmp_path / "clean")
    folders = {name.rsplit("/", 1)[0] for name in made}
    assert folders == {"search", "search/index/2", "search/pos/2", "search/docs"}
    # the new articles are numbered 90–92, after every article there was
    assert {n for n in made if n.startswith("search/docs/")} == {f"search/docs/{ref // index.DOCS_PER_FILE}.gz"
                                                                 for ref in (90, 91, 92)}


@needs_node
def test_a_daily_update_searches_the_new_issue_and_equals_a_clean_build(tmp_path, monkeypatch):
    """The newest month is a slice of its own: a new issue of that month makes again only
    that small slice's files (the rest of its year's are not even read), a reader's search
    finds the new issue's articles, and the files equal a clean build's; when a new month
    begins, the month before joins its year's slice, again equal to a clean build."""
    from sitegen.content import Article
    from sitegen.search import index

    monkeypatch.setattr(index, "SLICE_ARTICLES", 30)
    monkeypatch.setattr(index, "_TERMS_MEMORY", {})
    bodies = [a.body for a in sample_articles() if a.body]
    before = [Article(id=f"y{year}-{i}", title=f"{year}年第{i}篇", date=f"{year}-{2 + i // 15:02d}-{i % 15 + 1:02d}",
                      body=bodies[(year + 7 * i) % len(bodies)]) for year in (2016, 2017) for i in range(30)]
    first = _search_build(before, tmp_path / "cache")
    slices = json.loads(first[0]["search/manifest.json"])["slices"]
    assert [(s["from"], s["to"]) for s in slices] == [("2016-02-01", "2016-03-15"), ("2017-02-01", "2017-02-15"),
                                                      ("2017-03-01", "2017-03-15")]
    issue = [Article(id=f"next-{i}", title=f"新的一期第{i}篇", date="2017-03-16", page="1",
                     body="东城区总工会为一线职工送去老照片修复服务。" + bodies[i]) for i in range(3)]
    made: list[str] = []
    read = []
    real_load = index._load_terms
    monkeypatch.setattr(index, "_load_terms", lambda f: read.append(f.name) or real_load(f))
    daily = _search_build(before + issue, tmp_path / "cache", first, made=made)
    assert read == [index.NEWEST_MONTH_CACHE]
    assert {name.rsplit("/", 1)[0] for name in made} == {"search", "search/index/2", "search/pos/2", "search/docs"}
    assert daily == _search_build(before + issue, tmp_path / "clean")
    site = tmp_path / "site"
    for name, data in daily[0].items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    shutil.copytree(ROOT / "themes/default/static/js", site / "static/js")
    found = run_queries(site, [{"q": "老照片修复", "url": "a/next-0/"}], tmp_path)["results"][0]
    assert found["count"] == 3 and set(found["top"]) == {f"a/next-{i}/" for i in range(3)}

    april = [Article(id="april-1", title="四月的第一篇", date="2017-04-01", page="1", body=bodies[5])]
    read.clear()
    later = _search_build(before + issue + april, tmp_path / "cache", daily)
    assert read == ["2017.pickle", index.NEWEST_MONTH_CACHE, index.NEWEST_MONTH_CACHE]    # not 2016's
    assert later == _search_build(before + issue + april, tmp_path / "clean2")
    assert len(json.loads(later[0]["search/manifest.json"])["slices"]) == 3


def test_worker_processes_make_the_same_files(tmp_path, monkeypatch):
    """Terms cut and shards written in forked workers (as for a large archive) are the
    same as made in one process."""
    from sitegen.parallel import cores, process_pool
    from sitegen.search import index

    monkeypatch.setattr(index, "SLICE_ARTICLES", 30)
    articles = _archive_of_three_years()
    alone = _search_build(articles, None)
    monkeypatch.setattr(index, "POOL_FROM_ARTICLES", 1)
    monkeypatch.setattr(index, "POOL_FROM_SHARDS", 1)
    pools = []
    monkeypatch.setattr(index, "process_pool", lambda **kw: pools.append(process_pool(**kw)) or pools[-1])
    assert _search_build(articles, None) == alone
    if cores() > 1:
        assert len(pools) == 6 and all(pools)       # each of 3 slices: its terms, its shards


def test_common_terms_best_postings_are_their_top_bm25_scores_over_the_slice(tmp_path, monkeypatch):
    """A common term's best postings are the articles it scores highest in by BM25 over the
    whole slice (each article's length its every term), with those scores (but the idf, which
    the browser multiplies in); the rest file
    beside holds every posting and position of the shard's common terms."""
    from sitegen.search import index
    from sitegen.search.encoding import SCORE_SCALE, decode_best, decode_shard, split_rest
    from sitegen.search.terms import article_record

    monkeypatch.setattr(index, "COMMON_DF", 8)
    monkeypatch.setattr(index, "BEST", 5)
    articles = sample_articles()
    site = write_search_site(articles, tmp_path / "site")
    ordered = sorted(articles, key=lambda a: (a.date or "", a.source, -a.order), reverse=True)[::-1]
    first = json.loads((site / "search/manifest.json").read_text())["slices"][0]
    ordered = ordered[first["start"]:first["start"] + first["count"]]
    records = [article_record(a) for a in ordered]
    lengths = [sum(r[1]) for r in records]
    average = sum(lengths) / len(lengths)
    by_term = index._term_postings(records)
    checked = 0
    for best in sorted((site / "search/index/0").glob("*c.gz")):
        rest = decode_shard(*split_rest((best.with_name(best.name.replace("c.gz", "r.gz"))).read_bytes()))
        got = decode_best(best.read_bytes())
        assert [t for t, *_ in got] == [t for t, *_ in rest]
        for (term, df, refs, scores), (_, all_refs, tfs, _) in zip(got, rest):
            p = by_term[term]
            assert (df, all_refs, tfs) == (len(p.refs), list(p.refs), list(p.tfs))
            score = {r: round(SCORE_SCALE * 2.2 * tf / (1.2 * (0.25 + 0.75 * lengths[r] / average) + tf))
                     for r, tf in zip(p.refs, p.tfs)}
            assert refs == sorted(refs) and len(refs) == min(5, df)
            assert scores == [score[r] for r in refs]
            assert min(scores) >= max(v for r, v in score.items() if r not in refs)
            checked += 1
    assert checked > 10
