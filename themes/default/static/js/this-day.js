/* This day in history: the articles printed on the reader's month-day in earlier years.
   The build writes this-day/MM-DD.json for each month-day that has an issue
   ([[date, articles, [[id, headline], …]], …], oldest first) and names those days in
   data-days; without this script the section keeps its note and link to the calendar. */
(function () {
  "use strict";
  var box = document.getElementById("this-day");
  if (!box || !window.fetch) return;
  var now = new Date();
  var month = now.getMonth() + 1, day = now.getDate();
  var key = (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day;
  var base = box.getAttribute("data-base");
  var note = box.querySelector(".this-day-note");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function link(href, text, cls) {
    var a = el("a", cls, text);
    a.href = href;
    return a;
  }
  function dateCn(date) {          // the site's one date format (the date_cn filter)
    var p = date.split("-");
    return +p[0] + "年" + +p[1] + "月" + +p[2] + "日";
  }
  function say(text) {
    note.textContent = text;
    note.appendChild(link(base + "date/", "按日期浏览"));
  }
  function nothing() { say("往年的" + month + "月" + day + "日没有报纸。"); }

  box.querySelector("h2").textContent = "历史上的今天：" + month + "月" + day + "日";
  if ((" " + box.getAttribute("data-days") + " ").indexOf(" " + key + " ") < 0) return nothing();
  fetch(box.getAttribute("data-days-url") + key + ".json")
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (issues) {
      var earlier = issues.filter(function (i) { return +i[0].slice(0, 4) < now.getFullYear(); }).reverse();
      if (!earlier.length) return nothing();
      var frag = document.createDocumentFragment();
      earlier.forEach(function (issue) {
        var date = issue[0], issueUrl = base + "date/" + date.replace(/-/g, "/") + "/";
        var section = el("section", "this-day-issue");
        var h = el("h3");
        h.appendChild(link(issueUrl, dateCn(date)));
        h.appendChild(document.createTextNode(" "));
        h.appendChild(el("span", "count", (now.getFullYear() - +date.slice(0, 4)) + " 年前 · " + issue[1] + " 篇"));
        section.appendChild(h);
        var list = el("ul", "article-list");
        issue[2].forEach(function (a) {
          var li = el("li", "article-item");
          li.appendChild(link(base + "a/" + a[0] + "/", a[1], "article-link"));
          list.appendChild(li);
        });
        if (issue[1] > issue[2].length) {
          var more = el("li", "article-item");
          more.appendChild(link(issueUrl, "本期全部 " + issue[1] + " 篇 →"));
          list.appendChild(more);
        }
        section.appendChild(list);
        frag.appendChild(section);
      });
      note.replaceWith(frag);
    })
    .catch(function () { say("往年今天的报纸没能载入（离线？），也可"); });
})();
