// Draws the history charts of index.html with uPlot from the JSON in #chart-data (no network).
// Each chart: one point per run, evenly spaced (x = the run's position, its axis labels the run's start
// date), one line per series; the legend shows the hovered run's id and values.
(function () {
  "use strict";
  var holder = document.getElementById("chart-data");
  if (!holder || typeof uPlot === "undefined") { return; }
  var charts = JSON.parse(holder.textContent);
  var palette = ["#2457a6", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d5a97", "#30638e", "#e07a5f"];
  var drawn = 0;
  // Pixels drawn on a chart's canvas: a self-check that the chart is visible, not only in the DOM.
  function painted(ctx) {
    var px = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height).data, n = 0;
    for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n += 1; } }
    return n;
  }
  charts.forEach(function (c) {
    var target = document.getElementById("chart-" + c.id);
    if (!target) { return; }
    var series = [{
      label: "run",
      value: function (u, v, si, i) { return i == null ? "–" : c.runs[i]; }
    }];
    var data = [c.x.map(function (_, i) { return i; })];
    c.series.forEach(function (s, i) {
      series.push({ label: s.label, stroke: palette[i % palette.length], width: 2, spanGaps: true,
                    points: { show: true, size: 6 } });
      data.push(s.values);
    });
    var width = Math.max(320, Math.floor(target.getBoundingClientRect().width) || 560);
    var xAxis = { values: function (u, splits) {
      return splits.map(function (i) {
        // month-day hour:minute (UTC): several runs a day stay apart
        return Number.isInteger(i) && c.x[i] != null ? new Date(c.x[i] * 1000).toISOString().slice(5, 16).replace("T", " ") : "";
      });
    } };
    var onDraw = function (u) { target.setAttribute("data-painted", String(painted(u.ctx))); };
    new uPlot({ width: width, height: 220, series: series, scales: { x: { time: false } }, padding: [8, 40, 0, 0],
                axes: [xAxis, { label: c.unit, size: 60 }], hooks: { draw: [onDraw] } }, data, target);
    target.setAttribute("data-rendered", "true");
    drawn += 1;
  });
  document.body.setAttribute("data-charts-rendered", String(drawn));
})();
