/* The comparison tables of /explore/compare/ (atlas/site/overviews.py): each column header becomes
 * a button that sorts the rows by it (again: the other way), announced with aria-sort; the last row
 * (the totals) stays at the foot. The sort is kept in the address, one `sort` parameter per table
 * (`?sort=country-by-lens.3.desc`: table, column from 0, direction), so a sorted view can be
 * shared. The page comes sorted by total, largest first, which is also the view without script.
 */
(function () {
  "use strict";

  function cellValue(row, column) {
    var text = row.cells[column].textContent.trim();
    return column === 0 ? text : parseInt(text, 10) || 0;
  }

  function SortableTable(box) {
    var self = this;
    this.name = box.getAttribute("data-table");
    this.table = box.querySelector("table");
    this.body = this.table.tBodies[0];
    /* The totals row goes to a footer, out of the sorting. */
    var totals = this.body.rows[this.body.rows.length - 1];
    var foot = this.table.createTFoot();
    foot.appendChild(totals);
    this.headers = Array.prototype.slice.call(this.table.tHead.rows[0].cells);
    this.original = Array.prototype.slice.call(this.body.rows);
    this.headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "atlas-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = self.column === column ? !self.descending : column !== 0;
        self.sort(column, descending);
        remember();
      });
    });
    this.column = this.headers.length - 1;
    this.descending = true;
    this.mark();
  }

  SortableTable.prototype.sort = function (column, descending) {
    var order = this.original.slice().sort(function (a, b) {
      var x = cellValue(a, column), y = cellValue(b, column);
      var compared = typeof x === "number" ? x - y : x.localeCompare(y);
      if (compared === 0) return cellValue(a, 0).localeCompare(cellValue(b, 0));
      return descending ? -compared : compared;
    });
    var body = this.body;
    order.forEach(function (row) { body.appendChild(row); });
    this.column = column;
    this.descending = descending;
    this.mark();
  };

  SortableTable.prototype.mark = function () {
    var self = this;
    this.headers.forEach(function (th, column) {
      if (column === self.column) th.setAttribute("aria-sort", self.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  };

  SortableTable.prototype.isDefault = function () {
    return this.column === this.headers.length - 1 && this.descending;
  };

  var tables = [];

  function remember() {
    var url = new URL(location.href);
    url.searchParams.delete("sort");
    tables.forEach(function (t) {
      if (!t.isDefault()) url.searchParams.append("sort", t.name + "." + t.column + "." + (t.descending ? "desc" : "asc"));
    });
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }

  function start() {
    tables = Array.prototype.map.call(document.querySelectorAll(".atlas-compare[data-table]"), function (box) {
      return new SortableTable(box);
    });
    new URLSearchParams(location.search).getAll("sort").forEach(function (value) {
      var parts = value.split(".");
      var table = tables.filter(function (t) { return t.name === parts[0]; })[0];
      var column = parseInt(parts[1], 10);
      if (table && column >= 0 && column < table.headers.length && (parts[2] === "asc" || parts[2] === "desc")) {
        table.sort(column, parts[2] === "desc");
      }
    });
  }

  window.atlasOnEveryPage(start);
})();
