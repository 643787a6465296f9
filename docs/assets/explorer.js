/* The explorer at /explore/: filters the atlas's practices by facet and words.
 *
 * The page's HTML holds the first page of practices by title (what a reader without JavaScript
 * sees, and the first paint), whatever the size of the atlas. This script loads practices.json
 * (written at build time by atlas/site/explorer.py), builds one group of checkboxes per facet with
 * counts, renders the matching practices a page at a time ("Show more"), and keeps the filters in
 * the URL query string, so a filtered view can be shared and bookmarked: repeated values of one
 * facet are OR, different facets AND.
 *
 * It runs on every page load, including Material's instant navigation (through `document$`), and
 * does nothing on pages without #explorer. `window.atlasExplorer.apply(queryString)` filters and
 * re-renders synchronously once the data is loaded (`window.atlasExplorer.ready` resolves then);
 * `window.atlasExplorer.matches()` gives the ids of every matching practice, in the list's order.
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

  var SORTS = ["title", "country", "year"];

  /* State: { q: "words", sort: "title", facets: { lens: ["horizontal"], ... } } <-> query string.
     `unknown` lists what the address asks for that the data does not have, for the notice. */
  function parseQuery(queryString, facets) {
    var params = new URLSearchParams(queryString);
    var state = { q: params.get("q") || "", sort: params.get("sort") || "title", facets: {}, unknown: [] };
    if (SORTS.indexOf(state.sort) < 0) {
      state.unknown.push({ key: "sort", value: state.sort, nearest: nearest(state.sort, SORTS.map(function (s) { return [s, s]; })) });
      state.sort = "title";
    }
    var keys = facets.map(function (facet) { return facet.key; });
    params.forEach(function (value, key) {
      if (key !== "q" && key !== "sort" && keys.indexOf(key) < 0) {
        state.unknown.push({ key: key, value: value, noFilter: true,
                             nearest: nearest(key, keys.concat(["q", "sort"]).map(function (k) { return [k, k]; })) });
      }
    });
    facets.forEach(function (facet) {
      var known = facet.index;
      state.facets[facet.key] = [];
      params.getAll(facet.key).forEach(function (value) {
        if (Object.prototype.hasOwnProperty.call(known, value)) state.facets[facet.key].push(value);
        else state.unknown.push({ key: facet.key, value: value, label: facet.label, nearest: nearest(value, facet.values) });
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
    if (state.sort && state.sort !== "title") params.set("sort", state.sort);
    var query = params.toString();
    return query ? "?" + query : "";
  }

  /* The value among `values` ([id, label] pairs) that `typed` most likely meant, or null: the same
     id or label in other letter case, then one that starts with it, then the fewest edits. */
  function nearest(typed, values) {
    var folded = fold(typed);
    var best = null, bestDistance = Infinity;
    for (var i = 0; i < values.length; i++) {
      var id = fold(values[i][0]), label = fold(values[i][1]);
      if (id === folded || label === folded) return values[i];
      var distance = Math.min(edits(folded, id), edits(folded, label));
      if (label.indexOf(folded) === 0 && folded.length >= 3) distance = Math.min(distance, 1);
      if (distance < bestDistance) { best = values[i]; bestDistance = distance; }
    }
    return bestDistance <= Math.max(2, Math.floor(folded.length / 3)) ? best : null;
  }

  function edits(a, b) {
    if (Math.abs(a.length - b.length) > 3) return Infinity;
    var previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      previous = current;
    }
    return previous[b.length];
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
    var byKey = {};
    data.facets.forEach(function (facet) { byKey[facet.key] = facet; });
    var countryNames = byKey.country.names;
    this.practices = data.practices.map(function (practice) {
      /* Not repeated in the file (atlas/site/explorer.py, DERIVED): the primary lens is the first
         of the practice's lenses, and both facets list the lenses in the same order. */
      if (practice.lens) practice.primary = practice.lens.slice(0, 1);
      var names = [];
      named.forEach(function (facet) {
        (practice[facet.key] || []).forEach(function (i) { names.push(facet.values[i][1]); });
      });
      var haystack = [practice.title].concat(practice.aliases || [], practice.spellings || [], [practice.text], names).join(" ");
      var countries = (practice.country || []).map(function (i) { return countryNames[i]; });
      return {
        id: practice.id, practice: practice, words: words(haystack).join(" "),
        countries: countries,
        lenses: (practice.lens || []).map(function (i) { return byKey.lens.values[i][1]; }),
        sectors: (practice.sector || []).map(function (i) { return byKey.sector.values[i][1]; }),
        year: (practice.year || []).map(function (i) { return byKey.year.values[i][0]; })[0] || "",
        cautionary: (practice.example || []).some(function (i) { return byKey.example.values[i][0] === "cautionary"; }),
      };
    });
    this.list = root.querySelector("#explorer-results");
    this.pageSize = Number(root.getAttribute("data-page-size")) || 50;
    this.linkRoot = root.getAttribute("data-root") || "../";
    this.more = root.querySelector("#explorer-more");
    this.more.addEventListener("click", function () { self.showMore(); });
    this.shown = [];
    this.listed = 0;
    this.status = root.querySelector("#explorer-status");
    this.input = root.querySelector("#explorer-q");
    this.clear = root.querySelector("#explorer-clear");
    this.facetBox = root.querySelector("#explorer-facets");
    this.notice = root.querySelector("#explorer-notice");
    this.sortBox = root.querySelector("#explorer-sort");
    this.count = root.querySelector("#explorer-count");
    this.showButton = root.querySelector("#explorer-show");
    this.openButton = root.querySelector("#explorer-open");
    this.active = root.querySelector("#explorer-active");
    this.buildFacets();
    this.input.addEventListener("input", function () { self.update(); });
    this.clear.addEventListener("click", function () {
      self.apply("");
      self.input.focus();
    });
    this.sortBox.addEventListener("change", function () { self.update(); });
    root.querySelector("#explorer-copy").addEventListener("click", function () { self.copyLink(this); });
    root.querySelector("#explorer-csv").addEventListener("click", function () { self.download("csv"); });
    root.querySelector("#explorer-json").addEventListener("click", function () { self.download("json"); });
    /* On a phone the filters are a sheet over the results, opened by the Filters button and
       closed by "Show N practices" (or Escape), so the first result is on the first screen. */
    this.openButton.addEventListener("click", function () { self.openSheet(true); });
    this.showButton.addEventListener("click", function () { self.openSheet(false); });
    root.querySelector("#explorer-controls").addEventListener("keydown", function (event) {
      if (event.key === "Escape" && root.classList.contains("atlas-explorer--open")) self.openSheet(false);
    });
    root.classList.add("atlas-explorer--scripted");
    root.querySelector("#explorer-bar").hidden = false;
    root.querySelector("#explorer-tools").hidden = false;
    root.querySelector("#explorer-controls").hidden = false;
  }

  Explorer.prototype.openSheet = function (open) {
    this.root.classList.toggle("atlas-explorer--open", open);
    this.openButton.setAttribute("aria-expanded", String(open));
    if (open) {
      this.input.focus();
    } else if (window.matchMedia("(max-width: 59.99em)").matches) {
      this.openButton.focus();
    }
  };

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
        boxes.push({ box: box, label: label, count: count, name: value[1] });
      });
      if (facet.values.length > 12) self.addFacetTools(details, fieldset, facet, boxes);
      details.appendChild(fieldset);
      self.boxes[facet.key] = boxes;
    });
  };

  /* A long facet (countries, organizations...) gets a box that narrows its values by name and
     a button that orders them by how many practices each would give. */
  Explorer.prototype.addFacetTools = function (details, fieldset, facet, boxes) {
    var tools = document.createElement("div");
    tools.className = "atlas-facet__tools";
    var filter = document.createElement("input");
    filter.type = "search";
    filter.autocomplete = "off";
    filter.placeholder = "Find a " + facet.label.toLowerCase() + "…";
    filter.setAttribute("aria-label", "Find a value of " + facet.label);
    var order = document.createElement("button");
    order.type = "button";
    order.textContent = "Sort by count";
    order.setAttribute("aria-pressed", "false");
    tools.append(filter, order);
    details.appendChild(tools);
    filter.addEventListener("input", function () {
      var wanted = fold(filter.value.trim());
      boxes.forEach(function (b) { b.label.hidden = wanted !== "" && fold(b.name).indexOf(wanted) < 0; });
    });
    var alphabetical = boxes.map(function (b) { return b.label; });
    order.addEventListener("click", function () {
      var byCount = order.getAttribute("aria-pressed") !== "true";
      order.setAttribute("aria-pressed", String(byCount));
      order.textContent = byCount ? "Sort A–Z" : "Sort by count";
      var labels = byCount
        ? boxes.slice().sort(function (a, b) { return (b.shownCount || 0) - (a.shownCount || 0); }).map(function (b) { return b.label; })
        : alphabetical;
      labels.forEach(function (label) { fieldset.appendChild(label); });
    });
  };

  /* Read the controls into a state. */
  Explorer.prototype.readControls = function () {
    var self = this;
    var state = { q: this.input.value, sort: this.sortBox.value, facets: {}, unknown: [] };
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
    this.sortBox.value = state.sort;
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
    /* At 10,000 practices the facets hold about 9,000 values: write only the counts and labels
       that change. */
    this.facets.forEach(function (facet) {
      var tally = counts[facet.key];
      self.boxes[facet.key].forEach(function (b, i) {
        if (b.shownCount !== tally[i]) {
          b.count.textContent = "(" + tally[i] + ")";
          b.shownCount = tally[i];
        }
        /* Values that would give nothing under the other filters are dimmed, not hidden. */
        var empty = tally[i] === 0 && !b.box.checked;
        if (b.empty !== empty) {
          b.label.classList.toggle("atlas-facet__value--empty", empty);
          b.empty = empty;
        }
      });
    });
    var filtered = toQuery(state, this.facets) !== "";
    this.status.textContent = filtered ? shown.length + " of " + this.whole() + " match." : this.whole() + ".";
    this.clear.hidden = !filtered;
    this.shown = sorted(shown, state.sort);
    this.list.textContent = "";
    this.listed = 0;
    this.listMore();
    this.count.textContent = String(shown.length);
    this.showButton.textContent = "Show " + shown.length + " practice" + (shown.length === 1 ? "" : "s");
    var chosen = 0;
    this.facets.forEach(function (facet) { chosen += state.facets[facet.key].length; });
    this.active.textContent = chosen ? "(" + chosen + ")" : "";
    return shown.length;
  };

  /* What the explorer holds, counted as the rest of the site counts: cautionary examples apart
     from the practices (the home page's "239 practices"). */
  Explorer.prototype.whole = function () {
    var cautionary = this.practices.filter(function (entry) { return entry.cautionary; }).length;
    var practices = this.practices.length - cautionary;
    return practices + " practice" + (practices === 1 ? "" : "s") + (cautionary
      ? " and " + cautionary + " cautionary example" + (cautionary === 1 ? "" : "s") : "");
  };

  /* The matches in the reader's order: by title (the data's order), by the first country's name
     (practices with none last), or by the newest evidence first. */
  function sorted(entries, order) {
    if (order === "title") return entries;
    var pairs = entries.map(function (entry, position) { return { entry: entry, position: position }; });
    pairs.sort(function (a, b) {
      if (order === "year") return Number(b.entry.year) - Number(a.entry.year) || a.position - b.position;
      var x = a.entry.countries[0] || "", y = b.entry.countries[0] || "";
      if (!x !== !y) return x ? -1 : 1;
      return x.localeCompare(y) || a.position - b.position;
    });
    return pairs.map(function (pair) { return pair.entry; });
  }

  /* The next page of matches at the end of the list, and the button that offers the one after. */
  Explorer.prototype.listMore = function () {
    var end = Math.min(this.listed + this.pageSize, this.shown.length);
    var fragment = document.createDocumentFragment();
    for (var i = this.listed; i < end; i++) fragment.appendChild(this.item(this.shown[i]));
    this.list.appendChild(fragment);
    this.listed = end;
    var left = this.shown.length - end;
    this.more.hidden = left === 0;
    this.more.textContent = left > this.pageSize ? "Show " + this.pageSize + " more (" + left + " not listed yet)"
      : "Show the last " + left;
  };

  /* "Show more": the next page, and the keyboard's focus on its first practice, where the
     reader goes on reading (the button moves down past it). */
  Explorer.prototype.showMore = function () {
    var first = this.listed;
    this.listMore();
    var link = this.list.children[first] && this.list.children[first].querySelector("a");
    if (link) link.focus();
  };

  /* One practice as the page's HTML lists it (templates/html/explorer.html.j2): its text is
     set as text, never parsed as HTML. */
  Explorer.prototype.item = function (entry) {
    var li = document.createElement("li");
    li.setAttribute("data-id", entry.id);
    li.setAttribute("data-year", entry.year);
    li.setAttribute("data-country", entry.countries[0] || "");
    var link = document.createElement("a");
    link.href = this.linkRoot + "practices/" + encodeURIComponent(entry.id) + "/";
    link.textContent = entry.practice.title;
    li.appendChild(link);
    if (entry.cautionary) {
      var badge = document.createElement("span");
      badge.className = "atlas-badge atlas-badge--cautionary";
      badge.textContent = "Cautionary example";
      li.append(" ", badge);
    }
    if (entry.practice.aliases) {
      var aliases = document.createElement("span");
      aliases.className = "atlas-explorer__aliases";
      aliases.textContent = "(" + entry.practice.aliases.join(", ") + ")";
      li.append(" ", aliases);
    }
    var facts = document.createElement("span");
    facts.className = "atlas-explorer__facts";
    var text = entry.lenses.join(", ");
    if (entry.sectors.length) text += " · " + entry.sectors.join(", ");
    if (entry.countries.length) text += " · " + entry.countries.join(", ");
    facts.textContent = text + " · evidence of " + entry.year;
    li.append(document.createElement("br"), facts);
    return li;
  };

  /* What the address asked for that the data does not have, and the nearest it has. */
  Explorer.prototype.report = function (unknown) {
    var notice = this.notice;
    notice.textContent = "";
    unknown.forEach(function (u) {
      var line = document.createElement("p");
      var text = u.key + "=" + u.value + ": ";
      if (u.noFilter) text += "the explorer has no filter named " + u.key;
      else if (u.key === "sort") text += "no such order";
      else text += "no such " + u.label.toLowerCase();
      if (u.nearest) {
        text += u.noFilter || u.key === "sort" ? "; did you mean " + u.nearest[0] + "?"
          : "; did you mean " + u.nearest[1] + " (" + u.nearest[0] + ")?";
      }
      line.textContent = text;
      notice.appendChild(line);
    });
    notice.hidden = unknown.length === 0;
  };

  Explorer.prototype.copyLink = function (button) {
    var url = location.href;
    var done = function () { button.textContent = "Link copied"; setTimeout(function () { button.textContent = "Copy link to this view"; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, function () { window.prompt("Copy this link:", url); });
    else window.prompt("Copy this link:", url);
  };

  /* The practices shown, as the site's own export files hold them (same columns, same fields):
     those files are read from this site and cut down to the list, in the list's order. */
  Explorer.prototype.download = function (format) {
    var self = this;
    var ids = this.matches();
    var base = new URL(this.root.getAttribute("data-exports"), location.href).href;
    return fetch(base + "practices." + format).then(function (response) {
      if (!response.ok) throw new Error("export: HTTP " + response.status);
      return format === "json" ? response.json() : response.text();
    }).then(function (data) {
      var content = format === "json" ? self.jsonOf(data, ids) : csvOf(data, ids);
      var blob = new Blob([content], { type: (format === "json" ? "application/json" : "text/csv") + ";charset=utf-8" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "atlas-practices-" + ids.length + "." + format;
      document.body.appendChild(a);
      a.click();
      a.remove();
      self.lastDownload = content;
      return content;
    });
  };

  Explorer.prototype.jsonOf = function (document, ids) {
    var byId = {};
    document.records.forEach(function (entry) { byId[entry.id] = entry; });
    var view = Object.assign({}, document);
    view.records = ids.map(function (id) { return byId[id]; }).filter(Boolean);
    view.count = view.records.length;
    view.view = location.href;
    return JSON.stringify(view, null, 2) + "\n";
  };

  /* The CSV's header and the rows of `ids`, each row's text exactly as in the file (RFC 4180:
     a quoted field may hold commas, quotes doubled and line breaks). */
  function csvOf(text, ids) {
    var rows = [], start = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (ch === '"') quoted = !quoted;
      else if (ch === "\n" && !quoted) {
        rows.push(text.slice(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length) rows.push(text.slice(start));
    var byId = {};
    rows.slice(1).forEach(function (row) {
      var id = row.charAt(0) === '"' ? row.slice(1, row.indexOf('"', 1)) : row.split(",")[0].replace(/\r?\n$/, "");
      byId[id] = row;
    });
    return rows[0] + ids.map(function (id) { return byId[id] || ""; }).join("");
  }

  Explorer.prototype.update = function () {
    var state = this.readControls();
    this.render(state);
    this.remember(state);
  };

  /* The address follows the view just after it is shown: Chromium's replaceState saves the
     page's form state, which made it lay out the whole new list inside apply() (10,000
     practices, worst filter: apply 420 ms, now 34 ms; apply and the layout that follows were
     and stay about 650 ms, the layout being the cost of a list that long). */
  Explorer.prototype.remember = function (state) {
    var url = location.pathname + toQuery(state, this.facets) + location.hash;
    clearTimeout(this.remembering);
    this.remembering = setTimeout(function () { history.replaceState(history.state, "", url); }, 0);
  };

  Explorer.prototype.matches = function () {
    return this.shown.map(function (entry) { return entry.id; });
  };

  Explorer.prototype.apply = function (queryString) {
    var state = parseQuery(queryString, this.facets);
    this.report(state.unknown);
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
    matches: function () {
      if (!current) throw new Error("the explorer is not loaded on this page");
      return current.matches();
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
