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
  // One character of Chinese is indexed only inside pairs: search it as the start of a pair.
  var searchOptions = { combineWith: "AND", prefix: function (term) { return Array.from(term).length === 1; } };

  function show(query) {
    results.replaceChildren();
    if (query.trim() === "") return;
    var hits = index.search(query, searchOptions);
    status.textContent = hits.length === 0 ? status.getAttribute("data-none") : status.getAttribute("data-found").replace("{n}", String(hits.length));
    hits.slice(0, 200).forEach(function (hit) {
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = kinds[hit.kind] || hit.kind;
      var link = document.createElement("a");
      link.href = hit.page;
      link.textContent = hit.ref + " " + hit.title;
      item.append(kind, link);
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
