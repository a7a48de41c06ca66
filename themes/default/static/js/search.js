/* The search page: results as you type, filters with counts, snippets. Only what a query
 * needs is fetched: the manifest, the index shards holding its terms, and the stored fields
 * of the results on screen; the filters' table comes when a reader opens the filters.
 * Everything a reader or an article supplies is set as text (textContent), never as HTML. */
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
  var filterBox = document.getElementById("search-filters");
  var selects = { district: document.getElementById("filter-district"), tag: document.getElementById("filter-tag"),
                  year: document.getElementById("filter-year") };
  var LABELS = { district: "区域", tag: "标签", year: "年份" };
  var PAGE = S.RERANK;
  var searcher = S.Searcher(lunr, function (name) {
    return fetch(base + name).then(function (r) {
      if (!r.ok) throw new Error("search file " + name + ": " + r.status);
      return r.json();
    });
  });
  var shown = PAGE, current = null, facets = null, timer = null, generation = 0;

  function run(query, slices) {
    var my = ++generation;
    var terms = S.queryTerms(query);
    if (!terms.text) { current = null; render(); return Promise.resolve(); }
    if (terms.tooShort) { current = null; render("请至少输入两个字。"); return Promise.resolve(); }
    status.textContent = "正在搜索…";
    return searcher.search(query, slices).then(function (result) {
      if (my !== generation) return;
      if (!slices) shown = PAGE;
      current = result;
      return render();
    }).catch(function (err) {
      if (my === generation) status.textContent = "搜索出错：" + err.message;
    });
  }

  /* The filters, once their table is in: each hit's year, districts and tags. */
  function codes(ref) { return facets.articles[ref]; }
  function chosen() {
    var c = {};
    Object.keys(selects).forEach(function (k) { if (selects[k].value !== "") c[k] = parseInt(selects[k].value, 10); });
    return c;
  }
  function passes(ref, c) {
    var a = codes(ref);
    return (!("year" in c) || a[0] === c.year) && (!("district" in c) || a[1].indexOf(c.district) !== -1) &&
           (!("tag" in c) || a[2].indexOf(c.tag) !== -1);
  }
  function filtered(hits) {
    if (!facets) return hits;
    var c = chosen();
    return Object.keys(c).length ? hits.filter(function (h) { return passes(h.ref, c); }) : hits;
  }

  function fillSelect(select, counts, names, label) {
    var keep = select.value;
    while (select.options.length) select.remove(0);
    select.add(new Option("全部" + label, ""));
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (names[a] < names[b] ? -1 : 1); })
      .forEach(function (k) { select.add(new Option(names[k] + "（" + counts[k] + "）", k)); });
    select.value = keep !== "" && counts[keep] ? keep : "";
  }

  /* Counts over every hit of the query, whatever the filters say. */
  function fillFilters(hits) {
    var c = { district: {}, tag: {}, year: {} };
    hits.forEach(function (h) {
      var a = codes(h.ref);
      if (a[0] >= 0) c.year[a[0]] = (c.year[a[0]] || 0) + 1;
      a[1].forEach(function (x) { c.district[x] = (c.district[x] || 0) + 1; });
      a[2].forEach(function (x) { c.tag[x] = (c.tag[x] || 0) + 1; });
    });
    fillSelect(selects.district, c.district, facets.districts, LABELS.district);
    fillSelect(selects.tag, c.tag, facets.tags, LABELS.tag);
    fillSelect(selects.year, c.year, facets.years, LABELS.year);
  }

  /* The years a list of slices covers: 2019–2021, 2020, or 日期不详. */
  function span(slices) {
    var from = slices[slices.length - 1].from.slice(0, 4), to = slices[0].to.slice(0, 4);
    if (!from && !to) return "日期不详的文章";
    return from === to ? from + " 年" : (from || to) + "–" + to + " 年";
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function resultItem(doc, query) {
    var li = el("li", "search-result");
    var a = el("a", "search-result-link", doc.t);
    a.href = siteBase + doc.u;
    var title = el("h2", "search-result-title");
    title.appendChild(a);
    li.appendChild(title);
    var meta = [doc.d ? doc.d.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日") : "日期不详"];   // the site's date format
    if (doc.p) meta.push("第" + doc.p + "版");
    if (doc.ds.length) meta.push(doc.ds.join("、"));
    li.appendChild(el("p", "meta", meta.join(" · ")));
    var p = el("p", "snippet");
    var parts = S.snippet(doc.x || "", query);
    p.appendChild(document.createTextNode(parts[0]));
    if (parts[1]) p.appendChild(el("mark", null, parts[1]));
    p.appendChild(document.createTextNode(parts[2]));
    li.appendChild(p);
    return li;
  }

  function render(message) {
    var my = generation;
    moreButton.hidden = true;
    olderButton.hidden = true;
    if (!current) { list.textContent = ""; status.textContent = message || "输入词语开始搜索。"; return Promise.resolve(); }
    var state = current;
    if (facets) fillFilters(state.hits);
    var hits = filtered(state.hits);
    var older = state.slices.slice(state.searched.length);
    var scope = "";
    if (older.length) {
      var searched = state.searched.reduce(function (n, s) { return n + s.count; }, 0);
      scope = "（已搜索 " + span(state.searched) + " 的 " + searched + " 篇文章）";
      olderButton.textContent = "继续搜索更早的文章（" + span(older.slice(0, 1)) + "）";
      olderButton.hidden = false;
    }
    if (!hits.length) {
      list.textContent = "";
      status.textContent = state.total
        ? "“" + state.query + "”的 " + state.total + " 篇结果都不符合所选筛选条件。请放宽筛选。"
        : "没有找到包含“" + state.query + "”的文章" + scope + "。试试更短的词、换一个说法，或检查错别字。";
      return Promise.resolve();
    }
    status.textContent = (hits.length === state.total ? "找到 " + state.total + " 篇"
      : "找到 " + state.total + " 篇，符合筛选 " + hits.length + " 篇") + scope;
    var page = hits.slice(0, shown);
    return Promise.all(page.map(function (h) { return h.doc || searcher.doc(h.ref); })).then(function (docs) {
      if (my !== generation || state !== current) return;
      list.textContent = "";
      docs.forEach(function (doc) { list.appendChild(resultItem(doc, state.terms.text)); });
      moreButton.hidden = hits.length <= shown;
    });
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
    selects[k].addEventListener("change", function () { if (current) { shown = PAGE; render(); } });
  });
  // The filters' table (every article's year, districts, tags) is fetched the first time
  // they are opened, so a first query does not pay for it.
  filterBox.addEventListener("toggle", function () {
    if (!filterBox.open || facets) return;
    searcher.facets().then(function (f) { facets = f; if (current) render(); });
  });
  moreButton.addEventListener("click", function () { shown += PAGE; render(); });
  olderButton.addEventListener("click", function () {
    if (current) run(current.query, current.searched.length + 1);
  });

  // Keyboard: "/" jumps to the box; arrow keys move between the box and the results.
  document.addEventListener("keydown", function (e) {
    var active = document.activeElement;
    if (e.key === "/" && active !== input && !/^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) {
      e.preventDefault();
      input.focus();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll(".search-result-link"));
    var at = links.indexOf(active);
    if (active === input && e.key === "ArrowDown" && links.length) { e.preventDefault(); links[0].focus(); }
    else if (at !== -1) {
      e.preventDefault();
      if (e.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
      else if (e.key === "ArrowUp") (at === 0 ? input : links[at - 1]).focus();
    }
  });

  var q = new URL(window.location.href).searchParams.get("q") || "";
  input.value = q;
  if (q) run(q); else render();
})();
