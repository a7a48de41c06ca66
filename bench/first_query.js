// What a first search costs a reader: the files the search page fetches for one query, and
// the time to answer it, in Node with the site's own lunr.js and search-core.js (its
// Searcher fetches exactly what the page fetches: manifest, the shards of the query's
// terms, the stored fields and text of the first page of results).
// Usage: node first_query.js SITE_DIR QUERY...   → one JSON line per query on stdout.
"use strict";
const fs = require("fs");
const path = require("path");
const site = path.resolve(process.argv[2]);
const lunr = require(path.join(site, "static/js/lunr.min.js"));
const S = require(path.join(site, "static/js/search-core.js"));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function session() {
  const fetched = [];
  // Read, inflated and parsed inside the timed call, as the browser does with what it fetches.
  const searcher = S.Searcher(lunr, (name) => {
    fetched.push("search/" + name);
    return Promise.resolve(new Uint8Array(fs.readFileSync(path.join(site, "search", name))));
  });
  return { searcher, fetched };
}

(async () => {
  for (const q of process.argv.slice(3)) {
    const s = session();
    let t0 = process.hrtime.bigint();
    const first = await s.searcher.search(q);
    const firstMs = ms(t0);
    t0 = process.hrtime.bigint();
    await s.searcher.search(q);
    const warmMs = ms(t0);
    process.stdout.write(JSON.stringify({ query: q, hits: first.total, files: [...new Set(s.fetched)], firstMs, warmMs }) + "\n");
  }
})().catch((err) => { console.error(err); process.exit(1); });
