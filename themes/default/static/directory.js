/* convene: instant search and filters for the people directory.
   The directory works without this script (pages, and topic/team/place pages);
   with it, the form appears and filters everyone in people/directory.js,
   loaded just before it (a script, not JSON to fetch, so that it works from
   the file system too). */
(function () {
  "use strict";
  var pageWords = window.conveneWords;
  var form = document.querySelector("form.finder[data-directory]");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var list = document.querySelector(".directory-list");
  var results = form.querySelector(".finder-results");
  var status = form.querySelector(".finder-status");
  var field = form.elements;
  var LIMIT = 120;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function fill(select, labels) {
    labels.forEach(function (label, i) {
      var option = document.createElement("option");
      option.value = String(i);
      option.textContent = label;
      select.appendChild(option);
    });
  }

  function card(person, data) {
    var li = document.createElement("li");
    li.className = "person-card";
    var avatar = document.createElement("span");
    avatar.className = "avatar avatar-empty";
    avatar.setAttribute("aria-hidden", "true");
    avatar.textContent = person[0].charAt(0).toUpperCase();
    var body = document.createElement("div");
    var heading = document.createElement("h3");
    heading.className = "card-title";
    var link = document.createElement("a");
    link.href = root + person[1];
    link.textContent = person[0];
    heading.appendChild(link);
    body.appendChild(heading);
    if (person[2]) {
      var role = document.createElement("p");
      role.className = "role";
      role.textContent = person[2];
      body.appendChild(role);
    }
    var where = [person[3] >= 0 ? data.teams[person[3]] : "", person[4] >= 0 ? data.places[person[4]] : ""]
      .filter(Boolean).join(" · ");
    if (where) {
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = where;
      body.appendChild(meta);
    }
    li.appendChild(avatar);
    li.appendChild(body);
    return li;
  }

  function start(data) {
    fill(field.topic, data.topics);
    fill(field.team, data.teams);
    fill(field.place, data.places);
    var haystacks = data.people.map(function (p) { return fold(p[0] + " " + p[2]); });
    form.hidden = false;

    var shown = null;
    function update() {
      var words = fold(field.q.value).split(/\s+/).filter(Boolean);
      var topic = field.topic.value === "" ? -1 : Number(field.topic.value);
      var team = field.team.value === "" ? -1 : Number(field.team.value);
      var place = field.place.value === "" ? -1 : Number(field.place.value);
      // Leaving the name box fires "change" as someone clicks a result:
      // drawing the same results again would swap the link from under the click.
      var asked = JSON.stringify([words, topic, team, place]);
      if (asked === shown) return;
      shown = asked;
      var filtering = words.length > 0 || topic >= 0 || team >= 0 || place >= 0;
      results.hidden = !filtering;
      if (list) list.hidden = filtering;
      results.textContent = "";
      if (!filtering) {
        status.textContent = "";
        return;
      }
      var found = data.people.filter(function (p, i) {
        return words.every(function (w) { return haystacks[i].indexOf(w) >= 0; }) &&
          (topic < 0 || p[5].indexOf(topic) >= 0) &&
          (team < 0 || p[3] === team) &&
          (place < 0 || p[4] === place);
      });
      found.slice(0, LIMIT).forEach(function (p) { results.appendChild(card(p, data)); });
      status.textContent = found.length === 0 ? pageWords(status, "none", "No one matches. Try fewer words or another filter.") :
        (found.length === 1 ? pageWords(status, "one", "1 person found.") : pageWords(status, "many", "{n} people found.", { n: found.length })) +
        (found.length > LIMIT ? " " + pageWords(status, "more", "Showing the first {n}.", { n: LIMIT }) : "");
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  }

  // Without the data, the paginated directory below still works.
  if (window.conveneDirectory) start(window.conveneDirectory);
})();
