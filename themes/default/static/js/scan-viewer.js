/* The 版面 view's scan: OpenSeadragon (vendored, BSD licence) opens the page's IIIF
   info.json and loads only the tiles in view at the zoom shown. Until it has opened (or
   if it cannot), the web-size picture stands in. */
(function () {
  "use strict";
  if (typeof OpenSeadragon !== "function") return;
  var STEP = 1.6;
  document.querySelectorAll(".page-scan").forEach(function (figure) {
    var box = figure.querySelector(".scan-viewer");
    var controls = figure.querySelector(".scan-controls");
    var viewer = OpenSeadragon({
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
    viewer.addHandler("open", function () {
      figure.classList.add("scan-ready");
      controls.hidden = false;
    });
    viewer.addHandler("open-failed", function () {
      figure.classList.add("scan-failed");
    });
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) return;
      var how = button.getAttribute("data-zoom");
      if (how === "home") viewer.viewport.goHome();
      else viewer.viewport.zoomBy(how === "in" ? STEP : 1 / STEP);
      viewer.viewport.applyConstraints();
    });
  });
})();
