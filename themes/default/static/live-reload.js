/* convene serve: reload this tab when the site changes, and show problems
   over the page while the last good version stays visible. */
(function () {
  "use strict";
  var overlay;
  function show(text) {
    if (!text) {
      if (overlay) { overlay.remove(); overlay = null; }
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#2b0b0b;color:#fff;" +
        "font:14px/1.4 ui-monospace,monospace;padding:1rem;white-space:pre-wrap;z-index:99999;border-top:4px solid #ff6b6b";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "convene: fix these problems, then save again\n\n" + text;
  }
  function check() {
    fetch("/__convene/problems", { cache: "no-store" }).then(function (r) { return r.text(); }).then(show, function () {});
  }
  check();
  var events = new EventSource("/__convene/events");
  events.onmessage = function (event) {
    if (event.data !== "reload") return;
    fetch("/__convene/problems", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (text) {
      if (text) show(text); else location.reload();
    });
  };
})();
