// The appeals' monthly chart (ECharts): received, resolved and resolved in time as bars, satisfaction
// as a line. The figures come from the table rows' data attributes, the labels from the chart element.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("appeal-months-chart");
  if (!element || typeof echarts === "undefined") {
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-testid=monthly-table] tr[data-month]"));
  function column(name) {
    return rows.map(function (row) {
      var value = row.getAttribute("data-" + name);
      return value === null || value === "" ? null : Number(value);
    });
  }
  var chart = echarts.init(element);
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    xAxis: { type: "category", data: rows.map(function (row) { return row.getAttribute("data-month"); }) },
    yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } }],
    series: [
      { type: "bar", name: element.getAttribute("data-received"), data: column("received"), itemStyle: { color: "#ef9a9a" } },
      { type: "bar", name: element.getAttribute("data-resolved"), data: column("resolved"), itemStyle: { color: "#b71c1c" } },
      { type: "bar", name: element.getAttribute("data-in-time"), data: column("in-time"), itemStyle: { color: "#2e7d32" } },
      { type: "line", name: element.getAttribute("data-satisfaction"), yAxisIndex: 1, data: column("satisfaction"),
        itemStyle: { color: "#f9a825" } }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});
