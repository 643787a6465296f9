/* The "Propose a practice" form at /contribute/propose/ (atlas/site/practice_form.py makes it
 * from the data model). As the contributor types, it reads the form into a record, checks it with
 * the validator's rules and messages where a rule needs only the form and the ids in
 * practice-form.json, and writes the YAML file: every text value double-quoted with JSON's
 * escapes, so a newline, a colon, a "#", a leading "-" or "NO" comes back as the same text and
 * never as YAML structure. Nothing is sent anywhere: the GitHub link carries the file only when
 * the contributor presses it.
 */
(function () {
  "use strict";

  var MAX_LINK = 8000; /* characters: longer addresses are refused by GitHub (414) */

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* --- reading the form into a record ---------------------------------------------------- */

  /* The controls directly inside `container` (a form, a group, a list item). */
  function childControls(container) {
    return Array.prototype.filter.call(container.querySelectorAll("[data-field]"), function (el) {
      if (el === container) return false;
      var parent = el.parentElement.closest("[data-field], form");
      return parent === container;
    });
  }

  function items(list) {
    return Array.prototype.slice.call(list.querySelector("[data-items]").children);
  }

  function input(control) { return control.querySelector("input, textarea, select"); }

  function read(control) {
    var widget = control.getAttribute("data-widget");
    if (widget === "group") {
      var value = {};
      childControls(control).forEach(function (child) {
        var v = read(child);
        if (v !== null) value[child.getAttribute("data-field")] = v;
      });
      return Object.keys(value).length ? value : null;
    }
    if (widget === "list") {
      var values = items(control).map(read).filter(function (v) { return v !== null; });
      return values.length ? values : null;
    }
    if (widget === "checkboxes") {
      var checked = Array.prototype.filter.call(control.querySelectorAll("input"), function (box) { return box.checked; })
        .map(function (box) { return box.value; });
      return checked.length ? checked : null;
    }
    var text = input(control).value;
    if (text === "") return null;
    if (widget === "year" && /^[0-9]{1,4}$/.test(text)) return parseInt(text, 10);
    if (widget === "number" && /^-?[0-9]+(\.[0-9]+)?$/.test(text)) return parseFloat(text);
    return text;
  }

  /* --- the validator's rules ---------------------------------------------------------------- */

  function Checker(data) {
    this.data = data;
    this.rules = data.rules;
    this.idPattern = new RegExp("^(?:" + data.rules.idPattern + ")$");
    this.ids = {};
    var self = this;
    Object.keys(data.records).forEach(function (kind) {
      self.ids[kind] = {};
      data.records[kind].forEach(function (pair) { self.ids[kind][pair[0]] = pair[1]; });
    });
    this.components = {};
    data.components.forEach(function (c) { (self.components[c[0]] = self.components[c[0]] || {})[c[1]] = c[2]; });
  }

  function problem(control, code, field, message, hint) {
    return { control: control, code: code, field: field,
             text: (code ? "[" + code + "] " : "") + field + ": " + message + (hint ? "; " + hint : "") };
  }

  Checker.prototype.textProblem = function (control, field, value) {
    var checks = (control.getAttribute("data-checks") || "").split(" ");
    var max = parseInt(control.getAttribute("data-max") || "0", 10);
    var widget = control.getAttribute("data-widget");
    if (widget === "year") {
      if (typeof value !== "number") return problem(control, "wrong-type", field, "expected a whole number, got `" + value + "`", "write a whole number here");
      if (value < 1900) return problem(control, "bad-year", field, "`" + value + "` is not a year in the allowed range", "the smallest value allowed is 1900; write the year with four digits, e.g. 2017");
      if (value > 2100) return problem(control, "bad-year", field, "`" + value + "` is not a year in the allowed range", "the largest value allowed is 2100; write the year with four digits, e.g. 2017");
      return null;
    }
    if (widget === "number") {
      return typeof value === "number" ? null : problem(control, "wrong-type", field, "expected a number, got `" + value + "`", "write a number here");
    }
    if (max && value.length > max) {
      return problem(control, "too-long", field, "the text has " + value.length + " characters, too many for this field", "shorten it to " + max + " characters or fewer");
    }
    if (checks.indexOf("id") >= 0) {
      var reason = null;
      if (value.length > this.rules.maxIdLength) reason = "an id has at most " + this.rules.maxIdLength + " characters";
      else if (!this.idPattern.test(value)) reason = "an id is lowercase letters, digits and single hyphens (kebab-case), e.g. 'one-stop-shops'";
      else if (this.rules.reservedIds.indexOf(value) >= 0) reason = "'" + value + "' is a reserved name and cannot be an id";
      if (reason) return problem(control, "bad-id", field, "'" + value + "' is not an id", reason);
    }
    if (checks.indexOf("line") >= 0) {
      if (/[\n\r]/.test(value)) return problem(control, "bad-text", field, "this field is a single line of text", "remove the line breaks");
      if (value !== value.trim()) return problem(control, "bad-text", field, "text may not be empty or start or end with spaces");
    }
    if (checks.indexOf("name") >= 0) {
      var count = value.trim().split(/\s+/).length;
      if (count > this.rules.maxNameWords) return problem(control, "bad-text", field, "a name or heading has at most " + this.rules.maxNameWords + " words, this one " + count, "say more in the summary or notes, in your own words");
    }
    if (checks.indexOf("url") >= 0) {
      if (/[\s\u0000-\u001f\u007f]/.test(value)) return problem(control, "bad-url", field, "'" + value + "' is not a link the atlas accepts", "a URL may not contain spaces or control characters: write the full address, e.g. https://www.undp.org/");
      if (!/^https?:\/\/[^\/]/i.test(value)) return problem(control, "bad-url", field, "'" + value + "' is not a link the atlas accepts", "only absolute http:// or https:// links are allowed: write the full address, e.g. https://www.undp.org/");
    }
    if (widget === "textarea" && !value.trim()) return problem(control, "bad-text", field, "text may not be empty");
    var picks = control.getAttribute("data-picks");
    if (picks && picks !== "component" && !own(this.ids[picks], value)) {
      return problem(control, "unknown-reference", field, "no " + picks + " has the id '" + value + "'", "pick one from the list as you type");
    }
    return null;
  };

  /* Every problem of `control` holding `value`, at `field` (the validator's path). */
  Checker.prototype.check = function (control, value, field, out) {
    var self = this;
    var widget = control.getAttribute("data-widget");
    var name = control.getAttribute("data-field");
    var required = control.hasAttribute("data-required") || parseInt(control.getAttribute("data-min") || "0", 10) > 0;
    if (value === null) {
      if (required) out.push(problem(control, "missing-field", field, "required field is missing", control.getAttribute("data-missing")));
      return;
    }
    if (widget === "group") {
      childControls(control).forEach(function (child) {
        var key = child.getAttribute("data-field");
        self.check(child, own(value, key) ? value[key] : null, field + "." + key, out);
      });
    } else if (widget === "list") {
      var shown = items(control).filter(function (item) { return read(item) !== null; });
      shown.forEach(function (item, i) { self.check(item, value[i], field + "[" + i + "]", out); });
    } else if (widget !== "checkboxes" && widget !== "select") {
      var found = this.textProblem(control, field, value);
      if (found) out.push(found);
    }
    if (name === "summary" && typeof value === "string" && value.trim() && value.trim().length < this.rules.minSummary) {
      out.push(problem(control, "summary-too-short", field, "the summary has " + value.trim().length + " characters; at least " + this.rules.minSummary + " are needed", "say in your own words what it is, who runs it and what it does"));
    }
  };

  /* The rules across fields: lens reasons, framework links (checks/cross_record.py). */
  Checker.prototype.crossCheck = function (form, record, out) {
    var self = this;
    var control = function (selector) { return form.querySelector(selector); };
    var minReason = this.rules.minReason;
    if (record.lenses) {
      var assignments = [];
      if (record.lenses.primary) assignments.push(["lenses.primary", record.lenses.primary]);
      (record.lenses.secondary || []).forEach(function (a, i) { assignments.push(["lenses.secondary[" + i + "]", a]); });
      var seen = {};
      assignments.forEach(function (pair) {
        var where = pair[0], a = pair[1];
        if (a.lens && seen[a.lens]) out.push(problem(control('[data-field="lenses"]'), "repeated-lens", where + ".lens", "the lens '" + a.lens + "' is given more than once", "give each lens once: the primary lens is not repeated among the secondary ones"));
        if (a.lens) seen[a.lens] = true;
        if (typeof a.reason === "string" && a.reason.length < minReason) out.push(problem(control('[data-field="lenses"]'), "reason-too-short", where + ".reason", "the reason has " + a.reason.length + " characters; at least " + minReason + " are needed", "say in a short sentence why the record illustrates this lens"));
      });
    }
    var links = form.querySelector('[data-field="frameworks"][data-widget="list"]');
    var linked = {};
    (record.frameworks || []).forEach(function (link, i) {
      var where = "frameworks[" + i + "]";
      var target = (link.framework || "") + (link.component ? "#" + link.component : "");
      if (own(linked, target)) out.push(problem(links, "repeated-link", where + ".framework", "the link to '" + target + "' is given more than once", "give each framework or component once, with one reason"));
      linked[target] = true;
      if (link.component && link.framework && own(self.ids.framework, link.framework) && !own(self.components[link.framework] || {}, link.component)) {
        out.push(problem(links, "unknown-component", where + ".component", "framework '" + link.framework + "' has no component '" + link.component + "'", "its components: " + (Object.keys(self.components[link.framework] || {}).join(", ") || "none")));
      }
      if (link.kind === "stated" && !link.source) out.push(problem(links, "uncited-link", where + ".kind", "the link to '" + target + "' is stated by a source but cites no passage", "add `source:` with the source and locator where it says so, or make it `kind: classified` if it is the atlas's own judgement"));
      if (typeof link.reason === "string" && link.reason.length < minReason) out.push(problem(links, "reason-too-short", where + ".reason", "the reason has " + link.reason.length + " characters; at least " + minReason + " are needed", "say in a short sentence why the practice serves this framework or component"));
    });
  };

  /* --- the YAML file ------------------------------------------------------------------------- */

  /* Text as a YAML double-quoted scalar: JSON's escapes are YAML's, and the line separators that
     YAML 1.1 reads as line breaks are escaped too, so the loader reads back exactly this text. */
  function scalar(value) {
    if (typeof value === "number") return String(value);
    return JSON.stringify(value).replace(/[\u0085\u2028\u2029\u007f-\u009f\ufeff]/g, function (ch) {
      return "\\u" + ("000" + ch.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function mappingLines(object, pad) {
    var lines = [];
    Object.keys(object).forEach(function (key) {
      var value = object[key];
      if (Array.isArray(value)) {
        lines.push(pad + key + ":");
        value.forEach(function (item) {
          if (item !== null && typeof item === "object") {
            var inner = mappingLines(item, pad + "  ");
            inner[0] = pad + "- " + inner[0].slice(pad.length + 2);
            lines.push.apply(lines, inner);
          } else {
            lines.push(pad + "- " + scalar(item));
          }
        });
      } else if (value !== null && typeof value === "object") {
        lines.push(pad + key + ":");
        lines.push.apply(lines, mappingLines(value, pad + "  "));
      } else {
        lines.push(pad + key + ": " + scalar(value));
      }
    });
    return lines;
  }

  /* A message as text, its `field:` spans as code (the validator writes field names so). */
  function withCode(element, text) {
    element.textContent = "";
    text.split("`").forEach(function (part, i) {
      if (i % 2) {
        var code = document.createElement("code");
        code.textContent = part;
        element.appendChild(code);
      } else if (part) {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  /* --- the page ------------------------------------------------------------------------------- */

  function PracticeForm(form, data) {
    var self = this;
    this.form = form;
    this.data = data;
    this.checker = new Checker(data);
    this.yaml = document.getElementById("pf-yaml");
    this.status = document.getElementById("pf-status");
    this.problems = document.getElementById("pf-problems");
    this.filename = document.getElementById("pf-filename");
    this.github = document.getElementById("pf-github");
    this.githubNote = document.getElementById("pf-github-note");
    this.pickLists();
    /* A list that needs an item starts with one; the lenses start with their primary lens. */
    form.querySelectorAll('[data-widget="list"]').forEach(function (list) {
      if (parseInt(list.getAttribute("data-min"), 10) > 0) self.addItem(list);
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-action]");
      if (!button) return;
      if (button.getAttribute("data-action") === "add") self.addItem(button.closest('[data-widget="list"]'), true);
      else button.closest("[data-item]").remove();
      self.update();
    });
    form.addEventListener("input", function (event) {
      var control = event.target.closest("[data-field]");
      if (control) control.setAttribute("data-touched", "");
      self.update();
    });
    form.addEventListener("change", function () { self.update(); });
    document.getElementById("pf-copy").addEventListener("click", function () { self.copy(); });
    document.getElementById("pf-download").addEventListener("click", function () { self.download(); });
    this.github.addEventListener("click", function (event) {
      if (self.github.getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        self.showAll();
      }
    });
    this.update();
  }

  /* The pickers' choices: every record of the kind, by name, and every framework component. */
  PracticeForm.prototype.pickLists = function () {
    var self = this;
    var lists = {};
    Object.keys(this.data.records).forEach(function (kind) {
      lists[kind] = self.data.records[kind].map(function (pair) { return [pair[0], pair[1]]; });
    });
    lists.component = this.data.components.map(function (c) { return [c[1], self.checker.ids.framework[c[0]] + ": " + c[2]]; });
    Object.keys(lists).forEach(function (kind) {
      var datalist = document.createElement("datalist");
      datalist.id = "pf-picks-" + kind;
      lists[kind].forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.label = pair[1];
        datalist.appendChild(option);
      });
      self.form.appendChild(datalist);
    });
  };

  PracticeForm.prototype.addItem = function (list, focus) {
    var item = list.querySelector(":scope > template").content.firstElementChild.cloneNode(true);
    item.setAttribute("data-item", "");
    list.querySelector("[data-items]").appendChild(item);
    if (focus) {
      var first = item.querySelector("input, textarea, select");
      if (first) first.focus();
    }
    return item;
  };

  PracticeForm.prototype.record = function () {
    var record = {};
    childControls(this.form).forEach(function (control) {
      var value = read(control);
      if (value !== null) record[control.getAttribute("data-field")] = value;
    });
    return record;
  };

  PracticeForm.prototype.check = function (record) {
    var self = this;
    var out = [];
    childControls(this.form).forEach(function (control) {
      var name = control.getAttribute("data-field");
      self.checker.check(control, own(record, name) ? record[name] : null, name, out);
    });
    if (record.id && own(this.checker.ids.practice, record.id)) {
      out.unshift(problem(this.form.querySelector('[data-field="id"]'), "", "id",
        "a practice with the id '" + record.id + "' already exists (" + this.checker.ids.practice[record.id] + ")",
        "choose another id, or edit that record from its page"));
    }
    if (!out.length) this.checker.crossCheck(this.form, record, out);
    return out;
  };

  PracticeForm.prototype.text = function (record) {
    return [this.data.file.header].concat(mappingLines(record, "")).join("\n") + "\n";
  };

  PracticeForm.prototype.path = function (record) {
    var id = record.id && this.checker.idPattern.test(record.id) ? record.id : "new-practice";
    return "data/" + this.data.file.folder + "/" + id + ".yaml";
  };

  PracticeForm.prototype.update = function () {
    var record = this.record();
    var found = this.check(record);
    this.current = { record: record, text: this.text(record), path: this.path(record), problems: found };
    this.yaml.textContent = this.current.text;
    this.filename.textContent = "File: " + this.current.path;
    this.showProblems(false);
    var link = this.data.file.newFile + "?filename=" + encodeURIComponent(this.current.path) +
      "&value=" + encodeURIComponent(this.current.text);
    var ready = !found.length && link.length <= MAX_LINK;
    if (ready) this.github.href = link;
    else this.github.removeAttribute("href");
    this.github.setAttribute("aria-disabled", String(!ready));
    this.githubNote.textContent = found.length
      ? "Fix the problems above first: a pull request opens only for a record that passes these checks."
      : link.length > MAX_LINK
        ? "This record is too long to hand to GitHub in a link. Press Copy, then paste it into GitHub's new-file page for " + this.current.path + "."
        : "GitHub opens its new-file page with this file filled in; without write access to the atlas, it makes your own copy and opens the pull request for you.";
    this.status.textContent = found.length
      ? "The record has " + found.length + " problem" + (found.length === 1 ? "" : "s") + "."
      : "The record passes the checks this form can make; the pull request's checks do the rest (own words, the links between records).";
  };

  /* Problems show at their fields once a field has been typed in (or after a press on the
     GitHub button), and all of them in the list above the file. */
  PracticeForm.prototype.showProblems = function (all) {
    var self = this;
    this.form.querySelectorAll("[data-problem]").forEach(function (el) { el.textContent = ""; });
    this.form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    this.problems.textContent = "";
    this.current.problems.forEach(function (p) {
      var li = document.createElement("li");
      withCode(li, p.text);
      li.setAttribute("data-message", p.text);  /* the message as the validator writes it */
      self.problems.appendChild(li);
      var control = p.control;
      if (!control || !(all || self.showingAll || control.hasAttribute("data-touched") || control.querySelector("[data-touched]"))) return;
      var slot = control.querySelector(":scope > [data-problem]") || control.querySelector("[data-problem]");
      if (slot && !slot.textContent) withCode(slot, p.text);
      var field = control.querySelector(":scope > label > input, :scope > label > textarea, :scope > label > select");
      if (field) field.setAttribute("aria-invalid", "true");
    });
  };

  PracticeForm.prototype.showAll = function () {
    this.showingAll = true;
    this.showProblems(true);
    var first = this.form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
  };

  PracticeForm.prototype.copy = function () {
    var self = this;
    var done = function () { self.status.textContent = "Copied " + self.current.path + "."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(this.current.text).then(done, function () { self.selectText(); });
    } else {
      this.selectText();
    }
  };

  PracticeForm.prototype.selectText = function () {
    var range = document.createRange();
    range.selectNodeContents(this.yaml);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    this.status.textContent = "The file is selected: copy it with Ctrl+C (⌘C on a Mac).";
  };

  PracticeForm.prototype.download = function () {
    var url = URL.createObjectURL(new Blob([this.current.text], { type: "text/yaml;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = this.current.path.split("/").pop();
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };

  var api = { ready: null, current: null };
  window.atlasPracticeForm = api;

  function start() {
    var form = document.getElementById("practice-form");
    api.current = null;
    if (!form) {
      api.ready = Promise.resolve(null);
      return;
    }
    var url = new URL(form.getAttribute("data-src"), location.href).href;
    api.ready = fetch(url).then(function (response) {
      if (!response.ok) throw new Error("form data: HTTP " + response.status);
      return response.json();
    }).then(function (data) {
      if (!form.isConnected) return null;
      api.current = new PracticeForm(form, data);
      form.setAttribute("data-ready", "");
      return api.current;
    });
  }

  window.atlasOnEveryPage(start);
})();
