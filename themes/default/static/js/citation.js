// The citation block, written here in GB/T 7714, APA and BibTeX, each with its copy button,
// rather than into each of the archive's article pages (the three forms were a sixth of an
// article page's bytes, the GB/T form alone 0.4 KB), from what the page already says: its
// NewsArticle JSON-LD (authors, date, paper), its headline, canonical link, article id and
// 版 number. Without scripts the article's metadata list says the same.
(function () {
  "use strict";
  var article = document.querySelector("article[data-article-id]");
  var footer = article && article.querySelector(".article-footer");
  if (!footer) return;
  var heading = article.querySelector("h1");
  var canonical = document.querySelector('link[rel="canonical"]');
  var news = {};
  document.querySelectorAll('script[type="application/ld+json"]').forEach(function (script) {
    try {
      var data = JSON.parse(script.textContent);
      if (data["@type"] === "NewsArticle") news = data;
    } catch (e) { /* not ours to read */ }
  });
  var cite = {
    id: article.getAttribute("data-article-id"),
    title: heading ? heading.textContent : "",
    authors: (news.author || []).map(function (person) { return person.name; }),
    date: news.datePublished || "",
    page: article.getAttribute("data-page-number") || "",
    paper: (news.publisher && news.publisher.name) || "",
    url: canonical ? canonical.getAttribute("href") : location.href
  };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // GB/T 7714, a newspaper article [N]: 作者. 题名[N]. 报纸名, 出版日期(版次). 链接
  // (at most three authors, then 等).
  function gbt7714(c) {
    var head = c.authors.length ? c.authors.slice(0, 3).join(", ") + (c.authors.length > 3 ? ", 等" : "") + ". " : "";
    return head + c.title + "[N]. " + c.paper + ", " + (c.date || "出版日期不详") +
      (c.page ? "(" + c.page + ")" : "") + ". " + c.url;
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  // APA 7th edition, newspaper article: Author, & Author. (2020, July 20). Title. Paper, page. URL
  // (Chinese names are written whole, as APA does for names without initials).
  function apa(c) {
    var when = "(n.d.)";
    if (c.date) {
      var ymd = c.date.split("-");
      when = "(" + ymd[0] + ", " + MONTHS[+ymd[1] - 1] + " " + (+ymd[2]) + ")";
    }
    var n = c.authors.length;
    var names = n > 1 ? c.authors.slice(0, -1).join(", ") + ", & " + c.authors[n - 1] : c.authors.join("");
    var page = c.page ? ", " + c.page : "";
    if (names) return names + ". " + when + ". " + c.title + ". " + c.paper + page + ". " + c.url;
    return c.title + ". " + when + ". " + c.paper + page + ". " + c.url;   // no author: the title takes its place
  }

  var TEX = { "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
  function tex(text) {
    return text.replace(/[\\~^&%$#_{}]/g, function (ch) { return TEX[ch] || "\\" + ch; });
  }

  // A BibTeX @article (the entry type BibTeX and biblatex both read for a newspaper article);
  // the key is the article's id, which is ASCII and stable.
  function bibtex(c) {
    var fields = [];
    if (c.authors.length) fields.push(["author", c.authors.join(" and ")]);
    fields.push(["title", c.title], ["journal", c.paper]);
    if (c.date) {
      var ymd = c.date.split("-");
      fields.push(["year", ymd[0]], ["month", String(+ymd[1])], ["day", String(+ymd[2])], ["date", c.date]);
    }
    if (c.page) fields.push(["pages", c.page]);
    fields.push(["url", c.url], ["language", "chinese"]);
    var key = c.id.replace(/[^A-Za-z0-9_:-]/g, "-");
    return "@article{" + key + ",\n" + fields.map(function (f) {
      return "  " + f[0] + " = {" + (f[0] === "url" ? f[1] : tex(f[1])) + "}";
    }).join(",\n") + "\n}";
  }

  var block = el("section", {"class": "citation", "aria-labelledby": "citation-title"});
  block.appendChild(el("h2", {id: "citation-title"}, "引用本文"));
  [["gbt7714", "GB/T 7714", gbt7714(cite)], ["apa", "APA", apa(cite)], ["bibtex", "BibTeX", bibtex(cite)]]
    .forEach(function (form) {
      var box = el("div", {"class": "citation-form", "data-format": form[0]});
      box.appendChild(el("span", {"class": "label"}, form[1]));
      box.appendChild(el("pre", {"class": "citation-text"}, form[2]));
      block.appendChild(box);
    });
  // The live region is in the page before anything is said into it, so that it is announced.
  var status = block.appendChild(el("p", {"class": "copy-status", role: "status"}));
  // Run where the block goes, as the page is read in (not deferred): the links below it are
  // not laid out yet, so nothing moves when it comes.
  var here = document.currentScript;
  footer.insertBefore(block, here && footer.contains(here) ? here : footer.firstChild);

  function say(text) { status.textContent = text; }
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  block.querySelectorAll(".citation-form").forEach(function (form) {
    var key = form.getAttribute("data-format");
    var label = form.querySelector(".label");
    var source = form.querySelector(".citation-text");
    label.id = "citation-label-" + key;
    source.id = "citation-" + key;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-citation";
    button.textContent = "复制";
    button.setAttribute("data-copy", source.id);
    button.setAttribute("aria-describedby", label.id);
    label.after(button);
    button.addEventListener("click", function () {
      var text = source.textContent;
      var done = function () { say("已复制 " + label.textContent + " 格式"); };
      var failed = function () { if (fallback(text)) { done(); } else { say("无法复制，请手动选择文字"); } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, failed);
      } else {
        failed();
      }
    });
  });
})();
