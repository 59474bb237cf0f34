// Speed zones on the map: the list's overview and the editor (click to add a vertex, drag one to
// move it, undo the last, clear; a polygon, or a corridor of a given width along a centre line).
// The map falls back to a plain background when the tile server cannot be reached.
(function () {
  if (!window.L) {
    return;
  }

  function baseMap(element) {
    var settings = JSON.parse(element.dataset.map);
    var map = L.map(element).setView([settings.latitude, settings.longitude], settings.zoom);
    var tiles = L.tileLayer(settings.tileUrl, { maxZoom: 18, attribution: settings.attribution });
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
    // The county's places give bearings on the plain map; a click on one still reaches the map.
    JSON.parse(element.dataset.places || "[]").forEach(function (p) {
      L.circleMarker([p.latitude, p.longitude], {
        radius: 4, color: "#fff", weight: 1, fillColor: "#795548", fillOpacity: 0.8
      }).bindTooltip(p.name).addTo(map);
    });
    return map;
  }

  // A corridor drawn as the strip it covers: a band around each segment and a disc at each point.
  function corridorLayers(points, widthM, style) {
    var half = (widthM > 0 ? widthM : 0) / 2;
    var layers = [L.polyline(points, L.extend({}, style, { weight: 2, dashArray: "4 4", fill: false }))];
    if (half <= 0) {
      return layers;
    }
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i];
      var b = points[i + 1];
      var lat0 = (a.lat + b.lat) / 2;
      var mLat = 110540;
      var mLon = 111320 * Math.cos(lat0 * Math.PI / 180);
      var dx = (b.lng - a.lng) * mLon;
      var dy = (b.lat - a.lat) * mLat;
      var length = Math.sqrt(dx * dx + dy * dy);
      if (length === 0) {
        continue;
      }
      var nx = -dy / length * half;
      var ny = dx / length * half;
      layers.push(L.polygon([
        [a.lat + ny / mLat, a.lng + nx / mLon],
        [b.lat + ny / mLat, b.lng + nx / mLon],
        [b.lat - ny / mLat, b.lng - nx / mLon],
        [a.lat - ny / mLat, a.lng - nx / mLon]
      ], L.extend({}, style, { weight: 0 })));
    }
    points.forEach(function (p) {
      layers.push(L.circle(p, L.extend({}, style, { radius: half, weight: 0 })));
    });
    return layers;
  }

  function zoneLayer(zone, style) {
    var points = zone.vertices.map(function (v) { return L.latLng(v.lat, v.lon); });
    var layers = zone.kind === "CORRIDOR"
        ? corridorLayers(points, zone.widthM, style)
        : [L.polygon(points, style)];
    return L.featureGroup(layers);
  }

  var zoneStyle = { color: "#c62828", weight: 2, fillColor: "#e53935", fillOpacity: 0.25 };
  var otherStyle = { color: "#616161", weight: 1, fillColor: "#9e9e9e", fillOpacity: 0.15, interactive: false };

  // The list: every zone, linked to its page.
  var overview = document.getElementById("zones-map");
  if (overview) {
    var map = baseMap(overview);
    var zones = JSON.parse(overview.dataset.zones || "[]");
    var all = L.featureGroup().addTo(map);
    zones.forEach(function (zone) {
      var layer = zoneLayer(zone, zone.active ? zoneStyle : otherStyle);
      layer.bindTooltip(zone.name + " · " + zone.limitKmh + " km/h");
      layer.on("click", function () {
        window.location.href = overview.dataset.zoneUrl + zone.id;
      });
      layer.addTo(all);
    });
    if (zones.length > 0) {
      map.fitBounds(all.getBounds(), { padding: [20, 20], maxZoom: 15 });
    }
    overview.rwMap = map;
  }

  // The editor.
  var element = document.getElementById("zone-editor-map");
  if (!element) {
    return;
  }
  var editable = element.dataset.editable === "true";
  var editor = baseMap(element);
  var form = document.getElementById("zone-form");
  var hidden = document.getElementById("vertices");
  var widthInput = document.getElementById("widthM");
  var widthGroup = document.getElementById("width-group");
  var count = document.getElementById("zone-vertex-count");
  var others = JSON.parse(element.dataset.others || "[]");
  others.forEach(function (zone) {
    zoneLayer(zone, otherStyle).bindTooltip(zone.name + " · " + zone.limitKmh + " km/h").addTo(editor);
  });

  var vertices = JSON.parse(hidden.value || "[]").map(function (v) { return L.latLng(v.lat, v.lon); });
  var shape = L.featureGroup().addTo(editor);
  var handles = L.layerGroup().addTo(editor);
  var handleIcon = L.divIcon({ className: "rw-zone-vertex", iconSize: [12, 12] });

  function kind() {
    var checked = form.querySelector("input[name=kind]:checked");
    return checked ? checked.value : "POLYGON";
  }

  function round(degrees) {
    return Math.round(degrees * 1e7) / 1e7;
  }

  function sync() {
    hidden.value = JSON.stringify(vertices.map(function (p) { return { lat: round(p.lat), lon: round(p.lng) }; }));
    if (count) {
      count.textContent = count.dataset.label + vertices.length;
      count.setAttribute("data-count", String(vertices.length));
    }
  }

  function drawShape() {
    shape.clearLayers();
    var style = L.extend({}, zoneStyle, { interactive: false });
    if (kind() === "CORRIDOR") {
      if (vertices.length >= 2) {
        corridorLayers(vertices, parseFloat(widthInput.value), style).forEach(function (l) { shape.addLayer(l); });
      }
    } else if (vertices.length >= 3) {
      shape.addLayer(L.polygon(vertices, style));
    } else if (vertices.length === 2) {
      shape.addLayer(L.polyline(vertices, L.extend({}, style, { dashArray: "4 4" })));
    }
    if (widthGroup) {
      widthGroup.style.display = kind() === "CORRIDOR" ? "" : "none";
    }
  }

  function redraw() {
    drawShape();
    handles.clearLayers();
    vertices.forEach(function (p, i) {
      var handle = L.marker(p, { icon: handleIcon, draggable: editable, keyboard: false });
      handle.on("drag", function () {
        vertices[i] = handle.getLatLng();
        drawShape();
      });
      handle.on("dragend", sync);
      handles.addLayer(handle);
    });
    sync();
  }

  if (editable) {
    editor.on("click", function (event) {
      vertices.push(event.latlng);
      redraw();
    });
    document.getElementById("zone-undo").addEventListener("click", function () {
      vertices.pop();
      redraw();
    });
    document.getElementById("zone-clear").addEventListener("click", function () {
      vertices = [];
      redraw();
    });
    form.querySelectorAll("input[name=kind]").forEach(function (radio) {
      radio.addEventListener("change", drawShape);
    });
    widthInput.addEventListener("input", drawShape);
    form.addEventListener("submit", sync);
  }
  redraw();
  if (vertices.length > 0) {
    editor.fitBounds(L.latLngBounds(vertices), { padding: [40, 40], maxZoom: 16 });
  }
  element.rwMap = editor;
})();
