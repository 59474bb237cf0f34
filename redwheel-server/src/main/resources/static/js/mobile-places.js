// Places nearby (/m/places): asks the browser once where the driver is and reloads the list sorted
// from there (the server sorts; without a location it sorts from the county seat), and draws the
// small map. Tiles that cannot load leave a plain background with the points; without Leaflet the
// list alone remains.
(function () {
  "use strict";
  var root = document.getElementById("rw-places");
  if (!root) {
    return;
  }
  var status = document.getElementById("rw-location-status");
  if (root.dataset.located !== "true" && navigator.geolocation) {
    var previous = status.textContent;
    status.textContent = root.dataset.locating;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var url = new URL(window.location.href);
        url.searchParams.set("lat", position.coords.latitude.toFixed(5));
        url.searchParams.set("lon", position.coords.longitude.toFixed(5));
        window.location.replace(url.toString());
      },
      function () {
        status.textContent = root.dataset.denied || previous;
        status.setAttribute("data-denied", "true");
      },
      { timeout: 8000, maximumAge: 300000 }
    );
  }

  var element = document.getElementById("rw-places-map");
  if (!element) {
    return;
  }
  if (typeof L === "undefined") {
    element.classList.add("rw-map-plain");
    element.setAttribute("data-plain", "true");
    return;
  }
  var map = L.map(element, { zoomControl: true });
  var tiles = L.tileLayer(element.dataset.tileUrl, { maxZoom: 18, attribution: element.dataset.attribution });
  var tileErrors = 0;
  tiles.on("tileerror", function () {
    tileErrors++;
    if (tileErrors === 3) {
      map.removeLayer(tiles);
      element.classList.add("rw-map-plain");
      element.setAttribute("data-plain", "true");
      map.attributionControl.addAttribution(element.dataset.plainLabel);
    }
  });
  tiles.addTo(map);
  var origin = [parseFloat(root.dataset.lat), parseFloat(root.dataset.lon)];
  var bounds = [origin];
  L.circleMarker(origin, { radius: 8, color: "#0d6efd", weight: 3, fillOpacity: 0.9 })
    .addTo(map)
    .bindTooltip(root.dataset.originLabel);
  document.querySelectorAll("[data-place-lat]").forEach(function (item, index) {
    var point = [parseFloat(item.dataset.placeLat), parseFloat(item.dataset.placeLon)];
    L.circleMarker(point, { radius: 6, color: "#b3261e", fillOpacity: 0.8 })
      .addTo(map)
      .bindTooltip(item.dataset.placeName);
    if (index < 3) {
      bounds.push(point);
    }
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
  element.setAttribute("data-ready", "true");
})();
