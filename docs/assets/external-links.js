// Marks the links that lead to another site, so that print.css writes out their address and
// only theirs. Material's instant navigation makes every link absolute, so a link's address alone
// no longer tells; its host does. Runs again on each page instant navigation shows.
(function () {
  "use strict";

  function mark() {
    document.querySelectorAll(".md-typeset a[href]").forEach(function (link) {
      var external = /^https?:$/.test(link.protocol) && link.host !== window.location.host;
      link.classList.toggle("atlas-external", external);
    });
  }

  window.atlasOnEveryPage(mark);
})();
