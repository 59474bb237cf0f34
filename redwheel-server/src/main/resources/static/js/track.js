// Track playback: the track on the map coloured by speed, the speed chart with the alarms and the
// limit, and a playback that moves a vehicle marker along the track and a cursor along the chart.
// Times are shown in Beijing time whatever the browser's zone (the chart runs in UTC, shifted by 8 h).
(function () {
  "use strict";
  var element = document.getElementById("track-map");
  if (!element || !window.L || !window.echarts) {
    return;
  }
  var BEIJING_MS = 8 * 3600 * 1000;
  // Longer pauses without fixes break the line, and playback skips them.
  var GAP_MS = 5 * 60 * 1000;
  var COLOURS = {
    stopped: "#9e9e9e", normal: "#2e7d32", fast: "#f9a825", over: "#c62828", plain: "#1565c0", gap: "#757575"
  };
  var settings = JSON.parse(element.dataset.map);
  var labels = JSON.parse(element.dataset.types || "{}");
  var texts = JSON.parse(element.dataset.texts || "{}");
  var stoppedKmh = parseFloat(element.dataset.stoppedKmh || "5");
  var message = document.getElementById("track-message");
  var chartElement = document.getElementById("track-chart");
  var playButton = document.getElementById("track-play");
  var slider = document.getElementById("track-slider");
  var readout = document.getElementById("track-readout");
  var colourToggle = document.getElementById("track-colour");

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

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function beijing(ms, withDate) {
    var d = new Date(ms + BEIJING_MS);
    var time = pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds());
    return withDate ? d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) + " " + time : time;
  }

  function duration(seconds) {
    return texts.duration.replace("{0}", Math.floor(seconds / 3600)).replace("{1}", Math.floor(seconds % 3600 / 60));
  }

  function say(text, kind) {
    if (!message) {
      return;
    }
    message.textContent = text || "";
    message.className = "alert py-2 small mb-2 alert-" + (kind || "secondary");
    message.hidden = !text;
  }

  function alarmColour(type) {
    if (type.indexOf("OVERSPEED") === 0) {
      return "#c62828";
    }
    if (type.indexOf("FATIGUE") >= 0 || type === "DAILY_DRIVING_EXCEEDED" || type === "NIGHT_DRIVING") {
      return "#ef6c00";
    }
    if (type === "INVALID_FIX" || type === "DRIFT" || type === "OFFLINE") {
      return "#616161";
    }
    return "#6a1b9a";
  }

  if (!element.dataset.url) {
    // The form says what is wrong with the period.
    element.dataset.state = "invalid";
    return;
  }

  fetch(element.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(render)
    .catch(function () {
      element.dataset.state = "error";
      say(texts.loadFailed, "danger");
    });

  function render(track) {
    var from = Date.parse(track.from);
    var to = Date.parse(track.to);
    var limit = track.speedLimitKmh;
    var points = [];
    var invalid = [];
    track.points.forEach(function (p) {
      var point = { t: Date.parse(p.t), lat: p.lat, lon: p.lon, speed: p.speedKmh, heading: p.heading };
      (p.valid ? points : invalid).push(point);
    });

    document.getElementById("track-distance").textContent = track.distanceKm.toFixed(1) + " km";
    document.getElementById("track-max-speed").textContent = track.maxSpeedKmh.toFixed(0) + " km/h";
    document.getElementById("track-driving").textContent = duration(track.drivingS);
    document.getElementById("track-fixes").textContent = track.fixCount;
    document.getElementById("track-invalid").textContent = track.invalidCount;
    if (track.downsampled) {
      say(texts.downsampled.replace("{0}", track.points.length).replace("{1}", track.fixCount), "secondary");
    } else {
      say("");
    }

    invalid.forEach(function (p) {
      if (Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180) {
        L.circleMarker([p.lat, p.lon], {
          radius: 3, color: COLOURS.gap, weight: 1, fill: false, className: "rw-track-invalid"
        }).bindTooltip(texts.invalidFix + " · " + beijing(p.t, true)).addTo(map);
      }
    });

    var chart = echarts.init(chartElement, null, { locale: element.dataset.lang === "zh" ? "ZH" : "EN" });
    chart.on("finished", function () {
      chartElement.dataset.state = "ready";
    });
    window.addEventListener("resize", function () {
      chart.resize();
    });

    if (points.length === 0) {
      element.dataset.state = "empty";
      element.dataset.points = "0";
      say(texts.noFixes, "secondary");
      chart.setOption(chartOption([], [], [], from, to, limit, 0));
      return;
    }

    var first = points[0].t;
    var last = points[points.length - 1].t;

    function locate(t) {
      var low = 0;
      var high = points.length - 1;
      while (low < high) {
        var middle = (low + high + 1) >> 1;
        if (points[middle].t <= t) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low;
    }

    function positionAt(t) {
      var i = locate(t);
      var a = points[i];
      var b = points[Math.min(i + 1, points.length - 1)];
      if (b === a || t <= a.t || b.t - a.t > GAP_MS) {
        return { lat: a.lat, lon: a.lon, speed: a.speed, heading: a.heading };
      }
      var f = Math.min(1, (t - a.t) / (b.t - a.t));
      return {
        lat: a.lat + (b.lat - a.lat) * f,
        lon: a.lon + (b.lon - a.lon) * f,
        speed: a.speed + (b.speed - a.speed) * f,
        heading: a.heading
      };
    }

    function band(speed) {
      if (speed <= stoppedKmh) {
        return "stopped";
      }
      if (limit && speed > limit) {
        return "over";
      }
      return speed >= 60 ? "fast" : "normal";
    }

    // The line: runs of segments of one colour make one polyline each.
    var lines = L.layerGroup().addTo(map);
    function drawLine() {
      lines.clearLayers();
      var bySpeed = colourToggle.checked;
      var run = null;
      var style = null;
      var count = 0;
      function flush() {
        if (run) {
          L.polyline(run, {
            color: COLOURS[style], weight: style === "gap" ? 2 : 4, opacity: 0.9,
            dashArray: style === "gap" ? "6 6" : null, className: "rw-track-line rw-track-" + style,
            interactive: false
          }).addTo(lines);
          count++;
        }
      }
      for (var i = 1; i < points.length; i++) {
        var a = points[i - 1];
        var b = points[i];
        var key = b.t - a.t > GAP_MS ? "gap" : bySpeed ? band(Math.max(a.speed, b.speed)) : "plain";
        if (key !== style) {
          flush();
          run = [[a.lat, a.lon]];
          style = key;
        }
        run.push([b.lat, b.lon]);
      }
      flush();
      element.dataset.polylines = String(count);
    }
    drawLine();
    colourToggle.addEventListener("change", drawLine);

    function pin(point, text, css) {
      return L.marker([point.lat, point.lon], {
        icon: L.divIcon({ className: "rw-track-pin " + css, html: text.charAt(0), iconSize: [22, 22], iconAnchor: [11, 11] }),
        keyboard: false
      }).bindTooltip(text + " · " + beijing(point.t, true)).addTo(map);
    }
    pin(points[0], texts.start, "rw-track-pin-start");
    pin(points[points.length - 1], texts.end, "rw-track-pin-end");

    // Alarms: a marker where each started, with a popup leading to the alarm.
    var alarmCount = 0;
    track.alarms.forEach(function (alarm) {
      var start = Date.parse(alarm.start);
      var at = alarm.lat != null && alarm.lon != null ? { lat: alarm.lat, lon: alarm.lon } : positionAt(start);
      var popup = document.createElement("div");
      var title = document.createElement("strong");
      title.textContent = labels[alarm.type] || alarm.type;
      var when = document.createElement("div");
      when.textContent = beijing(start, true) + " – "
          + (alarm.end ? beijing(Date.parse(alarm.end), false) : texts.ongoing);
      popup.appendChild(title);
      popup.appendChild(when);
      if (alarm.maxSpeedKmh != null || alarm.limitKmh != null) {
        var figures = document.createElement("div");
        figures.textContent = (alarm.maxSpeedKmh != null ? texts.speed + " " + Math.round(alarm.maxSpeedKmh) + " km/h" : "")
            + (alarm.limitKmh != null ? " · " + texts.limit + " " + alarm.limitKmh + " km/h" : "")
            + (alarm.grade ? " · " + alarm.grade : "");
        popup.appendChild(figures);
      }
      var link = document.createElement("a");
      link.href = element.dataset.alarmUrl + alarm.id;
      link.textContent = texts.openAlarm;
      popup.appendChild(link);
      L.circleMarker([at.lat, at.lon], {
        radius: 8, color: "#fff", weight: 2, fillColor: alarmColour(alarm.type), fillOpacity: 0.95,
        className: "rw-track-alarm"
      }).bindPopup(popup).on("click", function () {
        seek(start);
      }).addTo(map);
      alarmCount++;
    });
    element.dataset.alarms = String(alarmCount);

    map.fitBounds(L.latLngBounds(points.map(function (p) { return [p.lat, p.lon]; })), { padding: [24, 24], maxZoom: 16 });

    var vehicle = L.marker([points[0].lat, points[0].lon], {
      icon: L.divIcon({ className: "rw-track-vehicle", html: '<span class="rw-track-arrow">▲</span>', iconSize: [26, 26], iconAnchor: [13, 13] }),
      keyboard: false, zIndexOffset: 1000
    }).addTo(map);

    // The chart: speed of the valid fixes, a gap where fixes pause, alarms as areas and pins.
    var speeds = [];
    points.forEach(function (p, i) {
      if (i > 0 && p.t - points[i - 1].t > GAP_MS) {
        speeds.push([points[i - 1].t + 1 + BEIJING_MS, null]);
      }
      speeds.push([p.t + BEIJING_MS, p.speed]);
    });
    var areas = [];
    var pins = [];
    track.alarms.forEach(function (alarm) {
      var start = Math.max(Date.parse(alarm.start), from);
      var end = alarm.end ? Math.min(Date.parse(alarm.end), to) : to;
      var colour = alarmColour(alarm.type);
      var name = (labels[alarm.type] || alarm.type) + " " + beijing(Date.parse(alarm.start), false);
      if (end > start) {
        areas.push([
          { name: name, xAxis: start + BEIJING_MS, itemStyle: { color: colour, opacity: 0.12 } },
          { xAxis: end + BEIJING_MS }
        ]);
      }
      pins.push({ name: name, coord: [start + BEIJING_MS, positionAt(start).speed], itemStyle: { color: colour }, start: start });
    });
    chart.setOption(chartOption(speeds, areas, pins, from, to, limit, track.maxSpeedKmh));
    chart.on("click", { componentType: "markPoint" }, function (event) {
      seek(event.data.start);
    });
    chart.getZr().on("click", function (event) {
      var pixel = [event.offsetX, event.offsetY];
      if (chart.containPixel({ gridIndex: 0 }, pixel)) {
        seek(chart.convertFromPixel({ gridIndex: 0 }, pixel)[0] - BEIJING_MS);
      }
    });

    // Playback.
    var cursor = first;
    var playing = false;
    var factor = 60;
    var lastFrame = null;
    var lastChartMove = 0;

    function moveChartCursor(now) {
      var time = performance.now();
      if (!now && time - lastChartMove < 150) {
        return;
      }
      lastChartMove = time;
      chart.setOption({ series: [{ id: "cursor", markLine: { data: [{ xAxis: cursor + BEIJING_MS }] } }] });
    }

    function seek(t) {
      cursor = Math.min(Math.max(t, first), last);
      var p = positionAt(cursor);
      vehicle.setLatLng([p.lat, p.lon]);
      var arrow = vehicle.getElement() && vehicle.getElement().querySelector(".rw-track-arrow");
      if (arrow) {
        arrow.style.transform = "rotate(" + (p.heading || 0) + "deg)";
      }
      slider.value = String(Math.round((cursor - first) / 1000));
      readout.textContent = beijing(cursor, true) + " · " + p.speed.toFixed(0) + " km/h";
      element.dataset.cursor = String(Math.round(cursor));
      element.dataset.marker = p.lat.toFixed(6) + "," + p.lon.toFixed(6);
      moveChartCursor(!playing);
    }

    function frame(now) {
      if (!playing) {
        return;
      }
      if (lastFrame !== null) {
        var next = cursor + (now - lastFrame) * factor;
        var i = locate(cursor);
        if (i < points.length - 1 && points[i + 1].t - points[i].t > GAP_MS && next < points[i + 1].t) {
          next = points[i + 1].t;
        }
        if (next >= last) {
          seek(last);
          pause();
          return;
        }
        seek(next);
      }
      lastFrame = now;
      window.requestAnimationFrame(frame);
    }

    function play() {
      if (cursor >= last) {
        seek(first);
      }
      playing = true;
      lastFrame = null;
      element.dataset.playing = "true";
      playButton.textContent = playButton.dataset.pause;
      window.requestAnimationFrame(frame);
    }

    function pause() {
      playing = false;
      element.dataset.playing = "false";
      playButton.textContent = playButton.dataset.play;
      moveChartCursor(true);
    }

    playButton.addEventListener("click", function () {
      if (playing) {
        pause();
      } else {
        play();
      }
    });
    document.querySelectorAll("input[name=track-speed]").forEach(function (radio) {
      if (radio.checked) {
        factor = parseInt(radio.value, 10);
      }
      radio.addEventListener("change", function () {
        factor = parseInt(radio.value, 10);
      });
    });
    slider.max = String(Math.round((last - first) / 1000));
    slider.addEventListener("input", function () {
      seek(first + parseInt(slider.value, 10) * 1000);
    });
    slider.disabled = false;
    playButton.disabled = false;
    element.dataset.points = String(points.length);
    element.dataset.playing = "false";
    seek(first);
    element.dataset.state = "ready";
  }

  function chartOption(speeds, areas, pins, from, to, limit, maxSpeed) {
    var top = Math.max(maxSpeed || 0, limit || 0, 40);
    return {
      useUTC: true,
      animation: false,
      grid: { left: 44, right: 18, top: 28, bottom: 58 },
      tooltip: {
        trigger: "axis",
        formatter: function (items) {
          var item = items.filter(function (i) { return i.seriesId === "speed"; })[0];
          if (!item || item.value[1] == null) {
            return "";
          }
          return beijing(item.value[0] - BEIJING_MS, true) + "<br>" + texts.speed + " " + item.value[1].toFixed(1) + " km/h";
        }
      },
      xAxis: { type: "time", min: from + BEIJING_MS, max: to + BEIJING_MS },
      yAxis: { type: "value", name: "km/h", min: 0, max: Math.ceil(top * 1.1 / 10) * 10 },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }],
      series: [
        {
          id: "speed", name: texts.speed, type: "line", showSymbol: false, connectNulls: false, data: speeds,
          lineStyle: { width: 1.5, color: "#b71c1c" }, itemStyle: { color: "#b71c1c" }, areaStyle: { opacity: 0.06 },
          markLine: limit ? {
            silent: true, symbol: "none", lineStyle: { color: "#c62828", type: "dashed" },
            label: { position: "insideEndTop", formatter: texts.limit + " " + limit + " km/h" }, data: [{ yAxis: limit }]
          } : undefined,
          markArea: { silent: true, label: { show: false }, data: areas },
          markPoint: {
            symbol: "pin", symbolSize: 26, label: { show: false }, data: pins,
            tooltip: { trigger: "item", formatter: function (p) { return p.name; } }
          }
        },
        {
          id: "cursor", type: "line", data: [], silent: true,
          markLine: {
            silent: true, symbol: "none", animation: false, label: { show: false },
            lineStyle: { color: "#1565c0", width: 2, type: "solid" }, data: speeds.length ? [{ xAxis: speeds[0][0] }] : []
          }
        }
      ]
    };
  }
})();
