/* The world map (atlas/site/worldmap.py). The page holds its frame; the drawing is a file of its own
 * (data-map-src, cached by the browser), fetched here and put in the frame. Then the lens switch:
 * it shades every country, outline and marker, by its practices of all lenses or of the lens
 * chosen, says so in its name and title, and keeps the choice in the address (?lens=vertical), so
 * a shaded view can be shared. */
(function () {
  "use strict";

  function start() {
    var map = document.querySelector("[data-map]");
    if (!map) return;
    var canvas = map.querySelector("[data-map-src]");
    fetch(canvas.getAttribute("data-map-src"))
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        // The build's own file, every record value in it escaped when it was written.
        canvas.insertAdjacentHTML("afterbegin", data.drawing);
        canvas.setAttribute("data-map-ready", "");
        wire(map);
      })
      .catch(function () {
        map.querySelector("[data-map-status]").hidden = false;
      });
  }

  function wire(map) {
    var radios = Array.prototype.slice.call(map.querySelectorAll('input[name="atlas-map-lens"]'));
    var places = Array.prototype.slice.call(map.querySelectorAll("[data-shades]"));
    var unit = map.querySelector("#atlas-map-unit");

    function shade(lens) {
      var position = 0;
      radios.forEach(function (radio, i) {
        radio.checked = radio.value === lens;
        if (radio.checked) position = i;
      });
      var label = position ? radios[position].parentNode.textContent.trim() : "";
      unit.textContent = position ? "practices per country with the lens " + label : "practices per country";
      places.forEach(function (place) {
        var level = place.getAttribute("data-shades").split(" ")[position];
        var count = Number(place.getAttribute("data-counts").split(" ")[position]);
        place.setAttribute("class", place.getAttribute("class").replace(/atlas-map__shade-\d/, "atlas-map__shade-" + level));
        var text = place.getAttribute("data-name") + ": " + count + " practice" + (count === 1 ? "" : "s") +
          (position ? " with the lens " + label : "");
        if (place.hasAttribute("aria-label")) place.setAttribute("aria-label", text);
        var title = place.querySelector("title");
        if (title) title.textContent = text;
        else place.setAttribute("title", text);
        var number = place.querySelector("span");
        if (number) number.textContent = String(count);
      });
    }

    map.querySelector(".atlas-map__switch").hidden = false;
    var wanted = new URLSearchParams(location.search).get("lens") || "";
    if (!radios.some(function (radio) { return radio.value === wanted; })) wanted = "";
    shade(wanted);
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        shade(radio.value);
        var url = new URL(location.href);
        if (radio.value) url.searchParams.set("lens", radio.value);
        else url.searchParams.delete("lens");
        history.replaceState(history.state, "", url.pathname + url.search + url.hash);
      });
    });
  }

  window.atlasOnEveryPage(start);
})();
