// Attention over time: articles per day by outlet, drawn with the vendored uPlot.
// Reads its data from <script type="application/json" id="attention-data"> and draws into #attention.
(function () {
  var holder = document.getElementById("attention");
  var source = document.getElementById("attention-data");
  if (!holder || !source || typeof uPlot === "undefined") return;
  var data = JSON.parse(source.textContent);
  if (!data.days.length) { holder.textContent = "No dated articles to draw."; return; }
  var DAY_STEPS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730].map(function (d) { return d * 86400; });
  var colours = ["#1e40af", "#b91c1c", "#047857", "#a16207", "#7c3aed", "#be185d", "#0e7490", "#4d7c0f", "#6b7280"];
  var xs = data.days.map(function (d) { return Date.parse(d + "T12:00:00Z") / 1000; });
  var counts = data.series.map(function (s) { return s.counts.slice(); });
  for (var side = 0; xs.length < 7; side++) {  // at least a week shown, the days around at zero
    if (side % 2) { xs.push(xs[xs.length - 1] + 86400); counts.forEach(function (c) { c.push(0); }); }
    else { xs.unshift(xs[0] - 86400); counts.forEach(function (c) { c.unshift(0); }); }
  }
  var series = [{}];
  var columns = [xs];
  data.series.forEach(function (s, i) {
    series.push({ label: s.outlet, stroke: colours[i % colours.length], width: 2,
                  points: { show: xs.length < 90, size: 5 } });
    columns.push(counts[i]);
  });
  var width = Math.max(320, holder.clientWidth || 900);
  var opts = { width: width, height: 220, series: series,
               scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
               axes: [{ incrs: DAY_STEPS, space: 60,
                        values: function (u, splits) { return splits.map(function (ts) {
                          return new Date(ts * 1000).toISOString().slice(0, 10); }); } }, { label: "articles a day", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
               tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "UTC"); } };
  new uPlot(opts, columns, holder);
  holder.setAttribute("data-drawn", String(data.series.length));
})();
