/* The search page: a lunr index over the sections' terms (assets/search-index.js), built when the page opens.
 *
 * The build folded (lower case, ё → е) and stemmed every word with the Snowball Russian stemmer;
 * a query's words get the same treatment here from lunr-languages' port of that algorithm, and
 * each stem must begin some indexed stem of the section (prefix matching), so «забывающий»
 * (stem «забыва») finds «забывания» (stem «забыван»). Results show the text around the first
 * match, highlighted.
 */
"use strict";

(function () {
  var WORD = /[\p{L}\p{N}_]+/gu;
  var LIMIT = 30;
  var docs = window.DL_SEARCH;
  var index = lunr(function () {
    this.pipeline.reset();  // the terms are stemmed already
    this.searchPipeline.reset();
    this.ref("id");
    this.field("title", { boost: 5 });
    this.field("body");
    docs.forEach(function (doc, i) {
      this.add({ id: String(i), title: doc.titleTerms.split(" "), body: doc.terms.split(" ") });
    }, this);
  });
  var stems = new Map();

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");

  function stem(word) {
    var folded = word.toLowerCase().replace(/ё/g, "е");
    if (!stems.has(folded)) stems.set(folded, lunr.ru.stemmer(new lunr.Token(folded)).toString());
    return stems.get(folded);
  }

  function queryStems(text) {
    var seen = new Set();
    return (text.match(WORD) || []).map(stem).filter(function (s) {
      if (seen.has(s)) return false;
      seen.add(s);
      return true;
    });
  }

  function search(terms) {
    return index.query(function (q) {
      terms.forEach(function (term) {
        q.term(term, { usePipeline: false, presence: lunr.Query.presence.REQUIRED,
                       wildcard: term.length > 1 ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE });
        q.term(term, { usePipeline: false, boost: 10 });  // whole-stem matches rank first
      });
    });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function matches(text, terms) {
    var found = [];
    for (var m of text.matchAll(WORD)) {
      var s = stem(m[0]);
      if (terms.some(function (t) { return s.startsWith(t); })) found.push([m.index, m.index + m[0].length]);
    }
    return found;
  }

  function snippet(text, terms) {
    var found = matches(text, terms);
    var start = 0;
    var end = Math.min(text.length, 220);
    if (found.length) {
      start = Math.max(0, found[0][0] - 80);
      if (start > 0) start = text.indexOf(" ", start) + 1;
      end = Math.min(text.length, start + 240);
      if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), found[0][1]);
    }
    var html = start > 0 ? "… " : "";
    var at = start;
    found.forEach(function (span) {
      if (span[0] < start || span[1] > end) return;
      html += escapeHtml(text.slice(at, span[0])) + "<mark>" + escapeHtml(text.slice(span[0], span[1])) + "</mark>";
      at = span[1];
    });
    return html + escapeHtml(text.slice(at, end)) + (end < text.length ? " …" : "");
  }

  function render(text) {
    var terms = queryStems(text);
    list.innerHTML = "";
    if (!terms.length) {
      status.textContent = text.trim() ? "В запросе нет слов." : "";
      return;
    }
    var results = search(terms);
    var topics = new Set(results.map(function (r) { return docs[r.ref].page; }));
    status.textContent = results.length
      ? "Найдено разделов: " + results.length + " (тем: " + topics.size + ")" +
        (results.length > LIMIT ? "; показаны первые " + LIMIT + "." : ".")
      : "Ничего не найдено. Попробуйте другое слово или его начало.";
    results.slice(0, LIMIT).forEach(function (result) {
      var doc = docs[result.ref];
      var item = document.createElement("li");
      item.className = "search-result";
      item.innerHTML = '<a class="search-result-title" href="' + escapeHtml(doc.url) + '">' +
        escapeHtml(doc.page) + (doc.title ? ' <span class="search-result-section">› ' + escapeHtml(doc.title) +
        "</span>" : "") + "</a>" + '<p class="search-snippet">' + snippet(doc.text, terms) + "</p>";
      list.appendChild(item);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      history.replaceState(null, "", url);
      render(input.value);
    }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    render(input.value);
  });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  render(initial);
  input.focus();
})();
