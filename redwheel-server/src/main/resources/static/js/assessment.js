// The assessment page's charts (ECharts): total scores by enterprise with the county's score as a
// line, and the county's 30-day trend. Data comes from the elements' data-chart attributes.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof echarts === "undefined") {
    return;
  }
  var red = "#b71c1c";
  var charts = [];

  var scoresElement = document.getElementById("assessment-scores");
  if (scoresElement) {
    var scores = JSON.parse(scoresElement.getAttribute("data-chart"));
    scoresElement.style.height = Math.max(240, scores.names.length * 24 + 60) + "px";
    var scoresChart = echarts.init(scoresElement);
    var series = {
      type: "bar",
      name: scores.scoreLabel,
      data: scores.totals,
      barMaxWidth: 22,
      itemStyle: { color: red },
      label: { show: true, position: "right", formatter: function (p) { return p.value.toFixed(2); } }
    };
    if (scores.county !== null) {
      series.markLine = {
        symbol: "none",
        lineStyle: { color: "#f9a825", type: "dashed", width: 2 },
        label: { formatter: scores.countyLabel + " " + scores.county.toFixed(2), position: "end" },
        data: [{ xAxis: scores.county }]
      };
    }
    scoresChart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", min: 0, max: 100 },
      yAxis: { type: "category", data: scores.names, axisLabel: { width: 140, overflow: "truncate" } },
      series: [series]
    });
    charts.push(scoresChart);
  }

  var trendElement = document.getElementById("assessment-trend");
  if (trendElement) {
    var trend = JSON.parse(trendElement.getAttribute("data-chart"));
    var lines = [{
      type: "line", name: trend.countyLabel, data: trend.county, connectNulls: false,
      itemStyle: { color: red }, lineStyle: { color: red, width: 2 }, symbolSize: 6
    }];
    if (trend.enterprise) {
      lines.push({
        type: "line", name: trend.enterpriseLabel, data: trend.enterprise, connectNulls: false,
        itemStyle: { color: "#1565c0" }, lineStyle: { color: "#1565c0", width: 2 }, symbolSize: 6
      });
    }
    var trendChart = echarts.init(trendElement);
    trendChart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", data: trend.days, boundaryGap: false },
      yAxis: { type: "value", min: 0, max: 100 },
      series: lines
    });
    charts.push(trendChart);
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
});
