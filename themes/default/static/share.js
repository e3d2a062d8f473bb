/* convene: the parts of sharing that need a browser: copying a link,
   asking a Mastodon user for their server, and the share kit. */
(function () {
  "use strict";
  var pageWords = window.conveneWords;
  var status = document.querySelector(".copy-status");
  document.querySelectorAll("button.copy-link").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (status) status.textContent = pageWords(status, "link-copied", "Link copied.");
      }, function () {
        if (status) status.textContent = pageWords(status, "link-failed", "Couldn't copy: select the link and copy it instead.");
      });
    });
  });

  document.querySelectorAll("form.mastodon-share").forEach(function (form) {
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var server = form.elements.server.value.trim().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
      if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(server)) {
        if (status) status.textContent = pageWords(status, "mastodon-server", "Type your Mastodon server's name, for example mastodon.social.");
        form.elements.server.focus();
        return;
      }
      var url = "https://" + server + "/share?text=" + encodeURIComponent(form.getAttribute("data-text"));
      window.open(url, "_blank", "noopener");
    });
  });

  var kitData = document.getElementById("kit-data");
  if (kitData) shareKit(JSON.parse(kitData.textContent));

  /* The share kit: pick a network, edit a post, copy it. Counting follows
     the rules the page was built with (convene's table of networks), the
     same rules `convene check` uses. */
  function shareKit(data) {
    var settings = document.querySelector("[data-kit-settings]");
    var networkSelect = document.getElementById("kit-network");
    var personSelect = document.getElementById("kit-person");
    var rules = {};
    data.networks.forEach(function (n) { rules[n.id] = n; });
    if (!settings || !networkSelect || !data.networks.length) return;
    settings.hidden = false;
    var saved = remembered("convene.kit.network");
    if (saved && rules[saved]) networkSelect.value = saved;
    if (personSelect) {
      var who = remembered("convene.kit.person");
      if (who && personSelect.querySelector('option[value="' + CSS.escape(who) + '"]')) personSelect.value = who;
    }

    var posts = Array.prototype.map.call(document.querySelectorAll(".kit-post"), function (el) {
      var post = {
        index: Number(el.getAttribute("data-post")),
        number: Number(el.getAttribute("data-post")) + 1,
        text: el.querySelector(".kit-text"),
        count: el.querySelector(".kit-count"),
        copy: el.querySelector(".kit-copy"),
        postOn: el.querySelector(".kit-post-on"),
        paste: el.querySelector(".kit-paste"),
        labels: el.querySelectorAll(".kit-network-label"),
        edited: false,
        links: [],
      };
      // The page was written for the first network, for nobody in particular.
      post.links = data.posts[post.index][data.networks[0].id].links.slice();
      post.text.addEventListener("input", function () {
        post.edited = true;
        show(post);
      });
      if (navigator.clipboard || document.queryCommandSupported && document.queryCommandSupported("copy")) {
        post.copy.hidden = false;
        post.copy.addEventListener("click", function () { copy(post); });
      }
      return post;
    });

    function linksFor(post, network) {
      var person = personSelect ? personSelect.value : "";
      return data.posts[post.index][network].links.map(function (link) {
        return person ? link + "&utm_term=" + encodeURIComponent(person) : link;
      });
    }

    /* Write every post for the chosen network and person. A post someone
       has edited keeps their words: only its links change. */
    function apply() {
      var network = networkSelect.value;
      remember("convene.kit.network", network);
      if (personSelect) remember("convene.kit.person", personSelect.value);
      posts.forEach(function (post) {
        var links = linksFor(post, network);
        // A post nobody has edited is written afresh for the network.
        var written = data.posts[post.index][network];
        post.text.value = post.edited
          ? swapLinks(post.text.value, post.links, links)
          : swapLinks(written.text, written.links, links);
        post.links = links;
        show(post);
      });
    }

    function swapLinks(text, from, to) {
      // Longest first, so a link that begins another is not swapped inside it.
      var order = from.map(function (_, i) { return i; }).sort(function (a, b) { return from[b].length - from[a].length; });
      var marks = [];
      order.forEach(function (i) {
        var mark = "\uFDD0" + i + "\uFDD0";
        text = text.split(from[i]).join(mark);
        marks.push([mark, to[i]]);
      });
      marks.forEach(function (m) { text = text.split(m[0]).join(m[1]); });
      return text;
    }

    function show(post) {
      var rule = rules[networkSelect.value];
      var text = post.text.value;
      post.labels.forEach(function (l) { l.textContent = rule.label; });
      if (rule.limit) {
        var used = length(rule, text, post.links);
        var over = used > rule.limit;
        post.count.textContent = pageWords(status, "count", "{used} of {limit} characters on {network}", { used: used, limit: rule.limit, network: rule.label }) + (over ? pageWords(status, "too-long", ": too long, shorten it") : "");
        post.count.classList.toggle("over-limit", over);
      } else {
        post.count.textContent = "";
        post.count.classList.remove("over-limit");
      }
      var href = intent(rule, text, post.links[0] || rule.campaign_link);
      post.postOn.hidden = !href;
      post.paste.hidden = !!href;
      if (href) post.postOn.href = href;
    }

    function length(rule, text, links) {
      var used = 0;
      var rest = text;
      for (;;) {
        var at = -1, link = "";
        links.forEach(function (l) {
          if (!l) return;
          var i = rest.indexOf(l);
          if (i >= 0 && (at < 0 || i < at || (i === at && l.length > link.length))) { at = i; link = l; }
        });
        if (at < 0) return used + count(rule, rest);
        used += count(rule, rest.slice(0, at)) + (rule.link_length !== null ? rule.link_length : count(rule, link));
        rest = rest.slice(at + link.length);
      }
    }

    function count(rule, text) {
      if (rule.graphemes && window.Intl && Intl.Segmenter) {
        var n = 0;
        for (var _ of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) n++;
        return n;
      }
      return Array.from(text).length;
    }

    function intent(rule, text, link) {
      var i = rule.intent;
      if (i.takes === "text") return i.prefix + encodeURIComponent(text);
      if (i.takes === "url") return i.prefix + encodeURIComponent(link);
      if (i.takes === "email") return "mailto:?subject=" + encodeURIComponent(data.subject) + "&body=" + encodeURIComponent(text);
      return "";
    }

    function copy(post) {
      var text = post.text.value;
      var done = function () { if (status) status.textContent = pageWords(status, "post-copied", "Post {n} copied.", { n: post.number }); };
      var failed = function () {
        // The clipboard API is refused: fall back to the selection.
        post.text.focus();
        post.text.select();
        if (document.execCommand && document.execCommand("copy")) return done();
        if (status) status.textContent = pageWords(status, "post-failed", "Couldn't copy: the post is selected, copy it with your keyboard.");
      };
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, failed);
      else failed();
    }

    networkSelect.addEventListener("change", apply);
    if (personSelect) personSelect.addEventListener("change", apply);
    apply();
  }

  function remembered(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private browsing: not remembered */ }
  }
})();
