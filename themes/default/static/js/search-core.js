/* sitegen search core: the same cutting of text as sitegen/search/terms.py, the index
 * shards read back into lunr indexes, and the query, ranking, filters and snippets shared by
 * the search page and the Node tests. */
(function (root) {
  "use strict";
  var NOT_WORD = /[^\p{L}\p{N}]+/gu;

  function normalise(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(NOT_WORD, "");
  }

  /* What a reader typed, as parts: each piece in quotes ("…", “…”, 「…」, 『…』) is a phrase
   * that must stand as written; the rest is cut at spaces, and each word must stand as
   * written for a full match, while an article holding all of a word's characters in pairs,
   * but not in a row, is a partial match. Every part reduced as the index was (NFKC, lower
   * case, letters and digits). */
  var QUOTED = /(["“][^"”]*["”]?|「[^」]*」?|『[^』]*』?)/;
  function parseQuery(query) {
    var parts = [], at = {};
    String(query).split(QUOTED).forEach(function (piece, i) {
      var quoted = i % 2 === 1;                 // split() puts what the group caught at odd places
      (quoted ? [piece.slice(1)] : piece.split(/\s+/)).forEach(function (w) {
        var text = normalise(w);
        if (!text) return;
        if (text in at) { parts[at[text]].phrase = parts[at[text]].phrase || quoted; return; }
        at[text] = parts.length;
        parts.push({ text: text, phrase: quoted });
      });
    });
    return parts;
  }

  /* The query as index terms: one character is looked up as itself; longer parts by their
   * pairs of adjacent characters, all required, and (three characters and more) as a
   * whole word jieba may have cut, optional, which ranks such articles first. */
  function queryTerms(query) {
    var parts = parseQuery(query);
    var required = [], optional = [], seen = {};
    function need(list, t) { if (!seen[t]) { seen[t] = 1; list.push(t); } }
    parts.forEach(function (p) {
      var s = p.text;
      p.pairs = [];
      if (s.length === 1) { need(required, s); return; }
      for (var i = 0; i + 2 <= s.length; i++) { p.pairs.push(s.slice(i, i + 2)); need(required, s.slice(i, i + 2)); }
      if (s.length >= 3) need(optional, s);
    });
    return { text: parts.map(function (p) { return p.text; }).join(" "), parts: parts,
             required: required, optional: optional, phrase: parts.some(function (p) { return p.phrase; }) };
  }

  /* The shard a term lives in: 32-bit FNV-1a of the UTF-8 bytes of its first two characters
   * (as sitegen/search/terms.py), so a word lives with its first pair. */
  var encoder = typeof TextEncoder !== "undefined" ? new TextEncoder() : null;
  function shardOf(term, count) {
    var bytes = encoder.encode(Array.from(term).slice(0, 2).join("")), h = 2166136261;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h % count;
  }

  function shardsFor(terms, count) {
    var set = {};
    terms.required.concat(terms.optional).forEach(function (t) { set[shardOf(t, count)] = 1; });
    return Object.keys(set).map(Number);
  }

  /* gzip bytes inflated (the shards and stored fields are stored gzipped, so they are as
   * small on disk as on the wire); bytes a server already inflated pass as they are. */
  function inflate(bytes) {
    if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) return Promise.resolve(bytes);
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("这个浏览器太旧，不能解压搜索文件（需要 Chrome 80、Firefox 113、Safari 16.4 或更新的版本）"));
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  var decoder = typeof TextDecoder !== "undefined" ? new TextDecoder() : null;
  function parseJSON(bytes) { return JSON.parse(decoder.decode(bytes)); }

  /* Reading varints from ``bytes`` after a three-byte magic (``magic``): next() is the
   * next number, ``at`` where the reading stands. */
  function varints(bytes, magic, what) {
    for (var i = 0; i < 3; i++) if (bytes[i] !== magic.charCodeAt(i)) throw new Error("not " + what);
    var r = { at: 3 };
    r.next = function () {
      var n = 0, shift = 0, b;
      do { b = bytes[r.at++]; n += (b & 127) * Math.pow(2, shift); shift += 7; } while (b >= 128);
      return n;
    };
    return r;
  }

  /* A shard (sitegen/search/encoding.py) back into a lunr index, built as lunr's own Builder
   * builds one from these documents: BM25 with k1 1.2 and b 0.75 over each article's length
   * in this shard's terms, scores to three places. Its positions come later, if needed
   * (readPositions). ``common``: the terms it names as kept in the file beside it (their
   * own lunr index, read the same way), with their document frequency. */
  function readShard(lunr, bytes) {
    var r = varints(bytes, "SG3", "a search shard"), num = r.next;
    function heads() {
      var count = num(), out = [];
      for (var i = 0; i < count; i++) {
        var size = num(), term = decoder.decode(bytes.subarray(r.at, r.at + size));
        r.at += size;
        out.push({ term: term, df: num(), posBytes: 0 });
      }
      return out;
    }
    var terms = heads(), common = Object.create(null);
    heads().forEach(function (t) { common[t.term] = t.df; });
    terms.forEach(function (t) {
      var refs = new Uint32Array(t.df), ref = 0;
      for (var k = 0; k < t.df; k++) { ref += num(); refs[k] = ref; }
      t.refs = refs;
    });
    terms.forEach(function (t) {
      var tfs = new Uint32Array(t.df);
      for (var k = 0; k < t.df; k++) tfs[k] = num();
      t.tfs = tfs;
    });
    var byTerm = Object.create(null);
    terms.forEach(function (t) { byTerm[t.term] = t; });
    return { terms: terms, byTerm: byTerm, common: common, pos: null, index: lunrIndex(lunr, terms) };
  }

  /* A shard's positions file read into the shard: where each term's positions begin. */
  function readPositions(shard, bytes) {
    var r = varints(bytes, "SP1", "a positions file"), count = r.next(), sizes = [];
    if (count !== shard.terms.length) throw new Error("positions of another shard");
    for (var i = 0; i < count; i++) sizes.push(r.next());
    var at = r.at;
    shard.terms.forEach(function (t, k) { t.posAt = at; t.posBytes = sizes[k]; at += sizes[k]; });
    shard.pos = bytes;
    return shard;
  }

  /* A file of a shard's common terms' best postings (encoding.best_bytes) as a lunr index
   * whose field vectors hold the scores computed at build time (BM25 over the whole slice,
   * of ``articles`` articles: the idf is multiplied in here);
   * each term keeps its document frequency in the slice (``df``) and its lowest best score
   * (``least``: an article not among its best scores no more than that). */
  var SCORE_SCALE = 1000;
  function readBest(lunr, bytes, articles) {
    var r = varints(bytes, "SB1", "a file of best postings"), num = r.next, count = num(), terms = [];
    for (var i = 0; i < count; i++) {
      var size = num(), term = decoder.decode(bytes.subarray(r.at, r.at + size));
      r.at += size;
      terms.push({ term: term, df: num(), n: num(), posBytes: 0 });
    }
    terms.forEach(function (t) {
      var refs = new Uint32Array(t.n), ref = 0;
      for (var k = 0; k < t.n; k++) { ref += num(); refs[k] = ref; }
      t.refs = refs;
    });
    terms.forEach(function (t) {
      var scores = new Float64Array(t.n), least = Infinity, idf = idfOf(articles, t.df);
      for (var k = 0; k < t.n; k++) { scores[k] = idf * num() / SCORE_SCALE; if (scores[k] < least) least = scores[k]; }
      t.scores = scores;
      t.least = t.n ? least : 0;
    });
    var byTerm = Object.create(null);
    terms.forEach(function (t) { byTerm[t.term] = t; });
    var index = scoredIndex(lunr, terms, function (t) { return t.n; }, function (t, k) { return t.scores[k]; });
    return { terms: terms, byTerm: byTerm, common: Object.create(null), best: true, index: index };
  }

  /* The rest of a shard's common terms (encoding.rest_bytes): every posting and position,
   * read as a shard and its positions file. */
  function readRest(lunr, bytes) {
    var r = varints(bytes, "SR1", "the rest of a shard's common terms"), size = r.next(), at = r.at;
    var shard = readShard(lunr, bytes.subarray(at, at + size));
    return readPositions(shard, bytes.subarray(at + size));
  }

  var FIELD = "text";
  var NO_METADATA = Object.freeze({});     // lunr reads a posting's metadata, never writes it
  function lunrIndex(lunr, terms) {
    var lengths = Object.create(null), n = 0, total = 0;
    terms.forEach(function (t) {
      for (var k = 0; k < t.df; k++) {
        var r = t.refs[k];
        if (lengths[r] === undefined) { lengths[r] = 0; n++; }
        lengths[r] += t.tfs[k];
        total += t.tfs[k];
      }
    });
    var average = n ? total / n : 0, k1 = 1.2, b = 0.75;
    return scoredIndex(lunr, terms, function (t) { return t.df; }, function (t, k) {
      var r = t.refs[k], tf = t.tfs[k], idf = Math.log(1 + Math.abs((n - t.df + 0.5) / (t.df + 0.5)));
      var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (lengths[r] / average)) + tf);
      return Math.round(1e3 * score) / 1e3;
    });
  }

  /* A lunr index of terms whose first count(t) postings, t.refs, carry scoreOf(t, k) each. */
  function scoredIndex(lunr, terms, count, scoreOf) {
    var inverted = Object.create(null), elements = Object.create(null);
    terms.forEach(function (t, i) {
      var posting = Object.create(null);
      for (var k = 0, n = count(t); k < n; k++) {
        var r = t.refs[k];
        posting[r] = NO_METADATA;
        (elements[r] = elements[r] || []).push(i, scoreOf(t, k));
      }
      var entry = { _index: i };
      entry[FIELD] = posting;
      inverted[t.term] = entry;
    });
    var vectors = Object.create(null);
    Object.keys(elements).forEach(function (r) { vectors[FIELD + "/" + r] = new lunr.Vector(elements[r]); });
    var index = new lunr.Index({ invertedIndex: inverted, fieldVectors: vectors, tokenSet: null,
                                 fields: [FIELD], pipeline: new lunr.Pipeline() });
    return lazyTokenSet(lunr, index, inverted);
  }

  // lunr's own query walks the terms' trie; the page's scoring does not, so it is built
  // the first time lunr asks for it.
  function lazyTokenSet(lunr, index, inverted) {
    var tokenSet = null;
    Object.defineProperty(index, "tokenSet", { get: function () {
      if (!tokenSet) {
        var builder = new lunr.TokenSet.Builder();
        Object.keys(inverted).sort().forEach(function (t) { builder.insert(t); });
        builder.finish();
        tokenSet = builder.root;
      }
      return tokenSet;
    } });
    return index;
  }

  /* Where ``term`` stands in article ``ref`` (positions of a pair; [] when absent). */
  function positions(shard, term, ref) {
    var t = shard.byTerm[term];
    if (!t || !t.posBytes) return [];
    var lo = 0, hi = t.df - 1, k = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (t.refs[mid] === ref) { k = mid; break; }
      if (t.refs[mid] < ref) lo = mid + 1; else hi = mid - 1;
    }
    if (k < 0) return [];
    if (!t.starts) {           // where each article's positions begin, found once per term
      var bytes = shard.pos, at = t.posAt;
      t.starts = new Uint32Array(t.df);
      for (var j = 0; j < t.df; j++) {
        t.starts[j] = at;
        var count = 0, shift = 0, b;
        do { b = bytes[at++]; count += (b & 127) * Math.pow(2, shift); shift += 7; } while (b >= 128);
        for (var c = 0; c < count; c++) { do { b = bytes[at++]; } while (b >= 128); }
      }
    }
    var bytes2 = shard.pos, p = t.starts[k], out = [];
    function num() {
      var v = 0, s = 0, x;
      do { x = bytes2[p++]; v += (x & 127) * Math.pow(2, s); s += 7; } while (x >= 128);
      return v;
    }
    var m = num(), pos = 0;
    for (var q = 0; q < m; q++) { pos += num(); out.push(pos); }
    return out;
  }

  /* The pairs that decide whether an article holding every pair of a part holds the part as
   * written: pairs that between them cover each of its characters (its first pair, its last,
   * and enough between), chosen so that the fewest articles' positions are read (``df``:
   * a pair's articles). One character or one pair needs none. [{pair, at}], first at 0. */
  function coverOf(part, df) {
    var n = part.pairs.length;                    // pairs at 0 … n-1, characters 0 … n
    if (n <= 1) return [];
    // best[i]: the cheapest cover of characters 0 … i+1 whose last pair stands at i
    var best = [], from = [];
    for (var i = 0; i < n; i++) {
      var own = df(part.pairs[i]);
      if (i === 0) { best.push(own); from.push(-1); continue; }
      var b = Infinity, f = -1;
      for (var j = Math.max(0, i - 2); j < i; j++) if (best[j] < b) { b = best[j]; f = j; }
      best.push(b + own); from.push(f);
    }
    var out = [];
    for (var k = n - 1; k !== -1; k = from[k]) out.unshift({ pair: part.pairs[k], at: k });
    return out;
  }

  /* Does an article that holds every pair of a part hold the part as written: a place where
   * the first pair of its cover stands and each other pair as far on as in the part? */
  function holds(cover, where) {
    if (!cover.length) return true;
    var lists = cover.map(function (c) { return where(c.pair); });
    var later = lists.slice(1).map(function (l) { var s = new Set(); l.forEach(function (x) { s.add(x); }); return s; });
    return lists[0].some(function (a) {
      for (var i = 0; i < later.length; i++) if (!later[i].has(a + cover[i + 1].at)) return false;
      return true;
    });
  }

  /* A term's score in one article, as lunr stored it in the article's field vector (BM25,
   * computed when the shard was read); 0 when the article lacks the term. */
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
   * query vector's length, so that shards add up; it is computed here from the index
   * because lunr's query builds an object per matching article per term, too slow for
   * terms that most articles hold. */
  function scoreShard(index, required, optional, boost, weights) {
    var w = weights || {};
    function weight(t) { return t in w ? w[t] : 1; }
    var field = index.fields[0], inv = index.invertedIndex;
    var req = [];
    for (var i = 0; i < required.length; i++) {
      var entry = inv[required[i]];
      if (!entry) return {};
      req.push({ postings: entry[field], at: entry._index, size: Object.keys(entry[field]).length, w: weight(required[i]) });
    }
    req.sort(function (a, b) { return a.size - b.size; });
    var opt = optional.filter(function (t) { return inv[t]; }).map(function (t) {
      var entry = inv[t];
      return { postings: entry[field], at: entry._index, w: weight(t) };
    });
    var out = {}, refs;
    if (req.length) {
      refs = Object.keys(req[0].postings).filter(function (ref) {
        for (var k = 1; k < req.length; k++) if (!(ref in req[k].postings)) return false;
        return true;
      });
    } else {
      var union = {};
      opt.forEach(function (o) { Object.keys(o.postings).forEach(function (ref) { union[ref] = 1; }); });
      refs = Object.keys(union);
    }
    refs.forEach(function (ref) {
      var score = 0;
      req.forEach(function (r) { score += r.w * termScore(index, field, ref, r.at); });
      opt.forEach(function (o) { if (ref in o.postings) score += o.w * boost * termScore(index, field, ref, o.at); });
      out[ref] = score;
    });
    return out;
  }

  /* lunr's idf, of a term ``df`` of ``n`` articles hold. */
  function idfOf(n, df) { return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5))); }

  /* How many articles of a slice hold a term (its shard says so, for a common term too). */
  function dfIn(shards, t, count) {
    var shard = shards[shardOf(t, count)];
    if (!shard) return 0;
    var own = shard.byTerm[t];
    return own ? own.df : (t in shard.common ? shard.common[t] : 0);
  }

  /* Each file's scores as the whole archive weighs a term: lunr's idf in a file counts only
   * the file's articles (a slice's, for best postings), so a term's scores are taken times
   * its idf over the archive (``m.count`` articles, its document frequency summed over the
   * slices) over the idf the file scored it with; so slices of every size rank alike.
   * ``loaded``: each slice's read files; ``kind``: which files beside hold common terms. */
  function weightsOf(m, loaded, terms, kind) {
    var all = terms.required.concat(terms.optional), global = {};
    all.forEach(function (t) {
      var df = 0;
      loaded.forEach(function (shards, i) { df += dfIn(shards, t, m.slices[i].shards); });
      global[t] = idfOf(m.count, df);
    });
    return loaded.map(function (shards, i) {
      var w = {}, count = m.slices[i].shards;
      all.forEach(function (t) {
        var file = shards[unitOf(shards, t, count, kind)], own = file && file.byTerm[t];
        if (!own) return;
        if (file.docs === undefined) file.docs = file.best ? m.slices[i].count : Object.keys(file.index.fieldVectors).length;
        var local = idfOf(file.docs, own.df);
        if (local > 0) w[t] = global[t] / local;
      });
      return w;
    });
  }

  /* Which read index holds a term: its shard (a number), or, for a term its shard names as
   * common, a file beside it: the number and "r" (every posting, for the exact count) or,
   * with ``kind`` "c", the number and "c" (the best postings, for a first page).
   * ``shards``: those keys → read shards. */
  function unitOf(shards, term, count, kind) {
    var n = shardOf(term, count), shard = shards[n];
    return shard && term in shard.common ? n + (kind || "r") : String(n);
  }

  /* The files beside the shards that a query's common terms need (the shards read):
   * their rest ("r"), or their best postings (``kind`` "c"). */
  function commonUnits(shards, terms, count, kind) {
    var set = {};
    terms.required.concat(terms.optional).forEach(function (t) {
      var u = unitOf(shards, t, count, kind);
      if (!shards[u]) set[u] = 1;
    });
    return Object.keys(set);
  }

  /* Score the query over the shards that hold its terms (``shards``: shard number, or the
   * number and "c" for the file of common terms beside, → read shard). An article must hold
   * every required term, whichever shard holds it; its score is the sum of its shard
   * scores, optional terms (whole words) boosted. Returns
   * {scores, bonus, covers}: the articles that hold every pair and their scores, the optional
   * terms' part, and each part's cover (the pairs whose positions decide a full match). */
  var BOOST = 5;
  function scoreQuery(shards, terms, count, weights) {
    if (!terms.required.length) return { scores: {}, bonus: {}, covers: [] };
    var byShard = {};
    function add(kind) {
      return function (t) {
        var n = unitOf(shards, t, count);
        (byShard[n] = byShard[n] || { req: [], opt: [] })[kind].push(t);
      };
    }
    terms.required.forEach(add("req"));
    terms.optional.forEach(add("opt"));
    var scores = null, bonus = {};
    var parts = Object.keys(byShard).sort(function (a, b) { return byShard[b].req.length - byShard[a].req.length; });
    for (var i = 0; i < parts.length; i++) {
      var part = byShard[parts[i]];
      var mine = scoreShard(shards[parts[i]].index, part.req, part.opt, BOOST, weights);
      if (!part.req.length) { Object.keys(mine).forEach(function (r) { bonus[r] = (bonus[r] || 0) + mine[r]; }); continue; }
      if (scores === null) { scores = mine; continue; }
      var both = {};
      Object.keys(scores).forEach(function (ref) { if (ref in mine) both[ref] = scores[ref] + mine[ref]; });
      scores = both;
    }
    function df(pair) {
      var t = shards[unitOf(shards, pair, count)].byTerm[pair];
      return t ? t.df : 0;
    }
    return { scores: scores || {}, bonus: bonus, covers: terms.parts.map(function (p) { return coverOf(p, df); }) };
  }

  /* The positions files a scored query still needs: those of its covers' pairs, when some
   * article holds every pair. */
  function positionShards(shards, scored, count) {
    var set = {};
    if (!Object.keys(scored.scores).length) return [];
    scored.covers.forEach(function (cover) { cover.forEach(function (c) { set[unitOf(shards, c.pair, count)] = 1; }); });
    return Object.keys(set);
  }

  /* One slice's part of a first page, read from its shards and, for its common terms, their
   * best postings only: candidates [{ref, score, known, full}], where ``known`` says the
   * article is known to hold every required term (else its text will tell), and ``full`` is
   * true when it is known to hold every part as written (a part of one or two characters that
   * it holds, or a longer one whose whole word it was indexed under), null when its text is
   * to tell. A common term's score for an article outside its best postings is taken as its
   * lowest best score (it is no higher). ``exact``: nothing was left out or left to tell (no
   * common term, no part of three characters or more), so these are the slice's hits. */
  function quickSlice(shards, terms, count, weights) {
    // the parts whose pairs a first page did not all fetch: their articles' text tells (or their word)
    var thin = terms.parts.filter(function (p) { return p.skipped; });
    var w = weights || {};
    function look(t) {
      var shard = shards[unitOf(shards, t, count, "c")], entry = shard && shard.index.invertedIndex[t];
      if (!entry) return { term: t, kind: "none" };
      return { term: t, kind: shard.best ? "best" : "all", index: shard.index, at: entry._index,
               postings: entry[FIELD], least: shard.best ? shard.byTerm[t].least : 0, w: t in w ? w[t] : 1 };
    }
    var req = terms.required.map(look), opt = terms.optional.map(look);
    if (!req.length || req.some(function (r) { return r.kind === "none"; })) return { hits: [], exact: true, common: false };
    var all = req.filter(function (r) { return r.kind === "all"; }).sort(function (a, b) {
      return Object.keys(a.postings).length - Object.keys(b.postings).length;
    });
    var refs;
    if (all.length) {
      refs = Object.keys(all[0].postings).filter(function (ref) {
        for (var k = 1; k < all.length; k++) if (!(ref in all[k].postings)) return false;
        return true;
      });
    } else {                     // every required term common: the articles any of them, or a whole word, scores best in
      var union = {};
      req.concat(opt).forEach(function (r) {
        if (r.kind !== "none") Object.keys(r.postings).forEach(function (ref) { union[ref] = 1; });
      });
      refs = Object.keys(union);
    }
    var words = {};
    opt.forEach(function (o) { words[o.term] = o; });
    var exact = !req.concat(opt).some(function (r) { return r.kind === "best"; }) &&
                terms.parts.every(function (p) { return p.text.length <= 2; });
    var hits = refs.map(function (key) {
      var ref = parseInt(key, 10), score = 0, known = true;
      req.forEach(function (r) {
        if (key in r.postings) score += r.w * termScore(r.index, FIELD, key, r.at);
        else { known = false; score += r.w * r.least; }
      });
      opt.forEach(function (o) {
        if (o.kind !== "none" && key in o.postings) score += o.w * BOOST * termScore(o.index, FIELD, key, o.at);
      });
      function byWord(p) { var w = words[p.text]; return w && w.kind !== "none" && key in w.postings; }
      if (known && !thin.every(byWord)) known = false;
      var full = known;
      terms.parts.forEach(function (p) {
        if (p.text.length > 2 && !byWord(p)) full = null;      // its text will tell
      });
      return { ref: ref, score: score, known: known, full: full || null };
    });
    return { hits: hits, exact: exact, common: req.concat(opt).some(function (r) { return r.kind === "best"; }) };
  }

  /* The terms a first page fetches: of a part's pairs, every other one and the last, which
   * between them hold each of its characters (北京·市总·工会 of 北京市总工会); an article
   * holding those is checked in its text for the others (or holds the part's whole word). */
  function firstTerms(terms) {
    var required = [], seen = {};
    var parts = terms.parts.map(function (p) {
      var q = { text: p.text, phrase: p.phrase, pairs: p.pairs, skipped: false };
      if (p.text.length === 1) { if (!seen[p.text]) { seen[p.text] = 1; required.push(p.text); } return q; }
      p.pairs.forEach(function (pair, i) {
        if (i % 2 && i !== p.pairs.length - 1) { q.skipped = true; return; }
        if (!seen[pair]) { seen[pair] = 1; required.push(pair); }
      });
      return q;
    });
    return { text: terms.text, parts: parts, required: required, optional: terms.optional, phrase: terms.phrase };
  }

  /* Does an article's text (headline and text, and byline) hold ``s``? What a first page
   * tells its full and partial matches by, without the positions. */
  var FIELD_SEPARATOR = "\u001f";      // between headline and body in a stored ``x``
  function textHolds(doc, s) {
    if (!doc._fields) doc._fields = String(doc.x || "").split(FIELD_SEPARATOR).concat([doc.w || ""]).map(normalise);
    return doc._fields.some(function (field) { return field.indexOf(s) !== -1; });
  }

  /* A candidate of a first page checked in its text: null when it does not hold every
   * required term (no hit), else whether it holds every part as written (a part in quotes
   * not held so: no hit either). */
  function checked(hit, doc, terms) {
    if (!hit.known && !terms.required.every(function (t) { return textHolds(doc, t); })) return null;
    if (hit.full) return true;
    var full = true;
    for (var k = 0; k < terms.parts.length; k++) {
      if (textHolds(doc, terms.parts[k].text)) continue;
      if (terms.parts[k].phrase) return null;
      full = false;
    }
    return full;
  }

  /* An article that holds every part as written is a full match, the others partial (none
   * when a part in quotes is not held as written). Returns [{ref, score, full}], best first
   * (of equal scores, the newer: articles are numbered oldest first). */
  function classify(shards, terms, count, scored) {
    var out = [], scores = scored.scores, bonus = scored.bonus;
    Object.keys(scores).forEach(function (key) {
      var ref = parseInt(key, 10), full = true;
      function where(pair) { return positions(shards[unitOf(shards, pair, count)], pair, ref); }
      for (var k = 0; k < terms.parts.length; k++) {
        if (holds(scored.covers[k], where)) continue;
        if (terms.parts[k].phrase) return;        // a phrase in quotes is never partial
        full = false;
      }
      out.push({ ref: ref, score: scores[key] + (bonus[key] || 0), full: full });
    });
    return out.sort(byRank);
  }

  function byRank(a, b) { return (b.full - a.full) || b.score - a.score || b.ref - a.ref; }

  /* The query over shards already read, positions and all. */
  function runQuery(lunr, shards, terms, count) {
    return classify(shards, terms, count, scoreQuery(shards, terms, count));
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
    var hay = normalise(text), n = 0;
    String(query).split(" ").forEach(function (q) {
      if (!q) return;
      var at = hay.indexOf(q);
      while (at !== -1) { n++; at = hay.indexOf(q, at + q.length); }
    });
    return n;
  }

  /* Full matches ordered by how densely their text uses the query (occurrences per
   * character, as BM25 normalises term frequency by length); the rest keep their order. */
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

  /* A snippet around the first match of any part: [before, match, after] as plain strings. */
  function snippet(text, query, radius) {
    radius = radius || 40;
    text = String(text).split(FIELD_SEPARATOR).join(" ");
    var norm = normalisedWithPositions(text);
    var at = -1, q = "";
    String(query || "").split(" ").some(function (part) {
      var found = part ? norm.text.indexOf(part) : -1;
      if (found !== -1) { at = found; q = part; return true; }
      return false;
    });
    if (at === -1) return [text.slice(0, radius * 2) + (text.length > radius * 2 ? "…" : ""), "", ""];
    var start = norm.pos[at], endChar = norm.pos[at + q.length - 1];
    var end = endChar + (text.codePointAt(endChar) > 0xffff ? 2 : 1);
    var from = Math.max(0, start - radius), to = Math.min(text.length, end + radius);
    return [(from > 0 ? "…" : "") + text.slice(from, start), text.slice(start, end),
            text.slice(end, to) + (to < text.length ? "…" : "")];
  }

  /* The issues table (search/issues.gz): which issue (date) and 版 each article is in. */
  function Issues(table) {
    var runs = table.runs, starts = runs.map(function (r) { return r[2]; });
    function run(ref) {
      var lo = 0, hi = starts.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= ref) lo = mid; else hi = mid - 1; }
      return runs[lo];
    }
    return {
      date: function (ref) { return run(ref)[0]; },
      page: function (ref) { return run(ref)[1]; },
      /* Does the article fall within the options' dates, issue and 版? */
      passes: function (ref, o) {
        var r = run(ref), d = r[0];
        if (o.issue && d !== o.issue) return false;
        if (o.from && (!d || d < o.from)) return false;
        if (o.to && (!d || d > o.to)) return false;
        if (o.page && String(r[1]) !== String(o.page)) return false;
        return true;
      },
    };
  }

  function narrowed(o) { return !!(o && (o.from || o.to || o.issue || o.page)); }

  /* Hits in the order asked for: relevance (full matches first, the first page by how densely
   * it uses the query), or by date, newest or oldest first (articles are numbered oldest
   * first), full matches first either way. */
  function ordered(hits, sort) {
    if (sort !== "newest" && sort !== "oldest") return hits;
    var sign = sort === "newest" ? -1 : 1;
    return hits.slice().sort(function (a, b) { return (b.full - a.full) || sign * (a.ref - b.ref); });
  }

  var RERANK = 20;   // results whose text is fetched to order them: the first page
  var QUICK_CHECK = 2;   // a first page checks at most this many pages' worth of candidates in their text

  /* A reader's search session: fetches only what each query needs (the manifest, the index
   * shards of its terms in every slice of the archive, the positions of the pairs that decide
   * its words of three characters and more where some article holds all their pairs, the
   * stored fields and text of the results shown, the issues table when dates, an issue or a 版 narrow the search, or
   * results are grouped by issue) and keeps what it fetched for the next query.
   * ``fetchBytes(name)`` returns a promise of the bytes of the file ``name`` under search/
   * (fetch in the browser, a file read in Node). */
  function Searcher(lunr, fetchBytes) {
    var manifest = null, shards = {}, docs = {}, facets = null, issues = null;
    function load(name) { return fetchBytes(name).then(inflate); }
    function loadManifest() {
      if (!manifest) manifest = load("manifest.json").then(parseJSON);
      return manifest;
    }
    /* n: a shard's number, or its number and "c" (its common terms' best postings) or "r"
     * (the rest of them, positions and all). */
    function loadShard(slice, n) {
      var name = "index/" + slice + "/" + n + ".gz", kind = String(n).slice(-1);
      var read = kind === "c" ? readBest : kind === "r" ? readRest : readShard;
      if (!shards[name]) {
        shards[name] = Promise.all([load(name), loadManifest()]).then(function (got) {
          return read(lunr, got[0], got[1].slices[slice].count);
        });
      }
      return shards[name];
    }
    function loadPositions(slice, n) {
      if (String(n).slice(-1) === "r") return loadShard(slice, n);      // the rest holds its positions
      var name = "pos/" + slice + "/" + n + ".gz";
      if (!shards[name]) {
        shards[name] = Promise.all([loadShard(slice, n), load(name)]).then(function (got) {
          return readPositions(got[0], got[1]);
        });
      }
      return shards[name];
    }
    /* An article's stored fields: u (URL), t (headline), d (date), p (page), k (kind),
     * ds (districts), tg (tags), x (headline and text, for snippets), w (byline names); a few
     * adjacent articles to a file. */
    function doc(ref) {
      if (!docs[ref]) {
        docs[ref] = loadManifest().then(function (m) {
          var per = m.docs || 1, file = Math.floor(ref / per);
          if (!docs["file " + file]) {
            docs["file " + file] = load("docs/" + file + ".gz").then(parseJSON).then(function (list) {
              // the text begins with the headline, which is stored once, as ``t``
              list.forEach(function (d) { if (!d.n) d.x = d.t + d.x; });
              return list;
            });
          }
          return docs["file " + file].then(function (list) { return list[ref - file * per]; });
        });
      }
      return docs[ref];
    }
    /* Every article's year, districts and tags as numbers into the lists given with them. */
    function loadFacets() {
      if (!facets) facets = load("facets.gz").then(parseJSON);
      return facets;
    }
    function loadIssues() {
      if (!issues) issues = load("issues.gz").then(parseJSON).then(Issues);
      return issues;
    }
    /* One slice's files for a query: the shards of its terms first (they name the common
     * terms), then the files beside them its common terms need: their best postings (``kind``
     * "c") or the rest of them ("r"). */
    function loadSlice(m, slice, terms, kind) {
      var count = m.slices[slice].shards, byNumber = {};
      function into(keys) {
        return Promise.all(keys.map(function (n) { return loadShard(slice, n); })).then(function (read) {
          keys.forEach(function (n, i) { byNumber[n] = read[i]; });
        });
      }
      return into(shardsFor(terms, count)).then(function () { return into(commonUnits(byNumber, terms, count, kind)); })
        .then(function () { return byNumber; });
    }
    /* Every slice's hits, exactly: scored, then the positions that decide its words. */
    function searchSlices(m, terms) {
      return Promise.all(m.slices.map(function (s, i) { return loadSlice(m, i, terms, "r"); })).then(function (loaded) {
        var weights = weightsOf(m, loaded, terms, "r");
        return Promise.all(loaded.map(function (byNumber, slice) {
          var count = m.slices[slice].shards, scored = scoreQuery(byNumber, terms, count, weights[slice]);
          var keys = positionShards(byNumber, scored, count);
          return Promise.all(keys.map(function (n) { return loadPositions(slice, n); })).then(function (read) {
            keys.forEach(function (n, i) { byNumber[n] = read[i]; });
            return classify(byNumber, terms, count, scored);
          });
        }));
      });
    }
    /* A reader's first page, before the count: the best candidates of every slice, best first,
     * checked in their text where the index left it open (at most QUICK_CHECK × RERANK
     * articles' stored fields fetched), full matches first. When nothing was left open the
     * result is the exact one; else ``quick``, with no count (search with ``exact`` for it). */
    function first(m, terms, o) {
      var some = firstTerms(terms);
      return Promise.all(m.slices.map(function (s, i) { return loadSlice(m, i, some, "c"); })).then(function (loaded) {
        var weights = weightsOf(m, loaded, some, "c");
        var got = loaded.map(function (byNumber, i) { return quickSlice(byNumber, some, m.slices[i].shards, weights[i]); });
        if (got.every(function (g) { return g.exact; })) return null;
        var candidates = [].concat.apply([], got.map(function (g) { return g.hits; }))
          .sort(function (a, b) { return b.score - a.score || b.ref - a.ref; });
        var full = [], partial = [], at = 0, rounds = 0;
        function round() {
          var batch = candidates.slice(at, at + RERANK);
          at += batch.length;
          rounds++;
          return Promise.all(batch.map(function (h) { return doc(h.ref); })).then(function (read) {
            batch.forEach(function (h, k) {
              var held = checked(h, read[k], terms);
              if (held === null) return;
              var hit = { ref: h.ref, score: h.score, full: held, doc: read[k] };
              (held ? full : partial).push(hit);
            });
            if (full.length < RERANK && at < candidates.length && rounds < QUICK_CHECK) return round();
          });
        }
        return round().then(function () {
          if (at >= candidates.length && got.every(function (g) { return !g.common; })) {
            // every candidate checked, and none left out: these are all the hits, to be counted
            return { all: full.concat(partial).sort(byRank) };
          }
          var page = rerank(full.slice(0, RERANK), function (h) { return h.doc.x; }, terms.text)
            .concat(partial).slice(0, RERANK);
          return { query: terms.text, terms: terms, hits: page, total: null, partial: null, quick: true,
                   more: at < candidates.length || full.length + partial.length > page.length, issues: null, options: o };
        });
      });
    }
    /* Every hit of the whole archive, [{ref, score, full}], in the order asked for;
     * the first RERANK carry ``doc``. ``options``: from, to (dates, YYYY-MM-DD), issue (a
     * date), page (a 版), sort ("relevance", "newest", "oldest"), grouped (by issue), exact
     * (every hit and the count now: otherwise a search by relevance within the whole archive
     * gives its first page first, ``quick``, without the count, when finding them all would
     * fetch more: the rest of common terms' postings, or positions).
     * ``total``: the full matches; ``partial``: the others, after them. */
    function search(query, options) {
      var o = options || {};
      var terms = queryTerms(query);
      return loadManifest().then(function (m) {
        if (!terms.required.length) return finish([], null);
        if (!o.exact && !narrowed(o) && !o.grouped && o.sort !== "newest" && o.sort !== "oldest") {
          return first(m, terms, o).then(function (page) {
            if (page && page.all) return finish(page.all, null);
            if (page) { page.query = query; return page; }
            return all(m);
          });
        }
        return all(m);
      });
      function all(m) {
        var needIssues = narrowed(o) || o.grouped;
        return Promise.all([searchSlices(m, terms), needIssues ? loadIssues() : null]).then(function (got) {
          var hits = [].concat.apply([], got[0]).sort(byRank);
          if (narrowed(o)) hits = hits.filter(function (h) { return got[1].passes(h.ref, o); });
          return finish(ordered(hits, o.sort), got[1]);
        });
      }
      function finish(hits, table) {
        var top = hits.slice(0, RERANK);
        return Promise.all(top.map(function (h) { return doc(h.ref); })).then(function (got) {
          top.forEach(function (h, k) { h.doc = got[k]; });
          var first = o.sort === "newest" || o.sort === "oldest" ? top
            : rerank(top.filter(function (h) { return h.full; }), function (h) { return h.doc.x; }, terms.text)
                .concat(top.filter(function (h) { return !h.full; }));
          var all = first.concat(hits.slice(RERANK));
          var total = 0;
          all.forEach(function (h) { if (h.full) total++; });
          return { query: query, terms: terms, hits: all, total: total, partial: all.length - total,
                   issues: table, options: o };
        });
      }
    }
    return { search: search, doc: doc, facets: loadFacets, issues: loadIssues };
  }

  /* Hits grouped by issue (date), in the order of their first hit. */
  function groupByIssue(hits, issues) {
    var groups = [], at = {};
    hits.forEach(function (h) {
      var d = issues.date(h.ref);
      if (!(d in at)) { at[d] = groups.length; groups.push({ date: d, hits: [] }); }
      groups[at[d]].hits.push(h);
    });
    return groups;
  }

  var api = { normalise: normalise, parseQuery: parseQuery, queryTerms: queryTerms, shardOf: shardOf,
              shardsFor: shardsFor, commonUnits: commonUnits, readShard: readShard, readPositions: readPositions,
              readBest: readBest, readRest: readRest, quickSlice: quickSlice, inflate: inflate,
              positions: positions, coverOf: coverOf, runQuery: runQuery, scoreShard: scoreShard, rerank: rerank, snippet: snippet,
              countMatches: countMatches, Searcher: Searcher, Issues: Issues, groupByIssue: groupByIssue,
              RERANK: RERANK, BOOST: BOOST };
  root.SitegenSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : this);
