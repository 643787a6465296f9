/* Runs a page script's `start` on every page a reader sees: on load, and again on each page that
 * Material's instant navigation shows (its `document$`). Loaded before the atlas's other scripts. */
window.atlasOnEveryPage = function (start) {
  "use strict";
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
};
