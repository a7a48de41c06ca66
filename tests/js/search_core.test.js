// Node's test runner on a built site's search files: every shard sitegen wrote reads back
// into a lunr index equal to what lunr.js's own Builder makes of the same documents, the
// search page's scoring is lunr's own, and the ranking puts full matches first and counts
// them. Run: SITE=path/to/public node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const site = process.env.SITE;
const lunr = site && require(path.join(site, "static/js/lunr.min.js"));
const S = site && require(path.join(site, "static/js/search-core.js"));
const bytes = (name) => new Uint8Array(zlib.gunzipSync(fs.readFileSync(path.join(site, "search", name))));
const manifest = () => JSON.parse(fs.readFileSync(path.join(site, "search/manifest.json"), "utf-8"));
const skip = site ? false : "SITE not set";

function shards() {
  const out = [];
  manifest().slices.forEach((slice, i) => {
    for (let n = 0; n < slice.shards; n++) {
      // a shard, and the rest of its common terms beside it (their best postings are scored
      // over the whole slice, so lunr's Builder, which knows only the file, is not their reference)
      for (const [name, read] of [[`index/${i}/${n}.gz`, S.readShard], [`index/${i}/${n}r.gz`, S.readRest]]) {
        if (fs.existsSync(path.join(site, "search", name))) out.push([name, read(lunr, bytes(name))]);
      }
    }
  });
  return out;
}

function searcher() {
  return S.Searcher(lunr, (name) => Promise.resolve(new Uint8Array(fs.readFileSync(path.join(site, "search", name)))));
}

// What an index means, whatever order its terms were numbered in.
function meaning(json) {
  const terms = {};
  json.invertedIndex.forEach(([term, entry]) => { terms[entry._index] = term; });
  const postings = {};
  json.invertedIndex.forEach(([term, entry]) => { postings[term] = Object.keys(entry.text).sort(); });
  const vectors = {};
  json.fieldVectors.forEach(([ref, v]) => {
    const m = {};
    for (let i = 0; i < v.length; i += 2) m[terms[v[i]]] = v[i + 1];
    vectors[ref] = m;
  });
  return { postings, vectors, fields: json.fields, pipeline: json.pipeline };
}

test("every shard reads back into the index lunr.js's Builder makes of the same documents", { skip }, () => {
  let compared = 0;
  for (const [name, shard] of shards()) {
    const docs = {};
    for (const t of shard.terms) {
      t.refs.forEach((ref, k) => { (docs[ref] = docs[ref] || []).push(...Array(t.tfs[k]).fill(t.term)); });
    }
    const builder = new lunr.Builder();
    builder.ref("ref");
    builder.field("text");
    Object.keys(docs).forEach((ref) => builder.add({ ref, text: docs[ref].join(" ") }));
    const theirs = builder.build();
    assert.deepStrictEqual(meaning(shard.index.toJSON()), meaning(theirs.toJSON()), name);
    compared++;
  }
  assert.ok(compared > 1);
});

test("lunr's own query finds each term of a shard", { skip }, () => {
  for (const [, shard] of shards()) {
    for (const t of shard.terms.slice(0, 20)) {
      const hits = shard.index.query((q) => q.term(t.term, { usePipeline: false }));
      assert.strictEqual(hits.length, t.df, t.term);
    }
  }
});

test("scores are lunr's: the same articles as Index.query, scores times the query vector's length", { skip }, () => {
  let compared = 0;
  for (const [, shard] of shards()) {
    const index = shard.index;
    const terms = shard.terms.map((t) => t.term).filter((t) => /\p{Script=Han}/u.test(t));
    for (let i = 0; i + 2 < terms.length && i < 60; i += 3) {
      const required = [terms[i], terms[i + 1]].filter((t, k) => k === 0 || i % 2 === 0);
      const optional = [terms[i + 2]];
      const theirs = index.query((q) => {
        required.forEach((t) => q.term(t, { presence: lunr.Query.presence.REQUIRED, usePipeline: false }));
        optional.forEach((t) => q.term(t, { boost: S.BOOST, usePipeline: false }));
      });
      const ours = S.scoreShard(index, required, optional, S.BOOST);
      const norm = Math.sqrt(required.length + S.BOOST * S.BOOST * optional.length);
      assert.deepStrictEqual(Object.keys(ours).sort(), theirs.map((r) => r.ref).sort(), required.join(","));
      for (const r of theirs) assert.ok(Math.abs(ours[r.ref] / norm - r.score) < 1e-9, `${required} ${r.ref}`);
      compared += theirs.length;
    }
  }
  assert.ok(compared > 0);
});

test("a query needs only the shards its terms hash to, and every shard it needs exists", { skip }, () => {
  const terms = S.queryTerms("北京市总工会");
  assert.deepStrictEqual(terms.required, ["北京", "京市", "市总", "总工", "工会"]);
  manifest().slices.forEach((slice, i) => {
    const needed = S.shardsFor(terms, slice.shards);
    assert.ok(needed.length <= terms.required.length);     // the word lives with its first pair
    for (const n of needed) assert.ok(fs.existsSync(path.join(site, "search/index", `${i}`, `${n}.gz`)), n);
  });
});

test("the query is cut as the index was; quotes make a phrase; one character is a term", { skip }, () => {
  assert.strictEqual(S.normalise("Ｗｉ－Ｆｉ　１２３５１，垃圾 分类！"), "wifi12351垃圾分类");
  assert.deepStrictEqual(S.queryTerms("垃圾 分类").required, ["垃圾", "分类"]);
  assert.deepStrictEqual(S.parseQuery('劳模 "北京市 总工会" 「陶然亭」 劳模'),
                         [{ text: "劳模", phrase: false }, { text: "北京市总工会", phrase: true },
                          { text: "陶然亭", phrase: true }]);
  assert.deepStrictEqual(S.queryTerms("王").required, ["王"]);
});

test("a first page before the count: its hits are hits, told full and partial as the count tells them", { skip }, async () => {
  for (const q of ["北京市总工会", "工会", "送清凉", "陶然亭", "区总工会", "职工 送清凉", '"北京市总工会"', "12351", "门头沟区总工会"]) {
    const s = searcher();
    const page = await s.search(q);
    const exact = await s.search(q, { exact: true });
    assert.ok(!exact.quick && exact.total !== null, q);
    if (!page.quick) {          // nothing left open: the exact hits and count at once (in an order of their own)
      const key = (hits) => hits.map((h) => `${h.ref} ${h.full}`).sort();
      assert.deepStrictEqual(key(page.hits), key(exact.hits), q);
      assert.strictEqual(page.total, exact.total, q);
      assert.ok(page.hits.slice(0, page.total).every((h) => h.full), q);
      continue;
    }
    const truth = new Map(exact.hits.map((h) => [h.ref, h.full]));
    assert.ok(page.hits.length > 0 && page.hits.length <= S.RERANK, q);
    assert.strictEqual(new Set(page.hits.map((h) => h.ref)).size, page.hits.length, q);
    for (const h of page.hits) assert.strictEqual(h.full, truth.get(h.ref), `${q} ${h.doc.u}`);
    const full = page.hits.filter((h) => h.full).length;
    assert.ok(page.hits.slice(0, full).every((h) => h.full), q);           // full matches first
    assert.ok(full === Math.min(exact.total, S.RERANK) || page.hits.length === S.RERANK, q);
    assert.strictEqual(page.total, null);
  }
});

test("full matches come first and are counted; the rest are marked partial", { skip }, async () => {
  const s = searcher();
  const result = await s.search("北京市总工会", { exact: true });
  assert.ok(result.total > 0 && result.partial > 0, `${result.total} / ${result.partial}`);
  assert.strictEqual(result.hits.length, result.total + result.partial);
  const firstPartial = result.hits.findIndex((h) => !h.full);
  assert.strictEqual(firstPartial, result.total);
  assert.ok(result.hits.slice(firstPartial).every((h) => !h.full));
  // the full matches shown hold the words as typed, the partial ones do not (no byline says 北京市总工会)
  for (const h of result.hits.slice(0, S.RERANK)) {
    assert.strictEqual(S.normalise(h.doc.x).includes("北京市总工会"), h.full, h.doc.u);
  }
  // in quotes, only the full matches
  const phrase = await s.search('"北京市总工会"', { exact: true });
  assert.strictEqual(phrase.total, result.total);
  assert.strictEqual(phrase.partial, 0);
});

test("sort by date and the issues table narrow and order the hits", { skip }, async () => {
  const s = searcher();
  const all = await s.search("工会", { exact: true });
  const issues = await s.issues();
  const dated = all.hits.filter((h) => issues.date(all.hits[0].ref) && issues.date(h.ref));
  const day = issues.date(dated[dated.length - 1].ref);
  const newest = await s.search("工会", { sort: "newest" });
  const dates = newest.hits.filter((h) => h.full).map((h) => issues.date(h.ref)).filter(Boolean);
  assert.deepStrictEqual(dates, dates.slice().sort().reverse());
  const oldest = await s.search("工会", { sort: "oldest" });
  assert.deepStrictEqual(oldest.hits.filter((h) => h.full).map((h) => issues.date(h.ref)).filter(Boolean),
                         dates.slice().reverse());
  const one = await s.search("工会", { from: day, to: day });
  assert.ok(one.total > 0 && one.total < all.total);
  assert.ok(one.hits.every((h) => issues.date(h.ref) === day));
  const page = issues.page(one.hits[0].ref);
  const onePage = await s.search("工会", { from: day, to: day, page });
  assert.ok(onePage.hits.length > 0 && onePage.hits.every((h) => issues.page(h.ref) === page));
  const groups = S.groupByIssue(all.hits, issues);
  assert.strictEqual(groups.reduce((n, g) => n + g.hits.length, 0), all.hits.length);
  assert.strictEqual(new Set(groups.map((g) => g.date)).size, groups.length);
});

test("snippets keep the text as text and mark the match", { skip }, () => {
  const [before, match, after] = S.snippet("正文里的<script>alert(1)</script>，还有垃圾分类。", "垃圾分类");
  assert.strictEqual(match, "垃圾分类");
  assert.ok(before.includes("</script>"));
  assert.strictEqual(after, "。");
});
