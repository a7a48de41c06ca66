/* sitegen search core: the same cutting of text as sitegen/search/terms.py, plus query,
 * ranking and snippet logic shared by the search page and the Node tests. */
(function (root) {
  "use strict";
  var NOT_WORD = /[^\p{L}\p{N}]+/gu;

  function normalise(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(NOT_WORD, "");
  }

  /* The query as index terms: every pair of adjacent characters is required (so the
   * article must contain every part of the query); the whole query, when longer, is an
   * optional term that ranks articles where jieba found it as a word first. */
  function queryTerms(query) {
    var s = normalise(query);
    var required = [], optional = [], seen = {};
    if (s.length < 2) return { text: s, required: required, optional: optional, tooShort: s.length === 1 };
    for (var i = 0; i + 2 <= s.length; i++) {
      var p = s.slice(i, i + 2);
      if (!seen[p]) { seen[p] = 1; required.push(p); }
    }
    if (s.length >= 3) optional.push(s);
    return { text: s, required: required, optional: optional };
  }

  /* The shard a term lives in: 32-bit FNV-1a of its UTF-8 bytes (as sitegen/search/terms.py). */
  var encoder = typeof TextEncoder !== "undefined" ? new TextEncoder() : null;
  function shardOf(term, count) {
    var bytes = encoder.encode(term), h = 2166136261;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h % count;
  }

  function shardsFor(terms, count) {
    var set = {};
    terms.required.concat(terms.optional).forEach(function (t) { set[shardOf(t, count)] = 1; });
    return Object.keys(set).map(Number);
  }

  /* Run the query over the shards that hold its terms (``indexes``: shard number → lunr
   * index). An article must match every required term, whichever shard holds it; its
   * score is the sum of its shard scores. Returns [{ref, score}] best first. */
  function runQuery(lunr, indexes, terms, count) {
    if (!terms.required.length) return [];
    var byShard = {};
    terms.required.forEach(function (t) { var n = shardOf(t, count); (byShard[n] = byShard[n] || { req: [], opt: [] }).req.push(t); });
    terms.optional.forEach(function (t) { var n = shardOf(t, count); (byShard[n] = byShard[n] || { req: [], opt: [] }).opt.push(t); });
    var scores = null, bonus = {};
    Object.keys(byShard).forEach(function (n) {
      var part = byShard[n], index = indexes[n];
      var found = index.query(function (q) {
        part.req.forEach(function (t) { q.term(t, { presence: lunr.Query.presence.REQUIRED, usePipeline: false }); });
        part.opt.forEach(function (t) { q.term(t, { boost: 5, usePipeline: false }); });
      });
      if (!part.req.length) { found.forEach(function (r) { bonus[r.ref] = (bonus[r.ref] || 0) + r.score; }); return; }
      var mine = {};
      found.forEach(function (r) { mine[r.ref] = r.score; });
      if (scores === null) { scores = mine; return; }
      var both = {};
      Object.keys(scores).forEach(function (ref) { if (ref in mine) both[ref] = scores[ref] + mine[ref]; });
      scores = both;
    });
    return Object.keys(scores || {}).map(function (ref) {
      return { ref: ref, score: scores[ref] + (bonus[ref] || 0) };
    }).sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
  }

  /* Letters and digits of a text with where each came from, to find a query in it. */
  function normalisedWithPositions(text) {
    var chars = [], pos = [];
    var i = 0;
    for (var ch of String(text)) {
      var n = normalise(ch);
      for (var c of n) { chars.push(c); pos.push(i); }
      i += ch.length;
    }
    return { text: chars.join(""), pos: pos };
  }

  function countMatches(text, query) {
    if (!query) return 0;
    var hay = normalise(text), n = 0, at = hay.indexOf(query);
    while (at !== -1) { n++; at = hay.indexOf(query, at + query.length); }
    return n;
  }

  /* Results whose text holds the query as written come first, ordered by how densely
   * they use it (occurrences per character, as BM25 normalises term frequency by length);
   * lunr's score orders the rest. */
  function rerank(results, textOf, query) {
    return results.map(function (r, i) {
      var text = textOf(r);
      var hits = text == null ? 0 : countMatches(text, query);
      var density = hits ? hits / Math.max(normalise(text).length, 1) : 0;
      return { r: r, hits: hits, density: density, i: i };
    }).sort(function (a, b) {
      return (b.hits > 0) - (a.hits > 0) || b.density - a.density || a.i - b.i;
    }).map(function (x) { return x.r; });
  }

  /* A snippet around the first match: [before, match, after] as plain strings. */
  function snippet(text, query, radius) {
    radius = radius || 40;
    text = String(text);
    var norm = normalisedWithPositions(text);
    var at = query ? norm.text.indexOf(query) : -1;
    if (at === -1) return [text.slice(0, radius * 2) + (text.length > radius * 2 ? "…" : ""), "", ""];
    var start = norm.pos[at], endChar = norm.pos[at + query.length - 1];
    var end = endChar + (text.codePointAt(endChar) > 0xffff ? 2 : 1);
    var from = Math.max(0, start - radius), to = Math.min(text.length, end + radius);
    return [(from > 0 ? "…" : "") + text.slice(from, start), text.slice(start, end),
            text.slice(end, to) + (to < text.length ? "…" : "")];
  }

  var RERANK = 20;   // results whose snippet text is fetched to put exact matches first
  var FACETS = 200;  // results whose stored fields are fetched for the filters' counts

  /* A reader's search session: fetches only what each query needs (the manifest, the index
   * shards of its terms, stored fields and snippet text of the results near the top) and
   * keeps what it fetched for the next query. ``fetchJSON(name)`` returns a promise of the
   * parsed file ``name`` under search/ (fetch in the browser, a file read in Node). */
  function Searcher(lunr, fetchJSON) {
    var manifest = null, shards = {}, chunks = { docs: {}, text: {} };
    function loadManifest() {
      if (!manifest) manifest = fetchJSON("manifest.json");
      return manifest;
    }
    function loadShard(n) {
      if (!shards[n]) shards[n] = fetchJSON("index/" + n + ".json").then(function (data) { return lunr.Index.load(data); });
      return shards[n];
    }
    function chunk(kind, ref) {
      return manifest.then(function (m) {
        var c = Math.floor(ref / m.chunk);
        if (!chunks[kind][c]) chunks[kind][c] = fetchJSON(kind + "/" + c + ".json");
        return chunks[kind][c].then(function (arr) { return arr[ref % m.chunk]; });
      });
    }
    /* Ranked hits [{ref, score, doc, text}] for a query: ``doc`` (stored fields) is there for
     * the first FACETS, ``text`` for the first RERANK; chunk() fetches the rest on demand. */
    function search(query) {
      var terms = queryTerms(query);
      if (!terms.required.length) return Promise.resolve({ query: query, terms: terms, hits: [], total: 0 });
      return loadManifest().then(function (m) {
        var needed = shardsFor(terms, m.shards);
        return Promise.all(needed.map(loadShard)).then(function (indexes) {
          var byNumber = {};
          needed.forEach(function (n, i) { byNumber[n] = indexes[i]; });
          var hits = runQuery(lunr, byNumber, terms, m.shards).map(function (r) {
            return { ref: parseInt(r.ref, 10), score: r.score };
          });
          var head = hits.slice(0, Math.max(RERANK, FACETS)), top = head.slice(0, RERANK);
          return Promise.all([
            Promise.all(head.map(function (h) { return chunk("docs", h.ref); })),
            Promise.all(top.map(function (h) { return chunk("text", h.ref); }))
          ]).then(function (got) {
            head.forEach(function (h, i) { h.doc = got[0][i]; });
            top.forEach(function (h, i) { h.text = got[1][i]; });
            var ranked = rerank(top, function (h) { return h.text; }, terms.text).concat(hits.slice(RERANK));
            return { query: query, terms: terms, hits: ranked, total: hits.length };
          });
        });
      });
    }
    return { search: search, chunk: chunk };
  }

  var api = { normalise: normalise, queryTerms: queryTerms, shardOf: shardOf, shardsFor: shardsFor,
              runQuery: runQuery, rerank: rerank, snippet: snippet, countMatches: countMatches,
              Searcher: Searcher, RERANK: RERANK, FACETS: FACETS };
  root.SitegenSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : this);
