/* sitegen preview: the edit mode of article pages and printed pages (版面).
   Served only by `sitegen serve --watch`; the built site never loads it. Every change is a
   JSON POST to the preview, with this run's token, which makes it through the same
   corrections API as `sitegen split/merge/set/undo`; the page then reloads after the rebuild. */
(function () {
  "use strict";
  var cfg = window.sitegenEdit;
  if (!cfg || !window.fetch) { return; }

  var LABELS = {title: "标题", subtitles: "引题/副题", kind: "类别", reporters: "记者", correspondents: "通讯员",
    photographers: "摄影", authors: "作者", districts: "区域", places: "地点", tags: "标签", date: "日期", page: "版次"};
  var PEOPLE = ["reporters", "correspondents", "photographers", "authors"];
  var LISTS = ["subtitles", "reporters", "correspondents", "photographers", "authors", "districts", "places", "tags"];
  var STORE_ON = "sitegen-edit-on", STORE_DONE = "sitegen-edit-done", STORE_WAIT = "sitegen-edit-wait";

  var data = null;            // the page as the preview reads it (articles, choices, undo)
  var generation = null;      // the build this tab has seen
  var bar, status, toggle, undoButton;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; }
      else if (k.slice(0, 2) === "on") { node.addEventListener(k.slice(2), attrs[k]); }
      else if (attrs[k] !== null && attrs[k] !== false) { node.setAttribute(k, attrs[k] === true ? "" : attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return node;
  }

  function call(method, name, body) {
    var init = {method: method, credentials: "same-origin", headers: {"X-Sitegen-Token": cfg.token}};
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(cfg.api + name, init).then(function (r) {
      return r.json().catch(function () { return {error: "预览服务器的回答不可读（" + r.status + "）"}; })
        .then(function (j) { j.status = r.status; return j; });
    }, function () { return {error: "连不上预览服务器（它还在运行吗？）", status: 0}; });
  }

  function say(text) { status.textContent = text; }

  // -- after a change: wait for the rebuild that shows it, then show its page -------------
  // The wait outlives reloads (a proof of the article can reload the tab before the rebuild):
  // the first page loaded after that rebuild ends it.
  function go(target) {
    if (!target || target === location.pathname) { location.reload(); } else { location.assign(target); }
  }

  // The tab stays where it is, unless it shows an article that is no more: then it goes to
  // the article that took its text, or to its printed page.
  function target(result) {
    var here = document.querySelector("article[data-article-id]");
    if (!here || here.getAttribute("data-article-id") !== result.gone) { return location.pathname; }
    var page = document.querySelector(".page-nav a:not([rel])");
    return result.go || (page ? new URL(page.href).pathname : location.pathname);
  }

  function waitForRebuild(result) {
    sessionStorage.setItem(STORE_DONE, JSON.stringify(result.changes || result.lines || []));
    result.go = target(result);
    sessionStorage.setItem(STORE_WAIT, JSON.stringify({after: result.generation, go: result.go, at: Date.now()}));
    say("已保存，正在重新生成网站……");
    checkWait(false);
    setTimeout(function () { sessionStorage.removeItem(STORE_WAIT); go(result.go); }, 15000);  // nothing rebuilt
  }

  function checkWait(loaded) {
    var wait = JSON.parse(sessionStorage.getItem(STORE_WAIT) || "null");
    if (!wait || generation === null) { return; }
    if (loaded && Date.now() - wait.at > 30000) { sessionStorage.removeItem(STORE_WAIT); finished(); return; }
    if (generation <= wait.after) { say("已保存，正在重新生成网站……"); return; }
    if (!loaded) { go(wait.go); return; }
    sessionStorage.removeItem(STORE_WAIT);
    if (wait.go !== location.pathname) { location.assign(wait.go); } else { finished(); }
  }

  function finished() {
    var done = sessionStorage.getItem(STORE_DONE);
    if (done === null) { return; }
    sessionStorage.removeItem(STORE_DONE);
    say("已完成：" + JSON.parse(done).join("；"));
    bar.setAttribute("data-done", "");
  }

  function listen() {
    // The live-reload script's stream; its first build event may have come before this script.
    var source = window.sitegenEvents || new EventSource(cfg.events), first = true;
    if (window.sitegenBuild !== undefined) {
      generation = window.sitegenBuild;
      checkWait(true);
      first = false;
    }
    source.addEventListener("build", function (e) {
      generation = JSON.parse(e.data).generation;
      checkWait(first);
      first = false;
    });
  }

  // -- dialogs ------------------------------------------------------------------------------
  function dialog(title, fill, submit) {
    var error = el("p", {"class": "sitegen-edit-error", role: "alert"});
    var heading = el("h2", {id: "sitegen-edit-title", text: title});
    var form = el("form", {method: "dialog"});
    var body = el("div", {"class": "sitegen-edit-fields"});
    var save = el("button", {type: "submit", "class": "sitegen-edit-save", text: "保存"});
    var cancel = el("button", {type: "button", text: "取消", onclick: function () { box.close(); }});
    form.appendChild(heading);
    form.appendChild(body);
    form.appendChild(error);
    form.appendChild(el("p", {"class": "sitegen-edit-buttons"}, [save, cancel]));
    var box = el("dialog", {"class": "sitegen-edit-dialog", "aria-labelledby": "sitegen-edit-title"}, [form]);
    fill(body, save);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      error.textContent = "";
      var request;
      try { request = submit(body); } catch (problem) { error.textContent = problem.message; return; }
      if (!request) { box.close(); return; }
      save.disabled = true;
      save.textContent = "正在保存……";
      bar.removeAttribute("data-done");      // what the last change's rebuild showed is not this one's
      call("POST", request[0], request[1]).then(function (r) {
        save.disabled = false;
        save.textContent = "保存";
        if (r.ok) { box.close(); waitForRebuild(r); } else { error.textContent = r.error || "未能保存"; }
      });
    });
    box.addEventListener("close", function () { box.remove(); });
    document.body.appendChild(box);
    box.showModal();
    return box;
  }

  function field(label, input) {
    var id = "sitegen-edit-" + Math.random().toString(36).slice(2);
    input.id = id;
    return el("p", {"class": "sitegen-edit-field"}, [el("label", {"for": id, text: label}), input]);
  }

  function choices(legend, name, options, checked, type) {
    var set = el("fieldset", {"class": "sitegen-edit-choices" + (type === "radio" ? " sitegen-edit-list" : "")},
      [el("legend", {text: legend})]);
    options.forEach(function (o) {
      var value = Array.isArray(o) ? o[0] : o, label = Array.isArray(o) ? o[1] : o;
      var input = el("input", {type: type || "checkbox", name: name, value: value,
        checked: checked.indexOf(value) >= 0});
      set.appendChild(el("label", {}, [input, label]));
    });
    return set;
  }

  function checkedValues(scope, name) {
    return Array.prototype.map.call(scope.querySelectorAll("input[name='" + name + "']:checked"),
      function (i) { return i.value; });
  }

  function items(text) {
    return text.split(/[,，、]/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function opening(p) {
    var text = p.replace(/^(\\|### )/, "").split("\n")[0];
    return text.length > 40 ? text.slice(0, 40) + "…" : text;
  }

  function byId(id) { return data.articles.filter(function (a) { return a.id === id; })[0]; }

  // -- the actions --------------------------------------------------------------------------
  function editFields(a) {
    var inputs = {};
    dialog("编辑字段：" + a.display_title, function (body) {
      inputs.title = el("input", {type: "text", value: a.title || ""});
      body.appendChild(field(LABELS.title, inputs.title));
      inputs.subtitles = el("textarea", {rows: "2"});
      inputs.subtitles.value = (a.subtitles || []).join("\n");
      body.appendChild(field(LABELS.subtitles + "（每行一条）", inputs.subtitles));
      inputs.kind = el("select", {});
      data.choices.kinds.forEach(function (k) {
        inputs.kind.appendChild(el("option", {value: k[0], selected: a.kind === k[0], text: k[1] + "（" + k[0] + "）"}));
      });
      body.appendChild(field(LABELS.kind, inputs.kind));
      PEOPLE.concat(["places"]).forEach(function (name) {
        inputs[name] = el("input", {type: "text", value: (a[name] || []).join("、")});
        body.appendChild(field(LABELS[name] + "（用、分隔）", inputs[name]));
      });
      body.appendChild(choices(LABELS.districts, "districts", data.choices.districts, a.districts || []));
      body.appendChild(choices(LABELS.tags + "（词表）", "tags", data.choices.tags, a.tags || []));
      var others = (a.tags || []).filter(function (t) { return data.choices.tags.indexOf(t) < 0; });
      inputs.moreTags = el("input", {type: "text", value: others.join("、")});
      body.appendChild(field("其他标签（用、分隔）", inputs.moreTags));
      inputs.date = el("input", {type: "date", value: a.date || ""});
      body.appendChild(field(LABELS.date, inputs.date));
      inputs.page = el("input", {type: "text", value: a.page || ""});
      body.appendChild(field(LABELS.page, inputs.page));
    }, function (body) {
      var now = {title: inputs.title.value.trim(), kind: inputs.kind.value, date: inputs.date.value,
        page: inputs.page.value.trim(),
        subtitles: inputs.subtitles.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean),
        districts: checkedValues(body, "districts")};
      PEOPLE.concat(["places"]).forEach(function (name) { now[name] = items(inputs[name].value); });
      var tags = checkedValues(body, "tags").concat(items(inputs.moreTags.value));
      // The tags keep their order; the ones unticked go, the new ones come last.
      now.tags = (a.tags || []).filter(function (t) { return tags.indexOf(t) >= 0; })
        .concat(tags.filter(function (t) { return (a.tags || []).indexOf(t) < 0; }));
      var fields = {};
      Object.keys(now).forEach(function (name) {
        var was = a[name] === null || a[name] === undefined ? (LISTS.indexOf(name) >= 0 ? [] : "") : a[name];
        if (name === "districts" ? !same(now[name].slice().sort(), was.slice().sort()) : !same(now[name], was)) {
          fields[name] = now[name];
        }
      });
      if (!Object.keys(fields).length) { throw new Error("没有改动。"); }
      return ["set", {article: a.id, fields: fields}];
    });
  }

  function editBody(a) {
    var text;
    dialog("编辑正文：" + a.display_title, function (body) {
      text = el("textarea", {rows: "16", "class": "sitegen-edit-body"});
      text.value = a.body;
      body.appendChild(field("正文（段与段之间空一行）", text));
    }, function () {
      if (text.value === a.body) { throw new Error("没有改动。"); }
      return ["body", {article: a.id, text: text.value}];
    });
  }

  function splitArticle(a) {
    var title;
    dialog("拆分：" + a.display_title, function (body) {
      var set = el("fieldset", {"class": "sitegen-edit-choices sitegen-edit-list"},
        [el("legend", {text: "新文章从哪一段开始"})]);
      a.paragraphs.forEach(function (p, i) {
        if (i === 0) { return; }
        set.appendChild(el("label", {}, [el("input", {type: "radio", name: "at", value: String(i + 1)}),
          "第" + (i + 1) + "段：" + opening(p)]));
      });
      body.appendChild(set);
      title = el("input", {type: "text", placeholder: "不填：该段首行像标题时用它"});
      body.appendChild(field("新文章的标题", title));
      body.appendChild(el("p", {}, [el("button", {type: "button", text: "用该段第一行作标题", onclick: function () {
        var at = checkedValues(body, "at")[0];
        if (at) { title.value = a.paragraphs[at - 1].replace(/^(\\|### )/, "").split("\n")[0].trim(); }
      }})]));
    }, function (body) {
      var at = checkedValues(body, "at")[0];
      if (!at) { throw new Error("请选择新文章开始的段落。"); }
      return ["split", {article: a.id, at: Number(at), title: title.value.trim() || null}];
    });
  }

  function mergeArticle(a) {
    var i = data.articles.indexOf(a), options = [];
    if (i > 0) { options.push([data.articles[i - 1].id, a.id, "与上一篇合并：" + data.articles[i - 1].display_title]); }
    if (i < data.articles.length - 1) {
      options.push([a.id, data.articles[i + 1].id, "与下一篇合并：" + data.articles[i + 1].display_title]);
    }
    (data.partners[a.id] || []).forEach(function (b) {
      var where = b.page ? "第" + b.page + "版" : "另一版";
      options.push(b.before ? [b.id, a.id, "接在" + where + "的前文后：" + b.display_title]
        : [a.id, b.id, "把" + where + "的续文接上：" + b.display_title]);
    });
    dialog("合并：" + a.display_title, function (body) {
      if (!options.length) { body.appendChild(el("p", {text: "本版没有可以合并的文章。"})); return; }
      body.appendChild(choices("与哪一篇合并（保留前一篇的标题，另一篇的标题留作小标题）", "merge",
        options.map(function (o, n) { return [String(n), o[2]]; }), [], "radio"));
    }, function (body) {
      var n = checkedValues(body, "merge")[0];
      if (n === undefined) { throw new Error("请选择要合并的文章。"); }
      return ["merge", {article: options[n][0], other: options[n][1]}];
    });
  }

  function moveHeadline(a) {
    var lines = (a.title ? [[null, "主标题：" + a.title]] : []).concat((a.subtitles || []).map(function (s) {
      return [s, "引题/副题：" + s];
    })).concat(a.paragraphs.filter(function (p) { return p.slice(0, 4) === "### "; }).map(function (p) {
      return [p.slice(4), "正文小标题：" + p.slice(4)];
    }));
    var others = data.articles.filter(function (b) { return b !== a; });
    var target;
    dialog("标题移至另一篇：" + a.display_title, function (body) {
      if (!lines.length) { body.appendChild(el("p", {text: "这篇文章没有标题行。"})); return; }
      body.appendChild(choices("移哪一行", "line", lines.map(function (l, n) { return [String(n), l[1]]; }), ["0"], "radio"));
      target = el("select", {});
      others.forEach(function (b) { target.appendChild(el("option", {value: b.id, text: b.display_title})); });
      body.appendChild(field("移到哪一篇的正文之上", target));
    }, function (body) {
      var n = checkedValues(body, "line")[0];
      if (n === undefined || !target) { throw new Error("请选择标题行和文章。"); }
      return ["headline", {article: a.id, to: target.value, line: lines[n][0]}];
    });
  }

  function notAnArticle(a) {
    dialog("不是文章：" + a.display_title, function (body) {
      body.appendChild(choices("把这段文字作为", "as", [["residue", "余料（版面上不成文章的零散文字）"],
        ["furniture", "版面装饰（报头、版头、页眉页脚等）"]], ["residue"], "radio"));
    }, function (body) {
      return ["not-article", {article: a.id, as: checkedValues(body, "as")[0]}];
    });
  }

  function toArticle(line, index) {
    var target;
    dialog("余料并入文章", function (body) {
      body.appendChild(el("p", {"class": "sitegen-edit-quote", text: line}));
      target = el("select", {});
      data.articles.forEach(function (b) { target.appendChild(el("option", {value: b.id, text: b.display_title})); });
      body.appendChild(field("并入哪一篇", target));
    }, function () {
      return ["to-article", {page: data.page, line: index, article: target.value}];
    });
  }

  function undo() {
    dialog("撤销", function (body, save) {
      body.appendChild(el("p", {text: "撤销上一次更改：" + data.undo}));
      save.textContent = "撤销";
    }, function () { return ["undo", {}]; });
  }

  // -- the page's edit controls --------------------------------------------------------------
  var ACTIONS = [["set", "字段", editFields], ["body", "正文", editBody], ["split", "拆分", splitArticle],
    ["merge", "合并", mergeArticle], ["headline", "标题移至…", moveHeadline], ["not-article", "不是文章", notAnArticle]];

  function controls(a) {
    var tools = el("div", {"class": "sitegen-edit-tools", role: "toolbar", "aria-label": "编辑：" + a.display_title});
    ACTIONS.forEach(function (act) {
      if (cfg.actions.indexOf(act[0]) < 0) { return; }
      var disabled = a.edited && (act[0] === "split" || act[0] === "merge");
      tools.appendChild(el("button", {type: "button", "data-action": act[0], disabled: disabled,
        title: disabled ? "这篇文章的文件被手工改过，不能拆分或合并" : null, text: act[1],
        onclick: function () { act[2](byId(a.id)); }}));
    });
    if (a.edited) { tools.appendChild(el("span", {"class": "sitegen-edit-note", text: "（文件已手工修改）"})); }
    return tools;
  }

  function residue() {
    if (!data.residue || cfg.actions.indexOf("to-article") < 0 || !data.residue.length) { return null; }
    var list = el("ol", {});
    data.residue.forEach(function (r) {
      list.appendChild(el("li", {}, [el("span", {"class": "sitegen-edit-line", text: "第" + r.line + "行："}),
        el("span", {text: r.text}), " ",
        el("button", {type: "button", text: "并入文章…", "aria-label": "并入文章：" + r.text,
          onclick: function () { toArticle(r.text, r.line); }})]));
    });
    return el("section", {"class": "sitegen-edit-residue", "aria-label": "版面余料"},
      [el("h2", {text: "版面余料（不属于任何文章的文字）"}), list]);
  }

  function showControls() {
    document.querySelectorAll("[data-article-id]").forEach(function (node) {
      var a = byId(node.getAttribute("data-article-id"));
      if (a) { node.insertBefore(controls(a), node.firstChild); }
    });
    var list = document.querySelector("ol[data-page]");
    var rest = list && residue();
    if (rest) { list.parentNode.insertBefore(rest, list.nextSibling); }
    undoButton.disabled = !data.undo;
    undoButton.title = data.undo ? "撤销：" + data.undo : "没有可撤销的更改";
  }

  function hideControls() {
    document.querySelectorAll(".sitegen-edit-tools, .sitegen-edit-residue").forEach(function (n) { n.remove(); });
  }

  function setMode(on) {
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    toggle.textContent = on ? "退出编辑" : "编辑";
    undoButton.hidden = !on;
    if (on) { sessionStorage.setItem(STORE_ON, "1"); } else { sessionStorage.removeItem(STORE_ON); }
    hideControls();
    if (!on) { return; }
    var first = document.querySelector("[data-article-id]");
    var page = document.querySelector("[data-page]");
    var query = first ? "article=" + encodeURIComponent(first.getAttribute("data-article-id"))
      : "page=" + encodeURIComponent(page.getAttribute("data-page"));
    call("GET", "page?" + query).then(function (r) {
      if (r.error) { say("不能编辑：" + r.error); return; }
      data = r;
      showControls();
    });
  }

  function start() {
    if (!document.querySelector("[data-article-id], [data-page]")) { return; }
    status = el("p", {"class": "sitegen-edit-status", role: "status", "aria-live": "polite"});
    toggle = el("button", {type: "button", "aria-pressed": "false", text: "编辑",
      onclick: function () { setMode(toggle.getAttribute("aria-pressed") !== "true"); }});
    undoButton = el("button", {type: "button", hidden: true, text: "撤销", onclick: undo});
    bar = el("aside", {"class": "sitegen-edit-bar", "aria-label": "编辑模式（仅在预览中）"},
      [el("span", {"class": "sitegen-edit-label", text: "预览"}), toggle, undoButton, status]);
    document.body.appendChild(bar);
    if (!sessionStorage.getItem(STORE_WAIT)) { finished(); }
    listen();
    if (sessionStorage.getItem(STORE_ON)) { setMode(true); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
