// The citation block. The page carries one form, GB/T 7714 (what a reader without scripts
// sees and can select), and the citation's data on the block; the APA and BibTeX forms are
// written here from that data rather than into each of the archive's article pages (they
// were a sixth of an article page's bytes). Each form gets a copy button.
(function () {
  "use strict";
  var block = document.querySelector(".citation[data-paper]");
  if (!block) return;
  var status = block.querySelector(".copy-status");
  var article = block.closest("article");
  var heading = article && article.querySelector("h1");
  var canonical = document.querySelector('link[rel="canonical"]');
  var cite = {
    id: (article && article.getAttribute("data-article-id")) || "",
    title: heading ? heading.textContent : "",
    authors: block.getAttribute("data-authors") ? block.getAttribute("data-authors").split("、") : [],
    date: block.getAttribute("data-date") || "",
    page: block.getAttribute("data-page-number") || "",
    paper: block.getAttribute("data-paper"),
    url: canonical ? canonical.getAttribute("href") : location.href
  };
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

  var first = block.querySelector(".citation-form");
  [["apa", "APA", apa(cite)], ["bibtex", "BibTeX", bibtex(cite)]].forEach(function (form) {
    var copy = first.cloneNode(true);
    copy.setAttribute("data-format", form[0]);
    copy.querySelector(".label").textContent = form[1];
    copy.querySelector(".citation-text").textContent = form[2];
    status.parentNode.insertBefore(copy, status);
  });

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
