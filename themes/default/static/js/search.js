/* The search page: results as you type, filters, snippets. Index files are fetched as
 * needed: the manifest, the newest shard, older shards while results are few (or when the
 * reader asks), and snippet text only for the results on screen. */
(function () {
  "use strict";
  var S = window.SitegenSearch;
  var root = document.getElementById("search-app");
  if (!root || !window.lunr || !S) return;
  var base = root.getAttribute("data-search-base");   // …/search/
  var siteBase = root.getAttribute("data-site-base"); // …/
  var input = document.getElementById("search-input");
  var form = document.getElementById("search-page-form");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var moreButton = document.getElementById("search-more");
  var olderButton = document.getElementById("search-older");
  var selects = { district: document.getElementById("filter-district"), tag: document.getElementById("filter-tag"),
                  year: document.getElementById("filter-year") };
  var PAGE = 20, WANT = 20, RERANK = 60;
  var manifest = null, shards = [], texts = {}, shown = PAGE, current = null, timer = null, generation = 0;

  function fetchJSON(name) {
    return fetch(base + name).then(function (r) {
      if (!r.ok) throw new Error("search file " + name + ": " + r.status);
      return r.json();
    });
  }
  function loadManifest() {
    return manifest ? Promise.resolve(manifest) : fetchJSON("manifest.json").then(function (m) { manifest = m; return m; });
  }
  function loadShard(n) {
    if (shards[n]) return shards[n];
    var info = manifest.shards[n];
    shards[n] = Promise.all([fetchJSON(info.index), fetchJSON(info.docs)]).then(function (parts) {
      return { n: n, info: info, index: lunr.Index.load(parts[0]), docs: parts[1] };
    });
    return shards[n];
  }
  function textOf(hit) {
    var chunk = Math.floor(hit.local / manifest.chunk_size);
    var key = hit.shard + "-" + chunk;
    if (!texts[key]) texts[key] = fetchJSON("text-" + key + ".json");
    return texts[key].then(function (arr) { return arr[hit.local % manifest.chunk_size]; });
  }

  function searchLoaded(terms, loaded) {
    var hits = [];
    loaded.forEach(function (shard) {
      S.runQuery(lunr, shard.index, terms).forEach(function (r) {
        var local = parseInt(r.ref, 10) - shard.info.first;
        hits.push({ shard: shard.n, local: local, score: r.score, doc: shard.docs[local] });
      });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits;
  }

  function run(query, loadAll) {
    var my = ++generation;
    var terms = S.queryTerms(query);
    if (!terms.text) { render(null); return Promise.resolve(); }
    status.textContent = "正在搜索…";
    return loadManifest().then(function () {
      var wanted = loadAll ? manifest.shards.length : 1;
      var loaded = [];
      function step(n) {
        if (n >= manifest.shards.length) return Promise.resolve(n);
        return loadShard(n).then(function (shard) {
          loaded.push(shard);
          var enough = n + 1 >= wanted && searchLoaded(terms, loaded).length >= WANT;
          return enough ? n + 1 : step(n + 1);
        });
      }
      return step(0).then(function (searched) {
        if (my !== generation) return;
        var hits = searchLoaded(terms, loaded);
        var head = hits.slice(0, RERANK);
        return Promise.all(head.map(textOf)).then(function (bodies) {
          if (my !== generation) return;
          head.forEach(function (h, i) { h.text = bodies[i]; });
          var ranked = S.rerank(head, function (h) { return h.text; }, terms.text).concat(hits.slice(RERANK));
          current = { query: query, terms: terms, hits: ranked, searched: searched };
          shown = PAGE;
          render(current);
        });
      });
    }).catch(function (err) {
      status.textContent = "搜索出错：" + err.message;
    });
  }

  function filtered(hits) {
    var d = selects.district.value, t = selects.tag.value, y = selects.year.value;
    return hits.filter(function (h) {
      return (!d || h.doc.ds.indexOf(d) !== -1) && (!t || h.doc.tg.indexOf(t) !== -1) && (!y || h.doc.d.slice(0, 4) === y);
    });
  }

  function fillSelect(select, counts, label) {
    var keep = select.value;
    while (select.options.length) select.remove(0);
    select.add(new Option("全部" + label, ""));
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); }).forEach(function (k) {
      select.add(new Option(k + "（" + counts[k] + "）", k));
    });
    select.value = counts[keep] ? keep : "";
  }

  function facets(hits) {
    var c = { district: {}, tag: {}, year: {} };
    hits.forEach(function (h) {
      h.doc.ds.forEach(function (x) { c.district[x] = (c.district[x] || 0) + 1; });
      h.doc.tg.forEach(function (x) { c.tag[x] = (c.tag[x] || 0) + 1; });
      var y = h.doc.d.slice(0, 4) || "日期不详";
      if (h.doc.d) c.year[y] = (c.year[y] || 0) + 1;
    });
    fillSelect(selects.district, c.district, "区域");
    fillSelect(selects.tag, c.tag, "标签");
    fillSelect(selects.year, c.year, "年份");
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function render(state) {
    list.textContent = "";
    moreButton.hidden = true;
    olderButton.hidden = true;
    if (!state) { status.textContent = "输入词语开始搜索。"; return; }
    facets(state.hits);
    var hits = filtered(state.hits);
    var partial = state.searched < manifest.shards.length;
    if (!hits.length) {
      status.textContent = "没有找到包含“" + state.query + "”的文章。" +
        (partial ? "可以搜索更早的文章，" : "") + "试试更短的词，或去掉筛选条件。";
      olderButton.hidden = !partial;
      return;
    }
    status.textContent = "找到 " + hits.length + " 篇" + (partial ? "（已搜索较新的 " + state.searched + "/" + manifest.shards.length + " 部分）" : "");
    var page = hits.slice(0, shown);
    page.forEach(function (h) {
      var li = el("li", "search-result");
      var a = el("a", "search-result-link", h.doc.t);
      a.href = siteBase + h.doc.u;
      var h3 = el("h2", "search-result-title");
      h3.appendChild(a);
      li.appendChild(h3);
      var meta = [h.doc.d ? h.doc.d : "日期不详"];
      if (h.doc.p) meta.push("第" + h.doc.p + "版");
      if (h.doc.ds.length) meta.push(h.doc.ds.join("、"));
      li.appendChild(el("p", "meta", meta.join(" · ")));
      var p = el("p", "snippet");
      li.appendChild(p);
      list.appendChild(li);
      var fill = function (text) {
        var parts = S.snippet(text || "", state.terms.text);
        p.appendChild(document.createTextNode(parts[0]));
        if (parts[1]) p.appendChild(el("mark", null, parts[1]));
        p.appendChild(document.createTextNode(parts[2]));
      };
      if (h.text != null) fill(h.text); else textOf(h).then(fill);
    });
    moreButton.hidden = hits.length <= shown;
    olderButton.hidden = !partial;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      var url = new URL(window.location.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      run(q, false);
    }, 200);
  }

  input.addEventListener("input", schedule);
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(input.value.trim(), false); });
  Object.keys(selects).forEach(function (k) {
    selects[k].addEventListener("change", function () { if (current) { shown = PAGE; render(current); } });
  });
  moreButton.addEventListener("click", function () { shown += PAGE; render(current); });
  olderButton.addEventListener("click", function () { if (current) run(current.query, true); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== input) { e.preventDefault(); input.focus(); }
  });

  var q = new URL(window.location.href).searchParams.get("q") || "";
  input.value = q;
  if (q) run(q, false); else render(null);
})();
