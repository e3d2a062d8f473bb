/* convene: the parts of sharing that need a browser: copying a link,
   asking a Mastodon user for their server, and the share kit's "who am I". */
(function () {
  "use strict";
  var status = document.querySelector(".copy-status");
  document.querySelectorAll("button.copy-link").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (status) status.textContent = "Link copied.";
      }, function () {
        if (status) status.textContent = "Couldn't copy: select the link and copy it instead.";
      });
    });
  });

  document.querySelectorAll("form.mastodon-share").forEach(function (form) {
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var server = form.elements.server.value.trim().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
      if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(server)) {
        if (status) status.textContent = "Type your Mastodon server's name, for example mastodon.social.";
        form.elements.server.focus();
        return;
      }
      var url = "https://" + server + "/share?text=" + encodeURIComponent(form.getAttribute("data-text"));
      window.open(url, "_blank", "noopener");
    });
  });

  var picker = document.querySelector("[data-kit-picker]");
  if (picker) {
    picker.hidden = false;
    var select = picker.querySelector("select");
    var links = document.querySelectorAll("a[data-personal]");
    links.forEach(function (a) { a.setAttribute("data-plain", a.getAttribute("href")); });
    select.addEventListener("change", function () {
      links.forEach(function (a) {
        a.href = select.value ? a.getAttribute("data-personal").split("PERSON_SLUG").join(select.value) : a.getAttribute("data-plain");
      });
    });
  }
})();
