/* sitegen search core: the same cutting of text as sitegen/search/terms.py, plus query,
 * ranking and snippet logic shared by the search page and the Node tests. */
(function (root) {
  "use strict";
  var NOT_WORD = /[^\p{L}\p{N}]+/gu;

  function normalise(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(NOT_WORD, "");
  }

  /* The query as index terms: every pair of adjacent characters is required (so the
   * article must contain the whole query), every longer piece is an optional boost. */
  function queryTerms(query) {
    var s = normalise(query);
    var required = [], optional = [], prefix = [];
    if (s.length === 1) { prefix.push(s); return { text: s, required: required, optional: optional, prefix: prefix }; }
    var seen = {};
    for (var i = 0; i + 2 <= s.length; i++) {
      var p = s.slice(i, i + 2);
      if (!seen[p]) { seen[p] = 1; required.push(p); }
    }
    for (var len = 3; len <= Math.min(s.length, 8); len++) {
      for (var j = 0; j + len <= s.length; j++) {
        var w = s.slice(j, j + len);
        if (!seen[w]) { seen[w] = 1; optional.push(w); }
      }
    }
    return { text: s, required: required, optional: optional, prefix: prefix };
  }

  function runQuery(lunr, index, terms) {
    if (!terms.text) return [];
    return index.query(function (q) {
      terms.required.forEach(function (t) {
        q.term(t, { presence: lunr.Query.presence.REQUIRED, usePipeline: false });
      });
      terms.optional.forEach(function (t) { q.term(t, { boost: 5, usePipeline: false }); });
      terms.prefix.forEach(function (t) {
        q.term(t, { wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.REQUIRED, usePipeline: false });
      });
    });
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

  var api = { normalise: normalise, queryTerms: queryTerms, runQuery: runQuery, rerank: rerank,
              snippet: snippet, countMatches: countMatches };
  root.SitegenSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : this);
