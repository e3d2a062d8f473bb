/* convene: the email signature's copy buttons. "Copy signature" puts the
   signature on the clipboard as HTML (for Outlook and Gmail) and as plain
   text (for everything else); "Copy plain text" only the text. Where the
   browser can't write HTML to the clipboard, the signature is selected and
   copied as a selection, which keeps its formatting. Works from file:// too. */
(function () {
  "use strict";
  var pageWords = window.conveneWords;
  var status = document.querySelector(".copy-status");
  function say(text) {
    if (status) status.textContent = text;
  }
  function copySelection(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (e) {
      done = false;
    }
    selection.removeAllRanges();
    return done;
  }
  function copy(html, text) {
    if (html && window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      var item = new window.ClipboardItem({
        "text/html": new Blob([html.innerHTML], { type: "text/html" }),
        "text/plain": new Blob([text.textContent], { type: "text/plain" }),
      });
      return navigator.clipboard.write([item]);
    }
    if (!html && navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text.textContent);
    }
    return copySelection(html || text) ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  document.querySelectorAll("button.copy-signature").forEach(function (button) {
    var html = button.hasAttribute("data-html") ? document.getElementById(button.getAttribute("data-html")) : null;
    var text = document.getElementById(button.getAttribute("data-text"));
    if (!text || (button.hasAttribute("data-html") && !html)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      say("");
      var copied = function () {
        say(html ? pageWords(status, "copied", "Signature copied: paste it into your email program's signature settings.") : pageWords(status, "plain-copied", "Plain-text signature copied."));
      };
      var attempt;
      try {
        attempt = copy(html, text);
      } catch (e) {
        attempt = Promise.reject(e);
      }
      attempt.then(copied, function () {
        // The clipboard API refused (no permission, an old browser): try the selection.
        if (copySelection(html || text)) copied();
        else say(pageWords(status, "failed", "Couldn't copy: select the signature and copy it instead."));
      });
    });
  });
})();
