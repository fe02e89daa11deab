// The search page of a csr site: MiniSearch indexes the entries csr site wrote (search-entries.js)
// with the same tokenizer (tokenize.js), so Chinese text is found by character pairs and an English
// word by its stem too (processes~process: the terms processes and ~process, which process and
// processing have as well). The index is
// built in pieces while the page stays responsive; a search typed meanwhile waits for it. Results
// are built as DOM nodes with textContent only: no value from the entries is ever parsed as HTML.
"use strict";
(function () {
  var data = window.csrSearch;
  // An English word's token carries its stem (processes~process): indexed as two terms, processes and ~process.
  function terms(token) {
    var at = token.indexOf("~");
    return at > 0 ? [token.slice(0, at), token.slice(at)] : [token];
  }
  var index = new window.MiniSearch(Object.assign({}, data.options, { tokenize: window.csrTokenize, processTerm: terms }));
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

  // A query's tokens as terms, an English word with its stem: [["processes", "~process"], ["qp-010"], …].
  function tokenGroups(query) {
    return window.csrTokenize(query).map(terms);
  }
  // The query as MiniSearch's query tree: every group must match (AND), an English word as typed or by its
  // stem (OR): `processes` finds process, and an entry that holds the word itself scores more, matching
  // both. The tokens are searched as they are, not tokenized again.
  function queryTree(groups) {
    return {
      combineWith: "AND",
      tokenize: function (token) { return [token]; },
      queries: groups.map(function (group) { return { combineWith: "OR", queries: group }; }),
    };
  }

  // Where the query occurs in an entry's text, as a line of about eighty characters: the whole query
  // where it occurs as typed, else its longest word, else the word that begins with a word's stem
  // (processes: the process of "process control"). None when the title shown already holds it.
  function snippet(entry, query, stems) {
    var text = (entry.text || "").replace(/\s+/g, " ");
    var lower = text.toLowerCase();
    var words = [query.trim()].concat(query.trim().split(/\s+/).sort(function (a, b) { return b.length - a.length; }));
    var title = ((entry.ref || "") + " " + (entry.title || "")).toLowerCase();
    if (words.concat(stems).some(function (word) { return word !== "" && title.indexOf(word.toLowerCase()) !== -1; })) return null;
    var found = function (at, length) {
      var start = Math.max(0, at - 24);
      var end = Math.min(text.length, at + length + 56);
      var line = document.createElement("span");
      line.className = "snippet";
      var mark = document.createElement("mark");
      mark.textContent = text.slice(at, at + length);
      line.append((start > 0 ? "…" : "") + text.slice(start, at), mark, text.slice(at + length, end) + (end < text.length ? "…" : ""));
      return line;
    };
    for (var i = 0; i < words.length; i++) {
      var at = words[i] === "" ? -1 : lower.indexOf(words[i].toLowerCase());
      if (at !== -1) return found(at, words[i].length);
    }
    for (var j = 0; j < stems.length; j++) {
      var word = new RegExp("(?<![\\p{L}\\p{N}])" + stems[j] + "[\\p{L}]*", "u").exec(lower);
      if (word) return found(word.index, word[0].length);
    }
    return null;
  }

  // A number typed exactly (QP-012, qp012, C001, CS/QP-010 as QP-010) puts that entity first: the CSRs whose
  // text names it would otherwise outrank it (tester50a #3). The entities whose number begins with what is typed
  // follow, in the order of their numbers (QP-01: QP-010 … QP-019; tester51 #1), then the rest as MiniSearch ranks
  // them. Compared in NFKC, lower case, without separators.
  function bare(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/[\s\-./_:#+]/g, "");
  }
  // A clause (8.5.1) or a clause or section reference typed whole (IATF16949:8.5.1, QP-014#5.2) finds what the heat
  // map and the CSRs say, not the numbers that begin with it.
  function reference(query) {
    var typed = query.normalize("NFKC").trim();
    return /[:#]/.test(typed) || /^[\d.]+$/.test(typed);
  }
  // A number being typed, letters and digits without a space (QP-01, TR-2026-01, ＱＰ－０１): each of its words is
  // searched as a beginning, so that the CSRs addressed in the documents it begins and the texts naming them follow.
  function numberTyped(query) {
    var typed = query.normalize("NFKC").trim();
    return !reference(query) && !/\s/.test(typed) && /\p{L}/u.test(typed) && /\p{N}/u.test(typed);
  }
  // The entries that hold every word as typed (or, as before stems, a word it begins or one letter away) come
  // before those found only by a word's stem: `processes` lists what says processes first, then what says process.
  function ranked(query, groups) {
    var matched = index.search(queryTree(groups), numberTyped(query) ? Object.assign({}, searchOptions, { prefix: true }) : searchOptions);
    var stemmed = groups.filter(function (group) { return group.length > 1; });
    var asTyped = function (hit) {
      return stemmed.every(function (group) { return hit.queryTerms.indexOf(group[0]) !== -1; });
    };
    // Within each, what is in force before what is withdrawn, a draft or superseded (a mark: 【作废】): a reader who searches
    // a form's name gets the form to use first, the withdrawn one still found after it (IATF 7.5.3.2; tester59 G9).
    var inForce = function (list) {
      return list.filter(function (hit) { return !hit.mark; }).concat(list.filter(function (hit) { return hit.mark; }));
    };
    var hits = inForce(matched.filter(asTyped)).concat(inForce(matched.filter(function (hit) { return !asTyped(hit); })));
    var typed = bare(query);
    if (typed === "") return hits;
    var numbers = function (ref) {
      ref = String(ref || "");
      return [bare(ref), bare(ref.slice(ref.lastIndexOf("/") + 1))];
    };
    var exact = [];
    var begins = [];
    var rest = [];
    var found = new Set();
    hits.forEach(function (hit) {
      found.add(hit.id);
      var own = numbers(hit.ref);
      if (own.indexOf(typed) !== -1) exact.push(hit);
      else if (!reference(query) && own.some(function (n) { return n.startsWith(typed); })) begins.push(hit);
      else rest.push(hit);
    });
    // A number MiniSearch's words do not begin (GJB9001 for GJB 9001C-2017) is found all the same.
    if (!reference(query)) {
      data.entries.forEach(function (entry) {
        if (found.has(entry.key) || !numbers(entry.ref).some(function (n) { return n.startsWith(typed); })) return;
        var hit = { id: entry.key, kind: entry.kind, ref: entry.ref, title: entry.title, page: entry.page };
        if (entry.mark) hit.mark = entry.mark;
        if (entry.badge) hit.badge = entry.badge;
        (numbers(entry.ref).indexOf(typed) !== -1 ? exact : begins).push(hit);
      });
    }
    begins.sort(function (a, b) { return String(a.ref).localeCompare(String(b.ref), "en", { numeric: true }); });
    return exact.concat(begins, rest);
  }

  // The first results at once, the rest on request: thousands at once would keep the page busy, and none may be left unseen (tester48 #5).
  var SHOWN_AT_ONCE = 200;
  var more = null;

  function show(query) {
    results.replaceChildren();
    if (more) more.remove();
    more = null;
    if (query.trim() === "") return;
    var groups = tokenGroups(query);
    var hits = ranked(query, groups);
    var stems = groups.flatMap(function (group) { return group.slice(1).map(function (stem) { return stem.slice(1); }); });
    status.textContent = hits.length === 0 ? status.getAttribute("data-none") : status.getAttribute("data-found").replace("{n}", String(hits.length));
    list(hits.slice(0, SHOWN_AT_ONCE), query, stems);
    if (hits.length > SHOWN_AT_ONCE) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "site-more";
      button.textContent = status.getAttribute("data-more").replace("{n}", String(hits.length - SHOWN_AT_ONCE));
      button.addEventListener("click", function () {
        button.remove();
        more = null;
        list(hits.slice(SHOWN_AT_ONCE), query, stems);
      });
      results.after(button);
      more = button;
    }
  }

  function list(hits, query, stems) {
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = kinds[hit.kind] || hit.kind;
      var link = document.createElement("a");
      link.href = hit.page;
      link.textContent = hit.ref + " " + hit.title;
      item.append(kind, link);
      // A document's version and whether it is in force (A/1 现行, 草稿, A/0 作废); anything else its mark (【已替代】).
      if (hit.badge || hit.mark) {
        var mark = document.createElement("span");
        mark.className = hit.badge ? "status badge" : "status";
        mark.textContent = hit.badge || hit.mark;
        item.append(" ", mark);
      }
      var line = snippet(byKey.get(hit.id) || {}, query, stems);
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
