/* The search page: results as you type, filters, snippets. Only what a query needs is
 * fetched: the manifest, the index shards holding its terms, and stored fields and
 * snippet text for the results on screen. */
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
  var selects = { district: document.getElementById("filter-district"), tag: document.getElementById("filter-tag"),
                  year: document.getElementById("filter-year") };
  var PAGE = 20;
  var searcher = S.Searcher(lunr, function (name) {
    return fetch(base + name).then(function (r) {
      if (!r.ok) throw new Error("search file " + name + ": " + r.status);
      return r.json();
    });
  });
  var shown = PAGE, current = null, timer = null, generation = 0;

  function run(query) {
    var my = ++generation;
    var terms = S.queryTerms(query);
    if (!terms.text) { current = null; render(null); return Promise.resolve(); }
    if (terms.tooShort) { current = null; render(null, "请至少输入两个字。"); return Promise.resolve(); }
    status.textContent = "正在搜索…";
    return searcher.search(query).then(function (result) {
      if (my !== generation) return;
      // Filters and their counts work on the results whose stored fields came with the query.
      current = { query: query, terms: result.terms, hits: result.hits.filter(function (h) { return h.doc; }),
                  total: result.total };
      shown = PAGE;
      render(current);
    }).catch(function (err) {
      if (my === generation) status.textContent = "搜索出错：" + err.message;
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
      if (h.doc.d) { var y = h.doc.d.slice(0, 4); c.year[y] = (c.year[y] || 0) + 1; }
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

  function render(state, message) {
    list.textContent = "";
    moreButton.hidden = true;
    if (!state) { status.textContent = message || "输入词语开始搜索。"; return; }
    facets(state.hits);
    var hits = filtered(state.hits);
    if (!hits.length) {
      status.textContent = "没有找到包含“" + state.query + "”的文章。试试更短的词，换一个说法，或去掉筛选条件。";
      return;
    }
    var filteredNow = hits.length !== state.hits.length;
    if (!filteredNow) status.textContent = "找到 " + state.total + " 篇";
    else if (state.total > state.hits.length) status.textContent = "前 " + state.hits.length + " 篇中有 " + hits.length + " 篇符合筛选（共找到 " + state.total + " 篇）";
    else status.textContent = "找到 " + hits.length + " 篇（已筛选）";
    hits.slice(0, shown).forEach(function (h) {
      var li = el("li", "search-result");
      var a = el("a", "search-result-link", h.doc.t);
      a.href = siteBase + h.doc.u;
      var title = el("h2", "search-result-title");
      title.appendChild(a);
      li.appendChild(title);
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
      if (h.text != null) fill(h.text); else searcher.chunk("text", h.ref).then(fill);
    });
    moreButton.hidden = hits.length <= shown;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      var url = new URL(window.location.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      run(q);
    }, 200);
  }

  input.addEventListener("input", schedule);
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(input.value.trim()); });
  Object.keys(selects).forEach(function (k) {
    selects[k].addEventListener("change", function () { if (current) { shown = PAGE; render(current); } });
  });
  moreButton.addEventListener("click", function () { shown += PAGE; render(current); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== input && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      input.focus();
    }
  });

  var q = new URL(window.location.href).searchParams.get("q") || "";
  input.value = q;
  if (q) run(q); else render(null);
})();
