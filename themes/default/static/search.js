/* convene: search, over search/index.js (the playbook's full text, the
   hub's people, stories and campaigns by their fields; loaded just before
   this: a script rather than JSON to fetch, so that search works
   from the file system too).
   Every word must match; the last word may be the start of a word, so
   results appear while typing. Title matches rank first. */
(function () {
  "use strict";
  var pageWords = window.conveneWords;
  var form = document.querySelector("form.finder[data-index]");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var input = form.elements.q;
  var status = form.querySelector(".finder-status");
  var results = form.querySelector(".search-results");
  var STOP = ("a an and are as at be but by for from has have if in into is it its of on or our so that the their " +
    "them then there they this to was we were what when which who will with you your").split(" ");
  var LIMIT = 50;
  var index = null, words = null;

  function tokens(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      return w.length >= 2 && STOP.indexOf(w) < 0;
    });
  }

  function docsFor(word) {
    var gaps = index.words[word] || [], docs = [], at = 0;
    for (var i = 0; i < gaps.length; i++) { at += gaps[i]; docs.push(at); }
    return docs;
  }

  function docsStartingWith(prefix) {
    var seen = {};
    // words is sorted, so the matches are one run found by binary search.
    var lo = 0, hi = words.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (words[mid] < prefix) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < words.length && words[i].lastIndexOf(prefix, 0) === 0; i++) {
      docsFor(words[i]).forEach(function (d) { seen[d] = true; });
    }
    return Object.keys(seen).map(Number);
  }

  function search(query) {
    var terms = tokens(query);
    if (terms.length === 0) return null;
    var sets = terms.map(function (t, i) { return i === terms.length - 1 ? docsStartingWith(t) : docsFor(t); });
    var hits = sets.reduce(function (acc, set) {
      var keep = {};
      set.forEach(function (d) { keep[d] = true; });
      return acc.filter(function (d) { return keep[d]; });
    });
    return hits.map(function (d) {
      var title = index.docs[d][0].toLowerCase();
      var score = terms.filter(function (t) { return title.indexOf(t) >= 0; }).length;
      return { doc: index.docs[d], score: score, order: d };
    }).sort(function (a, b) { return b.score - a.score || a.order - b.order; });
  }

  function show() {
    var found = search(input.value);
    results.textContent = "";
    if (found === null) { status.textContent = ""; return; }
    found.slice(0, LIMIT).forEach(function (hit) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "flag flag-public";
      kind.textContent = hit.doc[2];
      var link = document.createElement("a");
      link.href = root + hit.doc[1];
      link.textContent = hit.doc[0];
      var excerpt = document.createElement("p");
      excerpt.className = "meta";
      excerpt.textContent = hit.doc[3];
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      li.appendChild(excerpt);
      results.appendChild(li);
    });
    status.textContent = found.length === 0 ? pageWords(status, "none", "Nothing found. Try other words.") :
      (found.length === 1 ? pageWords(status, "one", "1 result.") : pageWords(status, "many", "{n} results.", { n: found.length })) +
      (found.length > LIMIT ? " " + pageWords(status, "more", "Showing the first {n}.", { n: LIMIT }) : "");
  }

  index = window.conveneSearchIndex;
  if (!index) { status.textContent = pageWords(status, "failed", "The search index could not be loaded."); return; }
  words = Object.keys(index.words).sort();
  input.addEventListener("input", show);
  form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(); }
})();
