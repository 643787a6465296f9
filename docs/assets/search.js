/* The site's search: the header's button opens a dialog that searches with Pagefind.
 *
 * The index is written into the site at build time (atlas/site/search_index.py), split by word:
 * Pagefind's script and the parts of the index a query needs load from the site itself when a
 * reader first opens the search, never before, and the text of a result only when it is shown.
 * "/" opens the search from anywhere but a text field; Escape closes it; the arrow keys move from
 * the box through the results. Each result says what kind of record it found ("Practice: ...").
 * Record text is untrusted: titles are set as text, and an excerpt keeps only Pagefind's <mark>s.
 */
(function () {
  "use strict";

  var SHOWN_AT_ONCE = 10;
  var WAIT_MS = 120;  // after the last key, before searching
  var root = siteRoot();
  var pagefind = null;
  var query = "";
  var results = [];
  var listed = 0;
  var searches = 0;
  var typing = null;

  /* The site's root, as an absolute address: Material's settings give it relative to the page
     first loaded; instant navigation keeps this script running on later pages. */
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function element(id) { return document.getElementById(id); }

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        /* A page's `name` field (a country's, organization's or framework's names, a lens's
           definition) weighs twice its title: its own page comes before the practices that
           name it in their titles. */
        return module.options({ baseUrl: root.pathname, ranking: { metaWeights: { title: 5, name: 10 } } })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  function setStatus(text) { element("atlas-search-status").textContent = text; }

  function open() {
    var dialog = element("atlas-search");
    if (!dialog || dialog.open) return;
    dialog.showModal();
    element("atlas-search-q").focus();
    if (!query) setStatus("Type a name, an acronym or any word.");
    loadPagefind().catch(function () { setStatus("The search could not load. Try reloading the page."); });
  }

  function search(text) {
    query = text.trim();
    var mine = ++searches;
    var list = element("atlas-search-results");
    if (!query) {
      list.textContent = "";
      element("atlas-search-more").hidden = true;
      setStatus("Type a name, an acronym or any word.");
      return Promise.resolve();
    }
    setStatus("Searching…");
    return loadPagefind().then(function (module) {
      return module.search(query);
    }).then(function (found) {
      if (mine !== searches) return;  /* a later query replaced this one */
      results = found.results;
      listed = 0;
      list.textContent = "";
      setStatus(results.length === 0 ? "No results for “" + query + "”."
        : results.length + (results.length === 1 ? " result." : " results."));
      return listMore(mine);
    }).catch(function () {
      if (mine === searches) setStatus("The search could not load. Try reloading the page.");
    });
  }

  /* The next results, each shown once its text has loaded, in the order Pagefind ranks them. */
  function listMore(mine) {
    var next = results.slice(listed, listed + SHOWN_AT_ONCE);
    listed += next.length;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== searches) return;
      var list = element("atlas-search-results");
      pages.forEach(function (page) { list.appendChild(resultItem(page)); });
      element("atlas-search-more").hidden = listed >= results.length;
      element("atlas-search").setAttribute("data-searched", query);
    });
  }

  function resultItem(page) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.className = "atlas-search__result";
    link.href = page.url;
    var title = document.createElement("span");
    title.className = "atlas-search__title";
    var kind = page.meta.kind ? page.meta.kind + ": " : "";
    title.textContent = kind + (page.meta.title || page.url);
    var excerpt = document.createElement("span");
    excerpt.className = "atlas-search__excerpt";
    appendMarked(excerpt, page.excerpt || "");
    link.append(title, excerpt);
    item.appendChild(link);
    return item;
  }

  /* Pagefind's excerpt is the page's text with its HTML escaped and the matches in <mark>: keep
     those marks, and put everything else in as text. */
  function appendMarked(target, excerpt) {
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (marked, piece) {
      if (piece === "<mark>") return true;
      if (piece === "</mark>") return false;
      /* A textarea's content is parsed as text, entities decoded, never as elements; unlike a
         parsed document, it keeps the spaces at either end. */
      var decoder = document.createElement("textarea");
      decoder.innerHTML = piece;
      var text = decoder.value;
      if (text) {
        var node = marked ? document.createElement("mark") : document.createTextNode(text);
        if (marked) node.textContent = text;
        target.appendChild(node);
      }
      return marked;
    }, false);
  }

  function resultLinks() {
    return Array.prototype.slice.call(document.querySelectorAll("#atlas-search-results a"));
  }

  function onKey(event) {
    var dialog = element("atlas-search");
    if (!dialog) return;
    if (!dialog.open) {
      var target = event.target;
      var typingSomewhere = target.closest && target.closest("input, textarea, select, [contenteditable]");
      if (event.key === "/" && !typingSomewhere && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      /* A search box would take the first Escape to clear itself: it closes the dialog at once. */
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = resultLinks();
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    event.preventDefault();
    if (event.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)].focus();
    else if (at <= 0) element("atlas-search-q").focus();
    else links[at - 1].focus();
  }

  function onInput(event) {
    if (event.target.id !== "atlas-search-q") return;
    clearTimeout(typing);
    var text = event.target.value;
    typing = setTimeout(function () { search(text); }, WAIT_MS);
  }

  function onClick(event) {
    if (event.target.closest("#atlas-search-open")) {
      open();
    } else if (event.target.closest("#atlas-search-more")) {
      var first = listed;
      listMore(searches).then(function () {
        var links = resultLinks();
        if (links[first]) links[first].focus();
      });
    } else if (event.target.closest("#atlas-search-results a")) {
      element("atlas-search").close();  /* the page changes under it (instant navigation) */
    } else if (event.target.id === "atlas-search") {
      /* A click on the dialog itself: on its backdrop (outside its box) closes it. */
      var box = event.target.getBoundingClientRect();
      var inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) event.target.close();
    }
  }

  /* Listening on the document: Material's instant navigation may replace the header's elements. */
  document.addEventListener("keydown", onKey);
  document.addEventListener("input", onInput);
  document.addEventListener("click", onClick);
  window.atlasOnEveryPage(function () {
    var button = element("atlas-search-open");
    if (button) button.hidden = false;
  });
  window.atlasSearch = { open: open, search: search };
})();
