// The search page of a csr site: MiniSearch indexes the entries csr site wrote (search-entries.js)
// with the same tokenizer (tokenize.js), so Chinese text is found by character pairs. The index is
// built in pieces while the page stays responsive; a search typed meanwhile waits for it. Results
// are built as DOM nodes with textContent only: no value from the entries is ever parsed as HTML.
"use strict";
(function () {
  var data = window.csrSearch;
  var index = new window.MiniSearch(Object.assign({}, data.options, { tokenize: window.csrTokenize }));
  var indexed = index.addAllAsync(data.entries, { chunkSize: 500 });
  var form = document.getElementById("site-search-page");
  var input = document.getElementById("site-search-input");
  var status = document.getElementById("site-search-status");
  var results = document.getElementById("site-search-results");
  var kinds = JSON.parse(status.getAttribute("data-kinds"));
  var byKey = new Map(data.entries.map(function (entry) { return [entry.key, entry]; }));
  // One character of Chinese is indexed only inside pairs: search it as the start of a pair. An English
  // word of three letters or more also finds the words it begins (characteristic: characteristics), and one
  // of six or more the words one letter away (reworks: rework); numbers and ids are matched whole.
  var latin = /^[a-z]+$/;
  var searchOptions = {
    combineWith: "AND",
    prefix: function (term) { return Array.from(term).length === 1 || (latin.test(term) && term.length >= 3); },
    fuzzy: function (term) { return latin.test(term) && term.length >= 6 ? 1 : false; },
  };

  // Where the query occurs in an entry's text, as a line of about eighty characters: the whole query
  // where it occurs as typed, else its longest word. None when the title shown already holds it.
  function snippet(entry, query) {
    var text = (entry.text || "").replace(/\s+/g, " ");
    var lower = text.toLowerCase();
    var words = [query.trim()].concat(query.trim().split(/\s+/).sort(function (a, b) { return b.length - a.length; }));
    var title = ((entry.ref || "") + " " + (entry.title || "")).toLowerCase();
    if (words.some(function (word) { return word !== "" && title.indexOf(word.toLowerCase()) !== -1; })) return null;
    for (var i = 0; i < words.length; i++) {
      var at = words[i] === "" ? -1 : lower.indexOf(words[i].toLowerCase());
      if (at === -1) continue;
      var start = Math.max(0, at - 24);
      var end = Math.min(text.length, at + words[i].length + 56);
      var line = document.createElement("span");
      line.className = "snippet";
      var mark = document.createElement("mark");
      mark.textContent = text.slice(at, at + words[i].length);
      line.append((start > 0 ? "…" : "") + text.slice(start, at), mark, text.slice(at + words[i].length, end) + (end < text.length ? "…" : ""));
      return line;
    }
    return null;
  }

  // A number typed exactly (QP-012, qp012, C001, CS/QP-010 as QP-010) puts that entity first: the CSRs whose
  // text names it would otherwise outrank it (tester50a #3). Compared in NFKC, lower case, without separators.
  function bare(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/[\s\-./_:#+]/g, "");
  }
  function exactFirst(hits, query) {
    var typed = bare(query);
    if (typed === "") return hits;
    var exact = function (hit) {
      var ref = String(hit.ref || "");
      return bare(ref) === typed || bare(ref.slice(ref.lastIndexOf("/") + 1)) === typed;
    };
    return hits.filter(exact).concat(hits.filter(function (hit) { return !exact(hit); }));
  }

  // The first results at once, the rest on request: thousands at once would keep the page busy, and none may be left unseen (tester48 #5).
  var SHOWN_AT_ONCE = 200;
  var more = null;

  function show(query) {
    results.replaceChildren();
    if (more) more.remove();
    more = null;
    if (query.trim() === "") return;
    var hits = exactFirst(index.search(query, searchOptions), query);
    status.textContent = hits.length === 0 ? status.getAttribute("data-none") : status.getAttribute("data-found").replace("{n}", String(hits.length));
    list(hits.slice(0, SHOWN_AT_ONCE), query);
    if (hits.length > SHOWN_AT_ONCE) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "site-more";
      button.textContent = status.getAttribute("data-more").replace("{n}", String(hits.length - SHOWN_AT_ONCE));
      button.addEventListener("click", function () {
        button.remove();
        more = null;
        list(hits.slice(SHOWN_AT_ONCE), query);
      });
      results.after(button);
      more = button;
    }
  }

  function list(hits, query) {
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = kinds[hit.kind] || hit.kind;
      var link = document.createElement("a");
      link.href = hit.page;
      link.textContent = hit.ref + " " + hit.title;
      item.append(kind, link);
      if (hit.mark) {
        var mark = document.createElement("span");
        mark.className = "status";
        mark.textContent = hit.mark;
        item.append(" ", mark);
      }
      var line = snippet(byKey.get(hit.id) || {}, query);
      if (line) item.append(line);
      results.append(item);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    } catch (error) {
      // Some browsers refuse to change the address of a page opened from file://; the search still runs.
    }
    indexed.then(function () {
      show(query);
    });
  });
  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  indexed.then(function () {
    show(initial);
  });
})();
