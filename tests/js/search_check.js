// Runs queries against a built site's search index with the real lunr.js and the real
// query code of the search page. Usage: node search_check.js SITE_DIR QUERIES.json
// QUERIES.json: [{"q": "...", "url": "a/<id>/"}, ...]  → prints JSON results to stdout.
"use strict";
const fs = require("fs");
const path = require("path");
const site = process.argv[2];
const queries = JSON.parse(fs.readFileSync(process.argv[3], "utf-8"));
const lunr = require(path.join(site, "static/js/lunr.min.js"));
const S = require(path.join(site, "static/js/search-core.js"));
const read = (name) => JSON.parse(fs.readFileSync(path.join(site, "search", name), "utf-8"));

const manifest = read("manifest.json");
const t0 = process.hrtime.bigint();
const shards = manifest.shards.map((info, n) => ({ n, info, index: lunr.Index.load(read(info.index)), docs: read(info.docs) }));
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
const texts = {};
function textOf(hit) {
  const chunk = Math.floor(hit.local / manifest.chunk_size);
  const key = `${hit.shard}-${chunk}`;
  if (!texts[key]) texts[key] = read(`text-${key}.json`);
  return texts[key][hit.local % manifest.chunk_size];
}
function search(q) {
  const terms = S.queryTerms(q);
  const hits = [];
  for (const shard of shards) {
    for (const r of S.runQuery(lunr, shard.index, terms)) {
      const local = parseInt(r.ref, 10) - shard.info.first;
      hits.push({ shard: shard.n, local, score: r.score, doc: shard.docs[local] });
    }
  }
  hits.sort((a, b) => b.score - a.score);
  const head = hits.slice(0, 60);
  return S.rerank(head, textOf, terms.text).concat(hits.slice(60));
}
let found = 0;
const out = [];
const q0 = process.hrtime.bigint();
for (const { q, url } of queries) {
  const hits = search(q);
  const rank = hits.findIndex((h) => h.doc.u === url);
  if (rank !== -1 && rank < 10) found++;
  out.push({ q, url, rank, count: hits.length, top: hits.slice(0, 3).map((h) => h.doc.u) });
}
const queryMs = Number(process.hrtime.bigint() - q0) / 1e6 / Math.max(queries.length, 1);
console.log(JSON.stringify({ recall: queries.length ? found / queries.length : 1, n: queries.length, loadMs, queryMs, results: out }));
