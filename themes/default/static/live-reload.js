/* convene serve: reload this tab when its page changes, and show problems
   over the page while the last good version stays visible. */
(function () {
  "use strict";
  var overlay;
  /* This page changed while problems were shown: reload once they are fixed. */
  var stale = false;
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
  function problems() {
    return fetch("/__convene/problems", { cache: "no-store" }).then(function (r) { return r.text(); });
  }
  problems().then(show, function () {});
  var events = new EventSource("/__convene/events");
  /* "reload" (everything changed), "pages /a/ /b/" (these changed) or "problems". */
  events.onmessage = function (event) {
    var news = event.data.split(" ");
    var here = location.pathname.replace(/index\.html$/, "");
    if (news[0] === "reload" || (news[0] === "pages" && news.indexOf(here, 1) > 0)) stale = true;
    problems().then(function (text) {
      if (text) show(text); else if (stale) location.reload(); else show("");
    }, function () {});
  };
})();
