/* The explorer at /explore/: filters the server-rendered list of practices by facet and words.
 *
 * The page lists every practice in its HTML (what a reader without JavaScript sees). This script
 * loads practices.json (written at build time by atlas/site/explorer.py), builds one group of
 * checkboxes per facet with counts, and keeps the filters in the URL query string, so a filtered
 * view can be shared and bookmarked: repeated values of one facet are OR, different facets AND.
 *
 * It runs on every page load, including Material's instant navigation (through `document$`), and
 * does nothing on pages without #explorer. `window.atlasExplorer.apply(queryString)` filters and
 * re-renders synchronously once the data is loaded (`window.atlasExplorer.ready` resolves then).
 */
(function () {
  "use strict";

  var dataPromises = {};

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function load(url) {
    if (!dataPromises[url]) {
      dataPromises[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("explorer data: HTTP " + response.status);
        return response.json();
      });
    }
    return dataPromises[url];
  }

  /* State: { q: "words", facets: { lens: ["horizontal"], ... } } <-> query string. */
  function parseQuery(queryString, facets) {
    var params = new URLSearchParams(queryString);
    var state = { q: params.get("q") || "", facets: {} };
    facets.forEach(function (facet) {
      var known = facet.index;
      state.facets[facet.key] = params.getAll(facet.key).filter(function (value) {
        return Object.prototype.hasOwnProperty.call(known, value);
      });
    });
    return state;
  }

  function toQuery(state, facets) {
    var params = new URLSearchParams();
    facets.forEach(function (facet) {
      state.facets[facet.key].forEach(function (value) { params.append(facet.key, value); });
    });
    if (state.q.trim()) params.set("q", state.q.trim());
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function Explorer(root, data) {
    var self = this;
    this.root = root;
    this.facets = data.facets.map(function (facet) {
      var index = {};
      facet.values.forEach(function (value, i) { index[value[0]] = i; });
      return { key: facet.key, label: facet.label, values: facet.values, index: index };
    });
    /* The words filter also reads the names of a practice's countries, organizations,
       frameworks (with their acronyms) and components, so "Moldova", "UNDP", "PCMD" or
       "institutional coherence" find its practices. */
    var named = this.facets.filter(function (f) {
      return ["country", "organization", "framework", "component"].indexOf(f.key) >= 0;
    });
    this.practices = data.practices.map(function (practice) {
      var names = [];
      named.forEach(function (facet) {
        (practice[facet.key] || []).forEach(function (i) { names.push(facet.values[i][1]); });
      });
      var haystack = [practice.title].concat(practice.aliases || [], [practice.text], names).join(" ");
      return { id: practice.id, practice: practice, words: words(haystack).join(" "), hidden: false };
    });
    this.list = root.querySelector("#explorer-results");
    this.items = new Map();
    this.list.querySelectorAll("li[data-id]").forEach(function (item) {
      self.items.set(item.getAttribute("data-id"), item);
    });
    this.status = root.querySelector("#explorer-status");
    this.input = root.querySelector("#explorer-q");
    this.clear = root.querySelector("#explorer-clear");
    this.facetBox = root.querySelector("#explorer-facets");
    this.buildFacets();
    this.input.addEventListener("input", function () { self.update(); });
    this.clear.addEventListener("click", function () {
      self.apply("");
      self.input.focus();
    });
    root.querySelector("#explorer-controls").hidden = false;
  }

  Explorer.prototype.buildFacets = function () {
    var self = this;
    this.boxes = {};
    var wide = window.matchMedia("(min-width: 60em)").matches;
    this.facets.forEach(function (facet) {
      /* The page holds each facet's heading (a closed <details>); its values go inside. */
      var details = self.facetBox.querySelector('[data-facet="' + facet.key + '"]');
      if (!details) {
        details = document.createElement("details");
        details.className = "atlas-facet";
        details.setAttribute("data-facet", facet.key);
        var summary = document.createElement("summary");
        summary.textContent = facet.label;
        details.appendChild(summary);
        self.facetBox.appendChild(details);
      }
      details.querySelectorAll("fieldset").forEach(function (old) { old.remove(); });
      /* On a wide screen the first facets start open; on a phone all start closed, so the
         results stay near the top. */
      if (wide && ["lens", "level", "sector"].indexOf(facet.key) >= 0) details.open = true;
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.className = "atlas-visually-hidden";
      legend.textContent = facet.label;
      fieldset.appendChild(legend);
      var boxes = [];
      var group = null;
      facet.values.forEach(function (value) {
        /* A value's third item names its group (a component's framework): a heading above it. */
        if (value[2] && value[2] !== group) {
          group = value[2];
          var heading = document.createElement("p");
          heading.className = "atlas-facet__group";
          heading.textContent = group;
          fieldset.appendChild(heading);
        }
        var label = document.createElement("label");
        label.className = "atlas-facet__value";
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = facet.key;
        /* The address holds the filters. Left to Chromium, each history.replaceState saved the
           state of every checkbox (9,000 at 10,000 practices: about 90 ms a filter). */
        box.autocomplete = "off";
        box.value = value[0];
        box.addEventListener("change", function () { self.update(); });
        var name = document.createElement("span");
        name.textContent = value[1];
        var count = document.createElement("span");
        count.className = "atlas-facet__count";
        label.append(box, name, " ", count);
        fieldset.appendChild(label);
        boxes.push({ box: box, label: label, count: count });
      });
      details.appendChild(fieldset);
      self.boxes[facet.key] = boxes;
    });
  };

  /* Read the controls into a state. */
  Explorer.prototype.readControls = function () {
    var self = this;
    var state = { q: this.input.value, facets: {} };
    this.facets.forEach(function (facet) {
      state.facets[facet.key] = self.boxes[facet.key]
        .filter(function (b) { return b.box.checked; })
        .map(function (b) { return b.box.value; });
    });
    return state;
  };

  Explorer.prototype.writeControls = function (state) {
    var self = this;
    this.input.value = state.q;
    this.facets.forEach(function (facet) {
      var chosen = state.facets[facet.key];
      self.boxes[facet.key].forEach(function (b) {
        var checked = chosen.indexOf(b.box.value) >= 0;
        if (b.box.checked !== checked) b.box.checked = checked;
      });
      if (chosen.length) self.facetBox.querySelector('[data-facet="' + facet.key + '"]').open = true;
    });
  };

  /* One pass over the practices gives both the list and every facet's counts. A practice is
     shown when it passes the words and every facet filter; it counts for a value of facet F when
     it passes the words and every filter except F's (what checking that value would give). So
     only practices failing at most one filter matter, and which one they fail. */
  Explorer.prototype.render = function (state) {
    var self = this;
    var active = [];
    var counts = {};
    this.facets.forEach(function (facet) {
      counts[facet.key] = new Array(facet.values.length).fill(0);
      var chosen = state.facets[facet.key];
      if (chosen.length) {
        active.push({ key: facet.key, values: chosen.map(function (id) { return facet.index[id]; }) });
      }
    });
    var queryWords = words(state.q);
    var shown = [];
    this.practices.forEach(function (entry) {
      for (var w = 0; w < queryWords.length; w++) {
        if (entry.words.indexOf(queryWords[w]) < 0) return;
      }
      var failed = null;
      for (var a = 0; a < active.length; a++) {
        var has = entry.practice[active[a].key] || [];
        var wanted = active[a].values;
        var any = false;
        for (var i = 0; i < wanted.length && !any; i++) any = has.indexOf(wanted[i]) >= 0;
        if (any) continue;
        if (failed !== null) return;  /* fails two filters: in no list and no count */
        failed = active[a].key;
      }
      if (failed === null) shown.push(entry);
      self.facets.forEach(function (facet) {
        if (failed !== null && failed !== facet.key) return;
        var tally = counts[facet.key];
        (entry.practice[facet.key] || []).forEach(function (v) { tally[v] += 1; });
      });
    });
    /* The list keeps every practice, in order; only the items whose state changes are hidden or
       shown (moving thousands of items in and out of the list cost more than the filtering). */
    var showing = new Set(shown);
    this.practices.forEach(function (entry) {
      var hide = !showing.has(entry);
      if (entry.hidden !== hide) {
        self.items.get(entry.id).hidden = hide;
        entry.hidden = hide;
      }
    });
    /* At 10,000 practices the facets hold about 9,000 values: write only the counts and labels
       that change, as for the list. */
    this.facets.forEach(function (facet) {
      var tally = counts[facet.key];
      self.boxes[facet.key].forEach(function (b, i) {
        if (b.shownCount !== tally[i]) {
          b.count.textContent = "(" + tally[i] + ")";
          b.shownCount = tally[i];
        }
        var hide = tally[i] === 0 && !b.box.checked;
        if (b.label.hidden !== hide) b.label.hidden = hide;
      });
    });
    var filtered = toQuery(state, this.facets) !== "";
    this.status.textContent = filtered
      ? shown.length + " of " + this.practices.length + " practices match."
      : this.practices.length + " practices.";
    this.clear.hidden = !filtered;
    return shown.length;
  };

  Explorer.prototype.update = function () {
    var state = this.readControls();
    this.render(state);
    this.remember(state);
  };

  Explorer.prototype.remember = function (state) {
    var url = location.pathname + toQuery(state, this.facets) + location.hash;
    history.replaceState(history.state, "", url);
  };

  Explorer.prototype.apply = function (queryString) {
    var state = parseQuery(queryString, this.facets);
    this.writeControls(state);
    var count = this.render(state);
    this.remember(state);
    return count;
  };

  var current = null;
  var api = {
    ready: null,
    apply: function (queryString) {
      if (!current) throw new Error("the explorer is not loaded on this page");
      return current.apply(queryString);
    },
  };
  window.atlasExplorer = api;

  function start() {
    current = null;
    var root = document.getElementById("explorer");
    if (!root) {
      api.ready = Promise.resolve(null);
      return;
    }
    var url = new URL(root.getAttribute("data-src"), location.href).href;
    /* The address as loaded, with the q the page's inline script kept from Material's search. */
    var initial = root.hasAttribute("data-query") ? root.getAttribute("data-query") : location.search;
    root.removeAttribute("data-query");
    api.ready = load(url).then(function (data) {
      if (!root.isConnected) return null;
      current = new Explorer(root, data);
      current.apply(initial);
      root.setAttribute("data-ready", "");
      return current;
    }).catch(function (error) {
      root.setAttribute("data-error", String(error));
      throw error;
    });
  }

  window.atlasOnEveryPage(start);
})();
