/* convene: for pages opened straight from the file system (file://), as a
   downloaded or shared-drive playbook is. There a link to a folder
   ("../people/") shows the folder's listing instead of its page, so such
   links are pointed at the folder's index.html: those in the page, and those
   the directory filter and search add later. On a web server it does nothing. */
/* The page's words for what the theme's scripts say (found, copied, too
   long...), which the theme writes into data-* attributes in the page's
   language; `{name}` is filled in from `values`. This file is on every
   page and runs first, so the other scripts share this one helper. */
window.conveneWords = function (el, name, fallback, values) {
  "use strict";
  var text = (el && el.getAttribute("data-" + name)) || fallback;
  Object.keys(values || {}).forEach(function (k) {
    // Numbers as the page's language writes them (3,000), as the theme does.
    var v = typeof values[k] === "number" ? values[k].toLocaleString(document.documentElement.lang || undefined) : String(values[k]);
    text = text.split("{" + k + "}").join(v);
  });
  return text;
};

(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function fix(link) {
    var url = new URL(link.href);
    if (url.protocol !== "file:" || url.pathname.slice(-1) !== "/") return;
    url.pathname += "index.html";
    link.href = url.href;
  }

  function fixWithin(node) {
    if (node.nodeType !== 1) return;
    if (node.matches("a[href]")) fix(node);
    node.querySelectorAll("a[href]").forEach(fix);
  }

  fixWithin(document.documentElement);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) { change.addedNodes.forEach(fixWithin); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
