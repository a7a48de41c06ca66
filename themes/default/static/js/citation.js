// The citation block's copy buttons: shown only where a script runs (the text can always
// be selected by hand), each copying its form of the citation.
(function () {
  "use strict";
  var status = document.querySelector(".citation .copy-status");
  function say(text) { if (status) status.textContent = text; }
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
  document.querySelectorAll(".copy-citation").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent;
      var label = button.getAttribute("aria-describedby");
      var name = label ? document.getElementById(label).textContent : "";
      var done = function () { say("已复制 " + name + " 格式"); };
      var failed = function () { if (fallback(text)) { done(); } else { say("无法复制，请手动选择文字"); } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, failed);
      } else {
        failed();
      }
    });
  });
})();
