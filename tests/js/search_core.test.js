// Node's test runner on a built site's search files: lunr.js loads every shard sitegen
// wrote, and the search page's scoring is lunr's own. Run: SITE=path/to/public node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const path = require("path");

const site = process.env.SITE;
const lunr = site && require(path.join(site, "static/js/lunr.min.js"));
const S = site && require(path.join(site, "static/js/search-core.js"));
const read = (name) => JSON.parse(fs.readFileSync(path.join(site, "search", name), "utf-8"));
const skip = site ? false : "SITE not set";

function shards() {
  const manifest = read("manifest.json");
  const out = [];
  manifest.slices.forEach((slice, i) => {
    for (let n = 0; n < slice.shards; n++) {
      const name = `index/${i}/${n}.json`;
      if (fs.existsSync(path.join(site, "search", name))) out.push([name, read(name)]);
    }
  });
  return out;
}

test("lunr.js loads every shard without a warning, and finds each of its terms", { skip }, () => {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...a) => warnings.push(a.join(" "));
  try {
    for (const [, data] of shards()) {
      const index = lunr.Index.load(data);
      for (const [term] of data.invertedIndex.slice(0, 20)) {
        const hits = index.query((q) => q.term(term, { usePipeline: false }));
        assert.ok(hits.length > 0, term);
      }
    }
  } finally {
    console.warn = warn;
  }
  assert.deepStrictEqual(warnings, []);
});

test("scores are lunr's: the same articles as Index.query, scores times the query vector's length", { skip }, () => {
  let compared = 0;
  for (const [, data] of shards()) {
    const index = lunr.Index.load(data);
    const terms = data.invertedIndex.map(([t]) => t).filter((t) => /\p{Script=Han}/u.test(t));
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
  const manifest = read("manifest.json");
  const terms = S.queryTerms("北京市总工会");
  assert.deepStrictEqual(terms.required, ["北京", "京市", "市总", "总工", "工会"]);
  manifest.slices.forEach((slice, i) => {
    const needed = S.shardsFor(terms, slice.shards);
    assert.ok(needed.length <= terms.required.length + terms.optional.length);
    for (const n of needed) assert.ok(fs.existsSync(path.join(site, "search/index", `${i}`, `${n}.json`)), n);
  });
});

test("the query is cut as the index was: full-width and case fold, punctuation and spaces dropped", { skip }, () => {
  assert.strictEqual(S.normalise("Ｗｉ－Ｆｉ　１２３５１，垃圾 分类！"), "wifi12351垃圾分类");
  assert.deepStrictEqual(S.queryTerms("垃圾 分类").required, ["垃圾", "圾分", "分类"]);
  assert.ok(S.queryTerms("垃").tooShort);
});

test("snippets keep the text as text and mark the match", { skip }, () => {
  const [before, match, after] = S.snippet("正文里的<script>alert(1)</script>，还有垃圾分类。", "垃圾分类");
  assert.strictEqual(match, "垃圾分类");
  assert.ok(before.includes("</script>"));
  assert.strictEqual(after, "。");
});
