/* A citation's access date is the day the reader copies it, not the day the site was built: the
 * "Cite this page" formats carry the build's day, and this puts in the reader's today (on load,
 * and again as a copy button is pressed, for a page left open overnight). */
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function withToday(label, text, today) {
    var iso = today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate());
    if (label === "CSL-JSON") {
      var items = JSON.parse(text);
      items.forEach(function (item) {
        if (item.accessed) item.accessed = { "date-parts": [[today.getFullYear(), today.getMonth() + 1, today.getDate()]] };
      });
      return JSON.stringify(items, null, 2) + "\n";
    }
    return text
      .replace(/\(accessed \d{4}-\d{2}-\d{2}\)/, "(accessed " + iso + ")")
      .replace(/urldate = \{\d{4}-\d{2}-\d{2}\}/, "urldate = {" + iso + "}")
      .replace(/^Y2 {2}- \d{4}\/\d{2}\/\d{2}$/m, "Y2  - " + iso.replace(/-/g, "/"));
  }

  function update(block) {
    var today = new Date();
    block.querySelectorAll("details").forEach(function (format) {
      var code = format.querySelector("pre code");
      var label = format.querySelector("summary");
      if (!code || !label) return;
      try {
        var text = withToday(label.textContent.trim(), code.textContent, today);
        if (text !== code.textContent) code.textContent = text;
      } catch (error) { /* a format we cannot read keeps the build's date */ }
    });
  }

  window.atlasOnEveryPage(function () {
    document.querySelectorAll(".atlas-cite-formats").forEach(function (block) {
      update(block);
      block.addEventListener("pointerdown", function () { update(block); }, true);
    });
  });
})();
