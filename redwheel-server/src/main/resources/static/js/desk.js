// The monitoring desk's live map: vehicles over server-sent events, places, and a plain map when
// the tile server cannot be reached (a county network without internet access).
(function () {
  var element = document.getElementById("desk-map");
  if (!element || !window.L) {
    return;
  }
  var settings = JSON.parse(element.dataset.map);
  var places = JSON.parse(element.dataset.places || "[]");
  var map = L.map(element, { preferCanvas: true }).setView([settings.latitude, settings.longitude], settings.zoom);
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

  var placeColours = { DRIVER_HOME: "#b71c1c", RED_POST_STATION: "#e53935", PARKING_AREA: "#6a1b9a", SERVICE_CENTRE: "#f9a825" };
  places.forEach(function (p) {
    L.circleMarker([p.latitude, p.longitude], {
      radius: 5, color: "#fff", weight: 1, fillColor: placeColours[p.kind] || "#795548", fillOpacity: 0.9
    }).bindTooltip(p.name).addTo(map);
  });

  var colours = { DRIVING: "#2e7d32", RESTING: "#1565c0", OFFLINE: "#9e9e9e", IN_ALARM: "#c62828" };
  var markers = {};
  var list = document.getElementById("desk-list");
  var counts = document.getElementById("desk-counts");

  function update(snapshot) {
    var seen = {};
    var online = 0;
    var rows = [];
    snapshot.vehicles.forEach(function (v) {
      seen[v.id] = true;
      if (v.condition !== "OFFLINE") {
        online++;
      }
      rows.push(v);
      if (v.latitude == null) {
        return;
      }
      var colour = colours[v.condition] || colours.OFFLINE;
      var label = v.plate + " · " + (v.speedKmh == null ? "—" : v.speedKmh.toFixed(1) + " km/h");
      var marker = markers[v.id];
      if (!marker) {
        marker = L.circleMarker([v.latitude, v.longitude], { radius: 7, weight: 2, color: "#fff", fillOpacity: 0.95 });
        marker.bindPopup("");
        marker.addTo(map);
        markers[v.id] = marker;
      }
      marker.setLatLng([v.latitude, v.longitude]);
      marker.setStyle({ fillColor: colour });
      marker.setPopupContent('<a href="' + element.dataset.vehicleUrl + v.id + '">' + label + "</a><br>"
          + '<a href="' + element.dataset.vehicleUrl + v.id + '/track">' + element.dataset.trackLabel + "</a>");
      marker.options.condition = v.condition;
    });
    Object.keys(markers).forEach(function (id) {
      if (!seen[id]) {
        map.removeLayer(markers[id]);
        delete markers[id];
      }
    });
    rows.sort(function (a, b) { return a.plate.localeCompare(b.plate); });
    list.replaceChildren.apply(list, rows.map(function (v) {
      var item = document.createElement("li");
      item.className = "list-group-item list-group-item-action py-1 small d-flex justify-content-between";
      item.setAttribute("data-vehicle", v.id);
      item.setAttribute("data-condition", v.condition);
      var name = document.createElement("span");
      var dot = document.createElement("span");
      dot.className = "rw-dot";
      dot.style.background = colours[v.condition] || colours.OFFLINE;
      name.appendChild(dot);
      name.appendChild(document.createTextNode(" " + v.plate));
      var speed = document.createElement("span");
      speed.className = "text-muted";
      speed.textContent = v.speedKmh == null ? "—" : v.speedKmh.toFixed(0) + " km/h";
      var track = document.createElement("a");
      track.href = element.dataset.vehicleUrl + v.id + "/track";
      track.className = "ms-2 text-decoration-none";
      track.title = element.dataset.trackLabel;
      track.setAttribute("data-track", v.id);
      track.textContent = element.dataset.trackShort;
      track.addEventListener("click", function (event) {
        event.stopPropagation();
      });
      speed.appendChild(track);
      item.appendChild(name);
      item.appendChild(speed);
      item.addEventListener("click", function () {
        var m = markers[v.id];
        if (m) {
          map.setView(m.getLatLng(), Math.max(map.getZoom(), 13));
          m.openPopup();
        }
      });
      return item;
    }));
    counts.textContent = online + " / " + snapshot.vehicles.length;
  }

  var source = new EventSource(element.dataset.stream);
  source.addEventListener("vehicles", function (event) {
    update(JSON.parse(event.data));
  });
  // One stream per desk: the alarm feed below listens on it too.
  element.rwStream = source;
  element.rwMap = map;
})();

// The alarm feed: open alarms, newest first, with a short tone when a new one arrives.
(function () {
  var feed = document.getElementById("desk-alarms");
  var element = document.getElementById("desk-map");
  if (!feed || !element || !element.rwStream) {
    return;
  }
  var labels = JSON.parse(feed.dataset.types || "{}");
  var known = null;
  var audio = null;

  function tone() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.frequency.value = 880;
      gain.gain.value = 0.15;
      oscillator.connect(gain);
      gain.connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + 0.25);
    } catch (e) {
      // no sound on this browser; the list still shows the alarm
    }
  }

  function render(data) {
    var ids = {};
    var fresh = false;
    var items = data.alarms.map(function (a) {
      ids[a.id] = true;
      if (known && !known[a.id]) {
        fresh = true;
      }
      var item = document.createElement("a");
      item.className = "list-group-item list-group-item-action py-1 small" + (a.overdue ? " overdue" : "");
      item.href = feed.dataset.alarmUrl + a.id;
      item.setAttribute("data-alarm", a.id);
      item.setAttribute("data-type", a.type);
      var when = new Date(a.start);
      item.textContent = (a.plate || "—") + " · " + (labels[a.type] || a.type) + " · "
          + when.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit" });
      return item;
    });
    if (items.length === 0) {
      var empty = document.createElement("li");
      empty.className = "list-group-item small text-muted";
      empty.textContent = feed.dataset.empty;
      items = [empty];
    }
    feed.replaceChildren.apply(feed, items);
    if (fresh) {
      tone();
    }
    known = ids;
  }

  if (!element.rwStream) {
    return;
  }
  element.rwStream.addEventListener("alarms", function (event) {
    render(JSON.parse(event.data));
  });
})();

// The speed zones drawn in the console, as a layer the operator can switch off.
(function () {
  var element = document.getElementById("desk-map");
  if (!element || !element.rwMap || !window.fetch) {
    return;
  }
  var map = element.rwMap;
  var url = element.dataset.stream.replace(/\/desk\/stream$/, "/speed-zones/layer");
  fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (layer) {
        if (!layer) {
          return;
        }
        map.createPane("rw-zones").style.zIndex = 350;
        var group = L.layerGroup();
        var style = { pane: "rw-zones", color: "#c62828", weight: 1, fillColor: "#e53935", fillOpacity: 0.12 };
        layer.zones.forEach(function (zone) {
          var points = zone.vertices.map(function (v) { return [v.lat, v.lon]; });
          var shape = zone.kind === "CORRIDOR"
              ? L.polyline(points, L.extend({}, style, { weight: 4, opacity: 0.6 }))
              : L.polygon(points, style);
          shape.bindTooltip(zone.name + " · " + zone.limitKmh + " km/h").addTo(group);
        });
        group.addTo(map);
        var overlays = {};
        overlays[layer.label] = group;
        L.control.layers(null, overlays, { collapsed: false }).addTo(map);
        element.setAttribute("data-zones", String(layer.zones.length));
      });
})();
