// Draw a layout (layout.js) as the same figure sitebuild/templates/timeline.html
// renders at build time: SVG lanes, markers, legend, details line, events table.
// Elements are made in chunks between frames, so a long run never blocks the page
// for long; the result is returned when it is complete.

const SVG = "http://www.w3.org/2000/svg";
// Elements per slice of work: many while the figure is detached (no style or paint
// yet), few once it is in the page, where each one also costs style, layout, paint.
const CHUNK_DETACHED = 250;
const CHUNK_PLACED = 40;

function svg(tag, attrs = {}, text = "") {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text) node.textContent = text;
  return node;
}

function html(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function defs(id) {
  const d = svg("defs");
  const sleeping = svg("pattern", { id: `${id}-sleeping`, class: "tl-pat tl-pat--sleeping", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  sleeping.append(svg("rect", { width: 6, height: 6, class: "tl-pat__bg" }), svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "tl-pat__ink" }));
  const waiting = svg("pattern", { id: `${id}-waiting`, class: "tl-pat tl-pat--waiting", width: 5, height: 5, patternUnits: "userSpaceOnUse" });
  waiting.append(svg("rect", { width: 5, height: 5, class: "tl-pat__bg" }), svg("circle", { cx: 2.5, cy: 2.5, r: 1.2, class: "tl-pat__dot" }));
  const summarised = svg("pattern", { id: `${id}-summarised`, class: "tl-pat tl-pat--summarised", width: 4, height: 4, patternUnits: "userSpaceOnUse" });
  summarised.append(svg("rect", { width: 4, height: 4, class: "tl-pat__bg" }), svg("line", { x1: 0, y1: 1, x2: 4, y2: 1, class: "tl-pat__ink" }));
  const arrow = svg("marker", { id: `${id}-arrow`, class: "tl-arrowhead", viewBox: "0 0 8 8", refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  arrow.append(svg("path", { d: "M0,0 L8,4 L0,8 z" }));
  d.append(sleeping, waiting, summarised, arrow);
  return d;
}

const SHAPES = { output: () => svg("circle", { r: 4.5 }), handoff: () => svg("path", { d: "M-5,-6 L5,0 L-5,6 z" }) };
const diamond = () => svg("path", { d: "M0,-6 L6,0 L0,6 L-6,0 z" });

// Every element to add, as [parent, factory] pairs, in document order: the lanes
// (drawn before the figure is placed), then the markers and the axis (after).
function* lanes(L, id, root) {
  let free = !L.markers.length; // the tab stop: first marker, else the first wait
  for (const lane of L.lanes) {
    const g = svg("g", { class: "tl-lane", "data-thread": lane.thread });
    yield [root, () => g];
    yield [g, () => svg("text", { class: "tl-label", x: 8, y: lane.label_y }, lane.target ? `${lane.thread} · ${lane.target}` : lane.thread)];
    for (const s of lane.segments) {
      yield [g, () => {
        const attrs = { class: `tl-seg tl-seg--${s.state}`, x: s.x, y: s.y, width: s.w, height: s.h };
        if (s.state !== "running") attrs.fill = `url(#${id}-${s.state})`;
        if (s.row != null) {
          Object.assign(attrs, { tabindex: free ? 0 : -1, role: "img", "aria-label": s.title, "data-row": s.row, "data-t": s.t0 });
          free = false;
        }
        const rect = svg("rect", attrs);
        rect.append(svg("title", {}, s.title));
        return rect;
      }];
    }
    if (lane.ended) yield [g, () => svg("line", { class: "tl-end", x1: lane.x1, x2: lane.x1, y1: lane.y - 2, y2: lane.y + 20 })];
  }
}

function* markers(L, id, root) {
  yield [root, () => axis(L)];
  for (const m of L.markers) {
    if (m.kind === "handoff" && m.x0 !== undefined) {
      yield [root, () => svg("line", { class: "tl-handoff", x1: m.x0, y1: m.y0, x2: m.x, y2: m.y, "marker-end": `url(#${id}-arrow)` })];
    }
  }
  let first = true;
  for (const m of L.markers) {
    yield [root, () => {
      const g = svg("g", { class: `tl-marker tl-marker--${m.kind}`, tabindex: first ? 0 : -1, role: "img", "aria-label": m.detail, "data-row": m.row, "data-t": m.t, transform: `translate(${m.x} ${m.y})` });
      first = false;
      g.append(svg("title", {}, m.detail), (SHAPES[m.kind] || diamond)());
      return g;
    }];
  }
}

function axis(L) {
  const g = svg("g", { class: "tl-axis" });
  const [a, b] = [L.ticks[0], L.ticks[L.ticks.length - 1]];
  g.append(svg("line", { x1: a.x, x2: b.x, y1: a.y - 6, y2: a.y - 6 }));
  L.ticks.forEach((tick, i) => g.append(svg("text", { x: tick.x, y: tick.y + 8, "text-anchor": i ? "middle" : "start" }, tick.text)));
  return g;
}

const KEYS = [
  ["running or ready", () => svg("rect", { class: "tl-seg tl-seg--running", width: 22, height: 12 }), 22],
  ["sleeping", (id) => svg("rect", { class: "tl-seg tl-seg--sleeping", y: 2, width: 22, height: 8, fill: `url(#${id}-sleeping)` }), 22],
  ["waiting (lock, event, join, queue)", (id) => svg("rect", { class: "tl-seg tl-seg--waiting", y: 2, width: 22, height: 8, fill: `url(#${id}-waiting)` }), 22],
  ["printed a line", () => svg("circle", { cx: 7, cy: 6, r: 4.5 }), 14, "tl-marker--output"],
  ["got a lock another thread released (arrow from the release)", () => svg("path", { d: "M2,0 L12,6 L2,12 z" }), 14, "tl-marker--handoff"],
  ["set an event / notified", () => svg("path", { d: "M7,0 L13,6 L7,12 L1,6 z" }), 14, "tl-marker--signal"],
];
const SUMMARY_KEY = ["summarised", (id) => svg("rect", { class: "tl-seg tl-seg--summarised", width: 22, height: 12, fill: `url(#${id}-summarised)` }), 22];

function legend(id, aggregated) {
  const list = html("ul", { className: "timeline__legend" });
  for (const [text, shape, width, cls] of aggregated ? [...KEYS, SUMMARY_KEY] : KEYS) {
    const icon = svg("svg", { width, height: 12, "aria-hidden": "true", ...(cls ? { class: cls } : {}) });
    icon.append(shape(id));
    list.append(html("li", {}, icon, ` ${text}`));
  }
  return list;
}

function table(L) {
  const tbody = html("tbody");
  L.rows.forEach((row, i) => {
    const tr = html("tr", {}, html("td", { textContent: row.t }), html("td", { textContent: row.thread }), html("td", { textContent: row.what }), html("td", { textContent: String(row.line) }));
    tr.dataset.row = String(i);
    tbody.append(tr);
  });
  const head = html("thead", {}, html("tr", {}, ...["Time", "Thread", "What happened", "Line"].map((t) => html("th", { scope: "col", textContent: t }))));
  const more = L.hidden.length ? ` of more` : "";
  const details = html(
    "details",
    { className: "timeline__events" },
    html("summary", { textContent: `Events of this run, as a table (${L.rows.length}${more})` }),
    html("div", { className: "timeline__table-wrap" }, html("table", { className: "timeline__table" }, head, tbody)),
  );
  if (L.hidden.length) details.append(html("p", { className: "timeline__more", textContent: `Later events, counted: ${L.hidden.join(", ")}.` }));
  return details;
}

async function addAll(items, chunk, pause) {
  let done = 0;
  for (const [parent, make] of items) {
    parent.append(make());
    if (++done % chunk === 0) await pause();
  }
}

function figureFor(L, root, { id, heading, source }) {
  const summary = L.aggregated ? " Long run: some parts are drawn summarised (hover or focus for counts)." : "";
  const caption = html("figcaption", { className: "timeline__caption", id: `${id}-caption` }, html("strong", { textContent: heading }), ` ${L.caption}${summary}`);
  const figure = html("figure", { className: `timeline timeline--${source}`, id }, caption, html("div", { className: "timeline__scroll" }, root));
  figure.dataset.timeline = source;
  figure.dataset.events = String(L.rows.length);
  const details = html("p", { className: "timeline__details", hidden: true });
  details.setAttribute("aria-live", "polite");
  figure.append(legend(id, L.aggregated || L.summarised), details, table(L));
  return figure;
}

/**
 * Draw layout L as a figure: lanes while it is detached, then place(figure) puts it
 * in the page, then markers a few per frame. Resolves with the figure once complete;
 * its data-state is "drawing" until then, "done" after.
 */
export async function renderTimeline(L, { id, heading, source = "live", place = () => {} }) {
  const root = svg("svg", { class: "timeline__svg", viewBox: `0 0 ${L.width} ${L.height}`, width: L.width, height: L.height, role: "group", "aria-labelledby": `${id}-caption` });
  root.append(defs(id));
  await addAll(lanes(L, id, root), CHUNK_DETACHED, nextTask);
  const figure = figureFor(L, root, { id, heading, source });
  figure.dataset.state = "drawing";
  place(figure);
  await addAll(markers(L, id, root), CHUNK_PLACED, nextFrame);
  figure.dataset.state = "done";
  return figure;
}
