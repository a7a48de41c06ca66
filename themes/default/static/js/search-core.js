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

  /* A term's score in one article, as lunr stored it in the article's field vector (BM25,
   * computed at build time); 0 when the article lacks the term. */
  function termScore(index, field, ref, termIndex) {
    var vector = index.fieldVectors[field + "/" + ref];
    if (!vector) return 0;
    var e = vector.elements, lo = 0, hi = e.length / 2 - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, at = e[mid * 2];
      if (at === termIndex) return e[mid * 2 + 1];
      if (at < termIndex) lo = mid + 1; else hi = mid - 1;
    }
    return 0;
  }

  /* One shard's part of a query: {ref: score} of the articles holding every required term,
   * or, with no required terms here, the optional terms' scores as a bonus. The score is
   * what lunr's own Index.query gives (its dot product of query and field vectors), times the
   * query vector's length, so that shards add up; it is computed here from the loaded
   * index because lunr's query builds an object per matching article per term, too slow
   * for terms that most articles hold. */
  function scoreShard(index, required, optional, boost) {
    var field = index.fields[0], inv = index.invertedIndex;
    var req = [];
    for (var i = 0; i < required.length; i++) {
      var entry = inv[required[i]];
      if (!entry) return {};
      req.push({ postings: entry[field], at: entry._index, size: Object.keys(entry[field]).length });
    }
    req.sort(function (a, b) { return a.size - b.size; });
    var opt = optional.map(function (t) { return inv[t]; }).filter(Boolean);
    var out = {}, refs;
    if (req.length) {
      refs = Object.keys(req[0].postings).filter(function (ref) {
        for (var k = 1; k < req.length; k++) if (!(ref in req[k].postings)) return false;
        return true;
      });
    } else {
      var union = {};
      opt.forEach(function (entry) { Object.keys(entry[field]).forEach(function (ref) { union[ref] = 1; }); });
      refs = Object.keys(union);
    }
    refs.forEach(function (ref) {
      var score = 0;
      req.forEach(function (r) { score += termScore(index, field, ref, r.at); });
      opt.forEach(function (entry) { if (ref in entry[field]) score += boost * termScore(index, field, ref, entry._index); });
      out[ref] = score;
    });
    return out;
  }

  /* Run the query over the shards that hold its terms (``indexes``: shard number → lunr
   * index). An article must hold every required term, whichever shard holds it; its score
   * is the sum of its shard scores, optional terms (whole words) boosted. Returns
   * [{ref, score}] best first. */
  var BOOST = 5;
  function runQuery(lunr, indexes, terms, count) {
    if (!terms.required.length) return [];
    var byShard = {};
    function add(kind) {
      return function (t) {
        var n = shardOf(t, count);
        (byShard[n] = byShard[n] || { req: [], opt: [] })[kind].push(t);
      };
    }
    terms.required.forEach(add("req"));
    terms.optional.forEach(add("opt"));
    var scores = null, bonus = {};
    var parts = Object.keys(byShard).sort(function (a, b) { return byShard[b].req.length - byShard[a].req.length; });
    for (var i = 0; i < parts.length; i++) {
      var part = byShard[parts[i]];
      var mine = scoreShard(indexes[parts[i]], part.req, part.opt, BOOST);
      if (!part.req.length) { Object.keys(mine).forEach(function (r) { bonus[r] = (bonus[r] || 0) + mine[r]; }); continue; }
      if (scores === null) { scores = mine; continue; }
      var both = {};
      Object.keys(scores).forEach(function (ref) { if (ref in mine) both[ref] = scores[ref] + mine[ref]; });
      scores = both;
    }
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

  var RERANK = 20;   // results whose text is fetched to put exact matches first: the first page

  /* A reader's search session: fetches only what each query needs (the manifest, the index
   * shards of its terms, the stored fields and text of the results shown) and keeps what it
   * fetched for the next query. ``fetchJSON(name)`` returns a promise of the parsed file
   * ``name`` under search/ (fetch in the browser, a file read in Node).
   * The archive's index comes in slices of whole years, newest first: a query searches the
   * newest slice, and older ones until it has a page of results or the reader asks for more. */
  function Searcher(lunr, fetchJSON) {
    var manifest = null, shards = {}, docs = {}, facets = null;
    function loadManifest() {
      if (!manifest) manifest = fetchJSON("manifest.json");
      return manifest;
    }
    function loadShard(slice, n) {
      var name = "index/" + slice + "/" + n + ".json";
      if (!shards[name]) shards[name] = fetchJSON(name).then(function (data) { return lunr.Index.load(data); });
      return shards[name];
    }
    /* An article's stored fields: u (URL), t (headline), d (date), p (page), k (kind),
     * ds (districts), tg (tags), x (text for snippets). */
    function doc(ref) {
      if (!docs[ref]) docs[ref] = fetchJSON("docs/" + ref + ".json");
      return docs[ref];
    }
    /* Every article's year, districts and tags as numbers into the lists given with them. */
    function loadFacets() {
      if (!facets) facets = fetchJSON("facets.json");
      return facets;
    }
    function searchSlice(m, slice, terms) {
      var count = m.slices[slice].shards, needed = shardsFor(terms, count);
      return Promise.all(needed.map(function (n) { return loadShard(slice, n); })).then(function (indexes) {
        var byNumber = {};
        needed.forEach(function (n, i) { byNumber[n] = indexes[i]; });
        return runQuery(lunr, byNumber, terms, count);
      });
    }
    /* Every hit [{ref, score}] in the slices searched, newest slice first, best first within
     * a slice; the first RERANK carry ``doc`` and are ordered by how densely their text uses
     * the query. At least ``slices`` slices are searched (1 when not given), more while
     * there are fewer than RERANK hits. ``searched``: the slices searched; ``slices``: all. */
    function search(query, slices) {
      var terms = queryTerms(query);
      return loadManifest().then(function (m) {
        var hits = [], i = 0;
        function step() {
          if (!terms.required.length || i >= m.slices.length || (i >= (slices || 1) && hits.length >= RERANK)) {
            return finish(m);
          }
          return searchSlice(m, i, terms).then(function (found) {
            found.forEach(function (r) { hits.push({ ref: parseInt(r.ref, 10), score: r.score }); });
            i++;
            return step();
          });
        }
        function finish(m) {
          var top = hits.slice(0, RERANK);
          return Promise.all(top.map(function (h) { return doc(h.ref); })).then(function (got) {
            top.forEach(function (h, k) { h.doc = got[k]; });
            var ranked = rerank(top, function (h) { return h.doc.x; }, terms.text).concat(hits.slice(RERANK));
            return { query: query, terms: terms, hits: ranked, total: hits.length, searched: m.slices.slice(0, i),
                     slices: m.slices };
          });
        }
        return step();
      });
    }
    return { search: search, doc: doc, facets: loadFacets };
  }

  var api = { normalise: normalise, queryTerms: queryTerms, shardOf: shardOf, shardsFor: shardsFor,
              runQuery: runQuery, scoreShard: scoreShard, rerank: rerank, snippet: snippet,
              countMatches: countMatches, Searcher: Searcher, RERANK: RERANK, BOOST: BOOST };
  root.SitegenSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : this);
