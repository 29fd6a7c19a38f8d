// Co-mention network: entities named in the same articles. d3-force (vendored) lays it out;
// this draws it as SVG. Reads <script type="application/json" id="network-data">, draws into #network.
(function () {
  var holder = document.getElementById("network");
  var source = document.getElementById("network-data");
  if (!holder || !source || typeof d3 === "undefined") return;
  var data = JSON.parse(source.textContent);
  if (!data.nodes.length) { holder.textContent = "No entities to draw."; return; }
  var SVG = "http://www.w3.org/2000/svg";
  var width = Math.max(320, holder.clientWidth || 900), height = 420;
  var colour = { PERSON: "#1e40af", ORG: "#047857", GPE: "#b91c1c", NORP: "#a16207" };
  var nodes = data.nodes.map(function (n) { return Object.assign({}, n); });
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var links = data.edges.filter(function (e) { return byId[e.source] && byId[e.target]; })
                        .map(function (e) { return { source: e.source, target: e.target, weight: e.weight }; });
  var most = Math.max.apply(null, nodes.map(function (n) { return n.articles; }));
  var radius = function (n) { return 5 + 13 * Math.sqrt(n.articles / most); };
  var simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(90).strength(0.08))
    .force("charge", d3.forceManyBody().strength(-220))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide(function (n) { return radius(n) + 4; }))
    .stop();
  for (var i = 0; i < 300; i++) simulation.tick();  // laid out before drawing: the page is still
  nodes.forEach(function (n) {
    n.x = Math.max(20, Math.min(width - 20, n.x)); n.y = Math.max(20, Math.min(height - 20, n.y));
  });
  var svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", width); svg.setAttribute("height", height);
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("role", "img"); svg.setAttribute("aria-label", "entities named together");
  var heaviest = Math.max.apply(null, links.map(function (l) { return l.weight; }).concat([1]));
  links.forEach(function (l) {
    var line = document.createElementNS(SVG, "line");
    line.setAttribute("class", "edge");
    line.setAttribute("x1", l.source.x); line.setAttribute("y1", l.source.y);
    line.setAttribute("x2", l.target.x); line.setAttribute("y2", l.target.y);
    line.setAttribute("stroke-width", 0.6 + 3 * l.weight / heaviest);
    svg.appendChild(line);
  });
  nodes.forEach(function (n) {
    var link = document.createElementNS(SVG, "a");
    link.setAttribute("href", "/entity/" + encodeURIComponent(n.id));
    var circle = document.createElementNS(SVG, "circle");
    circle.setAttribute("class", "node");
    circle.setAttribute("cx", n.x); circle.setAttribute("cy", n.y); circle.setAttribute("r", radius(n));
    circle.setAttribute("fill", colour[n.type] || "#6b7280");
    var title = document.createElementNS(SVG, "title");
    title.textContent = n.name + " (" + n.type + "): " + n.articles + " articles";
    circle.appendChild(title);
    var label = document.createElementNS(SVG, "text");
    label.setAttribute("x", n.x + radius(n) + 2); label.setAttribute("y", n.y + 4);
    label.textContent = n.name;
    link.appendChild(circle); link.appendChild(label);
    svg.appendChild(link);
  });
  holder.appendChild(svg);
  holder.setAttribute("data-drawn", String(nodes.length));
})();
