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
const indexes = {};
const chunks = { docs: {}, text: {} };
let loadMs = 0;
function shard(n) {
  if (!indexes[n]) {
    const t0 = process.hrtime.bigint();
    indexes[n] = lunr.Index.load(read(`index/${n}.json`));
    loadMs += Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return indexes[n];
}
function chunk(kind, ref) {
  const c = Math.floor(ref / manifest.chunk);
  if (!chunks[kind][c]) chunks[kind][c] = read(`${kind}/${c}.json`);
  return chunks[kind][c][ref % manifest.chunk];
}
function search(q) {
  const terms = S.queryTerms(q);
  const byNumber = {};
  for (const n of S.shardsFor(terms, manifest.shards)) byNumber[n] = shard(n);
  const hits = S.runQuery(lunr, byNumber, terms, manifest.shards).map((r) => ({ ref: parseInt(r.ref, 10), score: r.score }));
  const top = hits.slice(0, S.RERANK);
  const ranked = S.rerank(top, (h) => chunk("text", h.ref), terms.text).concat(hits.slice(S.RERANK));
  return ranked.map((h) => ({ ...h, doc: chunk("docs", h.ref) }));
}
let found = 0, queryMs = 0;
const out = [];
for (const { q, url } of queries) {
  const t0 = process.hrtime.bigint();
  const hits = search(q);
  queryMs += Number(process.hrtime.bigint() - t0) / 1e6;
  const rank = hits.findIndex((h) => h.doc.u === url);
  if (rank !== -1 && rank < 10) found++;
  out.push({ q, url, rank, count: hits.length, top: hits.slice(0, 3).map((h) => h.doc.u) });
}
// The same queries again, everything loaded: what a reader waits for after the first query.
const w0 = process.hrtime.bigint();
for (const { q } of queries) search(q);
const warmMs = Number(process.hrtime.bigint() - w0) / 1e6 / Math.max(queries.length, 1);
console.log(JSON.stringify({ recall: queries.length ? found / queries.length : 1, n: queries.length, loadMs,
                             queryMs: queryMs / Math.max(queries.length, 1), warmMs, results: out }));
