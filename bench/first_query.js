// What a first search costs a reader: the files the search page fetches for one query, and
// the time to answer it, in Node with the site's own lunr.js and search-core.js.
// Fetches as search.js does: the manifest, the index shards of the query's terms, the docs
// chunks of the first FACETS hits and the text chunks of the first RERANK hits.
// Usage: node first_query.js SITE_DIR QUERY...   → one JSON line per query on stdout.
"use strict";
const fs = require("fs");
const path = require("path");
const site = path.resolve(process.argv[2]);
const lunr = require(path.join(site, "static/js/lunr.min.js"));
const S = require(path.join(site, "static/js/search-core.js"));
const FACETS = 200;   // search.js: docs fetched for the filters' counts

function session() {
  const fetched = new Set();
  const cache = {};
  const read = (name) => {
    if (!(name in cache)) {
      fetched.add("search/" + name);
      cache[name] = JSON.parse(fs.readFileSync(path.join(site, "search", name), "utf-8"));
    }
    return cache[name];
  };
  const loaded = {};
  function search(q) {
    const manifest = read("manifest.json");
    const terms = S.queryTerms(q);
    const byNumber = {};
    for (const n of S.shardsFor(terms, manifest.shards)) {
      if (!loaded[n]) loaded[n] = lunr.Index.load(read(`index/${n}.json`));
      byNumber[n] = loaded[n];
    }
    const chunk = (kind, ref) => read(`${kind}/${Math.floor(ref / manifest.chunk)}.json`)[ref % manifest.chunk];
    const hits = S.runQuery(lunr, byNumber, terms, manifest.shards).map((r) => ({ ref: parseInt(r.ref, 10), score: r.score }));
    const head = hits.slice(0, Math.max(S.RERANK, FACETS));
    head.forEach((h) => { h.doc = chunk("docs", h.ref); });
    const top = head.slice(0, S.RERANK);
    const ranked = S.rerank(top, (h) => chunk("text", h.ref), terms.text);
    return { total: hits.length, top: ranked.slice(0, 3).map((h) => h.doc) };
  }
  return { search, fetched };
}

for (const q of process.argv.slice(3)) {
  const s = session();
  let t0 = process.hrtime.bigint();
  const first = s.search(q);
  const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
  t0 = process.hrtime.bigint();
  s.search(q);
  const warmMs = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ query: q, hits: first.total, files: [...s.fetched], firstMs, warmMs }) + "\n");
}
