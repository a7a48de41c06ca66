/* The 版面 view's scan. The page's picture shows at once; the deep-zoom viewer,
   OpenSeadragon (vendored, BSD licence), is fetched only when a reader reaches for the scan
   (the pointer over it, a touch, the keyboard's focus, a wheel turn or a button), so a
   reader who only reads pays nothing for it. It opens the page's IIIF info.json and loads
   only the tiles in view at the zoom shown; what the reader did meanwhile (a zoom) is done
   once it has opened. */
(function () {
  "use strict";
  var STEP = 1.6;
  var loading = null;

  function loadViewer(src) {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (typeof window.OpenSeadragon === "function") return resolve();
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function zoom(viewer, how, factor, where) {
    if (how === "home") viewer.viewport.goHome();
    else viewer.viewport.zoomBy(factor, where ? viewer.viewport.pointFromPixel(where) : undefined);
    viewer.viewport.applyConstraints();
  }

  document.querySelectorAll(".page-scan").forEach(function (figure) {
    var box = figure.querySelector(".scan-viewer");
    var controls = figure.querySelector(".scan-controls");
    var viewer = null;
    var pending = null;              // what the reader asked for before the viewer was there

    function open() {
      if (viewer || figure.classList.contains("scan-loading")) return;
      figure.classList.add("scan-loading");
      loadViewer(box.getAttribute("data-viewer")).then(function () {
        viewer = window.OpenSeadragon({
          element: box,
          tileSources: box.getAttribute("data-info"),
          showNavigationControl: false,      // our own buttons: labelled, no button images to ship
          drawer: "canvas",                  // draws tiles of any origin; WebGL refuses an IIIF host without CORS
          visibilityRatio: 1,
          constrainDuringPan: true,
          maxZoomPixelRatio: 2,
          gestureSettingsMouse: { clickToZoom: true, scrollToZoom: true },
          preserveImageSizeOnResize: true
        });
        // The viewer takes keys itself (+ and − zoom, the arrows move, 0 shows the whole page).
        viewer.canvas.setAttribute("role", "application");
        viewer.canvas.setAttribute("aria-label", "版面原样：加号、减号缩放，方向键移动，0 显示整版");
        viewer.addHandler("open", function () {
          figure.classList.remove("scan-loading");
          figure.classList.add("scan-ready");
          if (pending) pending();
          pending = null;
        });
        viewer.addHandler("open-failed", function () {
          figure.classList.remove("scan-loading");
          figure.classList.add("scan-failed");
        });
      }, function () {
        figure.classList.remove("scan-loading");
        figure.classList.add("scan-failed");
      });
    }

    ["pointerenter", "touchstart", "focusin"].forEach(function (name) {
      figure.addEventListener(name, open, { passive: true });
    });
    box.addEventListener("wheel", function (event) {
      if (viewer) return;
      event.preventDefault();            // the wheel over the scan zooms it, here as once open
      var rect = box.getBoundingClientRect();
      var where = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      var factor = event.deltaY < 0 ? STEP : 1 / STEP;
      pending = function () { zoom(viewer, "in", factor, new window.OpenSeadragon.Point(where.x, where.y)); };
      open();
    });
    box.addEventListener("click", function (event) {
      if (viewer) return;
      var rect = box.getBoundingClientRect();
      var where = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      pending = function () { zoom(viewer, "in", STEP, new window.OpenSeadragon.Point(where.x, where.y)); };
      open();
    });
    controls.hidden = false;
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) return;
      var how = button.getAttribute("data-zoom");
      var act = function () { zoom(viewer, how, how === "in" ? STEP : 1 / STEP); };
      if (viewer && figure.classList.contains("scan-ready")) act();
      else {
        pending = act;
        open();
      }
    });
  });
})();
