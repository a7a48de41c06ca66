// Runs queries against a built site's search files with the real lunr.js and the search
// page's own search code (search-core.js: segmenter, shard choice, ranking, fetching).
// Usage: node search_check.js SITE_DIR QUERIES.json
// QUERIES.json: [{"q": "...", "url": "a/<id>/"}, ...]   ("url": the article that should be found)
// Prints one JSON object: recall@10, timings and, per query, the rank of the expected article
// (-1: not found), the full matches counted, the partial ones, the first three URLs of the
// first page and whether each is a full match, and the files a reader's first query fetches
// (its first page: "files") and those the count fetches after it ("countFiles"). An entry may
// carry "options" (from, to, issue, page, sort) as the search page passes them.
"use strict";
const fs = require("fs");
const path = require("path");
const site = path.resolve(process.argv[2]);
const queries = JSON.parse(fs.readFileSync(process.argv[3], "utf-8"));
const lunr = require(path.join(site, "static/js/lunr.min.js"));
const S = require(path.join(site, "static/js/search-core.js"));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

// A Searcher reading files as the browser fetches them; `fetched` lists what it asked for.
function session() {
  const fetched = [];
  const searcher = S.Searcher(lunr, (name) => {
    fetched.push("search/" + name);
    return Promise.resolve(new Uint8Array(fs.readFileSync(path.join(site, "search", name))));
  });
  return { searcher, fetched };
}

(async () => {
  let found = 0, firstMs = 0;
  const out = [], warm = [];
  for (const { q, url, options } of queries) {
    // A reader's first query: a fresh session, so every file it needs is fetched and loaded.
    const s = session();
    let t0 = process.hrtime.bigint();
    const first = await s.searcher.search(q, options);
    firstMs += ms(t0);
    const files = [...s.fetched];
    // The count and every hit, as the page fetches them when the reader asks or pages on.
    const exact = first.quick ? await s.searcher.search(q, { ...options, exact: true }) : first;
    const countFiles = s.fetched.slice(files.length);
    // The same query again, its files loaded: what a reader waits for as they type on.
    // Timed five times, the median kept (the machine may be busy with other work).
    const times = [];
    for (let k = 0; k < 5; k++) {
      t0 = process.hrtime.bigint();
      await s.searcher.search(q, options);
      times.push(ms(t0));
    }
    warm.push(times.sort((a, b) => a - b)[2]);
    // Where the article ranks among every hit (the whole archive is searched): on the first
    // page as shown, else among the exact hits after it.
    const result = exact;
    let rank = -1;
    const shownFirst = first.quick ? first.hits.map((h) => h.ref) : [];
    const order = shownFirst.concat(result.hits.map((h) => h.ref).filter((r) => !shownFirst.includes(r)));
    for (let i = 0; url && i < order.length && rank === -1; i++) {
      if ((await s.searcher.doc(order[i])).u === url) rank = i;
    }
    if (rank !== -1 && rank < 10) found++;
    out.push({ q, url, rank, count: result.total, partial: result.partial, quick: !!first.quick,
               top: first.hits.slice(0, 3).map((h) => h.doc.u),
               full: first.hits.slice(0, 3).map((h) => h.full), files, countFiles,
               page: first.hits.slice(0, 20).map((h) => ({ ref: h.ref, full: h.full, u: h.doc.u })),
               exactPage: result.hits.slice(0, 20).map((h) => h.ref) });
  }
  const n = Math.max(queries.length, 1);
  console.log(JSON.stringify({ recall: queries.length ? found / queries.length : 1, n: queries.length,
                               firstMs: firstMs / n, warmMs: warm.reduce((a, b) => a + b, 0) / n,
                               warm, results: out }));
})().catch((err) => { console.error(err); process.exit(1); });
