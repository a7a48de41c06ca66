/* The search page: results as you type, full matches counted and shown before partial ones,
 * dates, an issue or a 版 to search within, sort by relevance or date, grouping by issue,
 * filters with counts, snippets. Only what a query needs is fetched (search-core.js says
 * what); the filters' table comes when a reader opens the filters.
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
  var countButton = document.getElementById("search-count");
  var filterBox = document.getElementById("search-filters");
  var scope = { from: document.getElementById("search-from"), to: document.getElementById("search-to"),
                page: document.getElementById("search-page"), sort: document.getElementById("search-sort"),
                group: document.getElementById("search-group") };
  var selects = { district: document.getElementById("filter-district"), tag: document.getElementById("filter-tag"),
                  year: document.getElementById("filter-year") };
  var LABELS = { district: "区域", tag: "标签", year: "年份" };
  var PAGE = S.RERANK;
  var early = window.sitegenManifest;      // fetched by the page's head when its address holds a query
  var searcher = S.Searcher(lunr, function (name) {
    var got = name === "manifest.json" && early ? early : fetch(base + name);
    if (name === "manifest.json") early = null;
    return got.then(function (r) {
      if (!r.ok) throw new Error("search file " + name + ": " + r.status);
      return r.arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); });
  });
  var shown = PAGE, current = null, facets = null, timer = null, generation = 0;

  /* The search's options as the form gives them (and the address keeps them). */
  function options() {
    return { from: scope.from.value, to: scope.to.value, page: scope.page.value.trim(),
             sort: scope.sort.value, grouped: scope.group.checked };
  }

  function run(query, exact) {
    var my = ++generation;
    var terms = S.queryTerms(query);
    if (!terms.text) { current = null; render(); return Promise.resolve(); }
    status.textContent = "正在搜索…";
    var o = options();
    o.exact = exact || !!facets;         // the filters count every hit
    return searcher.search(query, o).then(function (result) {
      if (my !== generation) return;
      shown = PAGE;
      current = result;
      return render();
    }).catch(function (err) {
      if (my === generation) status.textContent = "搜索出错：" + err.message;
    });
  }

  /* A first page came before the count: every hit and the count now (the rest of common
   * words' postings, and where pairs stand), the page shown kept first. */
  function complete() {
    if (!current || !current.quick) return Promise.resolve();
    var my = ++generation, state = current, o = options();
    o.exact = true;
    status.textContent = "正在统计…";
    return searcher.search(state.query, o).then(function (result) {
      if (my !== generation) return;
      var shownRefs = {};
      state.hits.forEach(function (h) { if (h.full) shownRefs[h.ref] = 1; });
      var kept = result.hits.filter(function (h) { return h.ref in shownRefs; });
      var order = {};
      state.hits.forEach(function (h, i) { order[h.ref] = i; });
      kept.sort(function (a, b) { return order[a.ref] - order[b.ref]; });
      result.hits = kept.concat(result.hits.filter(function (h) { return !(h.ref in shownRefs); }));
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

  // The site writes every date one way: 2020年7月20日.
  function dateCn(d) { return d.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日"); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /* The address of this search narrowed to one issue (and one 版, when given). */
  function within(date, page) {
    var url = new URL(window.location.href);
    url.searchParams.set("from", date);
    url.searchParams.set("to", date);
    if (page) url.searchParams.set("page", page); else url.searchParams.delete("page");
    return url.pathname + url.search;
  }

  function resultItem(hit, doc, query, heading) {
    var li = el("li", "search-result" + (hit.full ? "" : " search-partial"));
    var a = el("a", "search-result-link", doc.t);
    a.href = siteBase + doc.u;
    var title = el(heading, "search-result-title");
    title.appendChild(a);
    li.appendChild(title);
    var meta = el("p", "meta");
    if (!hit.full) meta.appendChild(el("span", "search-badge", "部分匹配"));
    meta.appendChild(document.createTextNode([doc.d ? dateCn(doc.d) : "日期不详"].concat(doc.p ? ["第" + doc.p + "版"] : [])
      .concat(doc.ds.length ? [doc.ds.join("、")] : []).join(" · ")));
    if (doc.d) {
      var inIssue = el("a", "search-within", "在本期中搜索");
      inIssue.href = within(doc.d);
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(inIssue);
      if (doc.p) {
        var inPage = el("a", "search-within", "在本版中搜索");
        inPage.href = within(doc.d, doc.p);
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(inPage);
      }
    }
    li.appendChild(meta);
    var p = el("p", "snippet");
    var parts = S.snippet(doc.x || "", query);
    p.appendChild(document.createTextNode(parts[0]));
    if (parts[1]) p.appendChild(el("mark", null, parts[1]));
    p.appendChild(document.createTextNode(parts[2]));
    li.appendChild(p);
    return li;
  }

  function scopeText(o) {
    var bits = [];
    if (o.from && o.from === o.to) bits.push(dateCn(o.from) + " 这一期");
    else if (o.from || o.to) bits.push((o.from ? dateCn(o.from) : "最早") + " 至 " + (o.to ? dateCn(o.to) : "最近"));
    if (o.page) bits.push("第" + o.page + "版");
    return bits.length ? "（" + bits.join("，") + "）" : "";
  }

  function render(message) {
    var my = generation;
    moreButton.hidden = true;
    countButton.hidden = true;
    if (!current) { list.textContent = ""; status.textContent = message || "输入词语开始搜索。"; return Promise.resolve(); }
    var state = current;
    if (facets) fillFilters(state.hits);
    var hits = filtered(state.hits);
    var full = hits.filter(function (h) { return h.full; }).length;
    var where = scopeText(state.options);
    if (!hits.length && state.quick) {       // none among the candidates checked: the count looks at every article
      list.textContent = "";
      status.textContent = "最相关的候选文章里没有“" + state.query.trim() + "”。点“统计篇数”查遍全部文章。";
      countButton.hidden = false;
      return Promise.resolve();
    }
    if (!hits.length) {
      list.textContent = "";
      status.textContent = state.hits.length
        ? "“" + state.query + "”的 " + state.hits.length + " 篇结果都不符合所选筛选条件。请放宽筛选。"
        : "没有找到包含“" + state.query + "”的文章" + where + "。试试更短的词、换一个说法，或检查错别字。";
      return Promise.resolve();
    }
    if (state.quick) {
      status.textContent = "包含“" + state.query.trim() + "”的文章，最相关的列在前面" +
        (hits.length > full ? "（部分匹配：只含其中的字，未连在一起，列在后面）" : "") + "。";
      countButton.hidden = false;
    } else {
      var text = "找到 " + full + " 篇包含“" + state.query.trim() + "”的文章" + where;
      if (hits.length > full) text += "；另有 " + (hits.length - full) + " 篇只含其中的字，未连在一起（部分匹配，列在后面）";
      if (hits.length !== state.hits.length) text += "（已按所选区域、标签、年份筛选）";
      status.textContent = text + "。";
    }
    var page = hits.slice(0, shown);
    return Promise.all(page.map(function (h) { return h.doc || searcher.doc(h.ref); })).then(function (docs) {
      if (my !== generation || state !== current) return;
      list.textContent = "";
      var grouped = state.options.grouped && state.issues;
      if (!grouped) {
        page.forEach(function (h, i) { list.appendChild(resultItem(h, docs[i], state.terms.text, "h2")); });
      } else {
        var docOf = new Map(page.map(function (h, i) { return [h, docs[i]]; }));
        S.groupByIssue(page, state.issues).forEach(function (g) {
          var li = el("li", "search-group");
          var h = el("h2", "search-group-title", (g.date ? dateCn(g.date) : "日期不详") + "（" + g.hits.length + " 篇）");
          if (g.date) {
            var a = el("a", "search-within", "只搜这一期");
            a.href = within(g.date);
            h.appendChild(document.createTextNode(" "));
            h.appendChild(a);
          }
          li.appendChild(h);
          var ol = el("ol", "search-results");
          g.hits.forEach(function (hit) { ol.appendChild(resultItem(hit, docOf.get(hit), state.terms.text, "h3")); });
          li.appendChild(ol);
          list.appendChild(li);
        });
      }
      moreButton.hidden = state.quick ? !state.more : hits.length <= shown;
    });
  }

  /* The address holds the query and its options, so a link shares the same search. */
  function remember() {
    var url = new URL(window.location.href), o = options(), q = input.value.trim();
    [["q", q], ["from", o.from], ["to", o.to], ["page", o.page], ["sort", o.sort === "relevance" ? "" : o.sort],
     ["group", o.grouped ? "issue" : ""]].forEach(function (kv) {
      if (kv[1]) url.searchParams.set(kv[0], kv[1]); else url.searchParams.delete(kv[0]);
    });
    url.searchParams.delete("issue");
    history.replaceState(null, "", url);
  }

  function now() { clearTimeout(timer); remember(); run(input.value.trim()); }
  function schedule() { clearTimeout(timer); timer = setTimeout(now, 200); }

  input.addEventListener("input", schedule);
  form.addEventListener("submit", function (e) { e.preventDefault(); now(); });
  Object.keys(scope).forEach(function (k) { scope[k].addEventListener("change", now); });
  scope.page.addEventListener("input", schedule);
  Object.keys(selects).forEach(function (k) {
    selects[k].addEventListener("change", function () { if (current) { shown = PAGE; render(); } });
  });
  // The filters' table (every article's year, districts, tags) is fetched the first time
  // they are opened, so a first query does not pay for it.
  filterBox.addEventListener("toggle", function () {
    if (!filterBox.open || facets) return;
    searcher.facets().then(function (f) {
      facets = f;
      if (current && current.quick) complete(); else if (current) render();
    });
  });
  moreButton.addEventListener("click", function () {
    if (current && current.quick) complete().then(function () { shown += PAGE; render(); });
    else { shown += PAGE; render(); }
  });
  countButton.addEventListener("click", function () { complete(); });

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

  // A shared address: its query and options. ``issue`` (a date) is one issue.
  var params = new URL(window.location.href).searchParams;
  input.value = params.get("q") || "";
  var issue = params.get("issue");
  scope.from.value = issue || params.get("from") || "";
  scope.to.value = issue || params.get("to") || "";
  scope.page.value = params.get("page") || "";
  if (/^(newest|oldest)$/.test(params.get("sort") || "")) scope.sort.value = params.get("sort");
  scope.group.checked = params.get("group") === "issue";
  if (input.value) run(input.value.trim()); else render();
})();
