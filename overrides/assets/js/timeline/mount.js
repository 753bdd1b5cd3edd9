// Timelines on a page: details on hover/focus for every chart (recorded ones are
// rendered at build time), and a live run's own chart drawn after the run, beside the
// recorded one. Mounted by site.js like every feature.

import { layout } from "./layout.js";
import { renderTimeline } from "./render.js";

const KEYS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

const FOCUSABLE = ".tl-marker, .tl-seg[data-row]";

// Hover or focus on a marker or a wait shows its time, thread, what happened and line
// below the chart, and marks its row in the events table; arrow keys move between
// them in time order (one tab stop per chart: roving tabindex).
function wire(figure, on) {
  const details = figure.querySelector(".timeline__details");
  const svg = figure.querySelector(".timeline__svg");
  if (!svg || !details) return;
  const inOrder = () => [...figure.querySelectorAll(FOCUSABLE)].sort((a, b) => Number(a.dataset.t) - Number(b.dataset.t));
  const show = (item) => {
    if (!item) return;
    details.textContent = item.getAttribute("aria-label");
    details.hidden = false;
    for (const el of figure.querySelectorAll(".tl-current")) el.classList.remove("tl-current");
    item.classList.add("tl-current");
    figure.querySelector(`tr[data-row="${item.dataset.row}"]`)?.classList.add("tl-current");
  };
  on(svg, "focusin", (event) => show(event.target.closest(FOCUSABLE)));
  on(svg, "pointerover", (event) => show(event.target.closest(FOCUSABLE)));
  on(svg, "click", (event) => event.target.closest(FOCUSABLE)?.focus());
  on(svg, "keydown", (event) => {
    const all = inOrder();
    const at = all.indexOf(event.target.closest(FOCUSABLE));
    if (at < 0) return;
    let next;
    if (event.key in KEYS) next = Math.min(all.length - 1, Math.max(0, at + KEYS[event.key]));
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = all.length - 1;
    else if (event.key === "Escape") return void (details.hidden = true);
    else return;
    event.preventDefault();
    for (const el of all) el.setAttribute("tabindex", "-1");
    all[next].setAttribute("tabindex", "0");
    all[next].focus();
  });
}

// The layout runs in a worker of its own, so a 20,000-event run never holds up the
// page; where workers are unavailable it runs here.
export function layoutOffThread(events, durationMs = null) {
  let worker;
  try {
    worker = new Worker(new URL("./layout_worker.js", import.meta.url), { type: "module" });
  } catch {
    return Promise.resolve(layout(events, durationMs));
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || "timeline layout worker failed"));
    };
    worker.postMessage({ events, durationMs });
  }).finally(() => worker.terminate());
}

async function drawLive(block, events, on) {
  const result = block.querySelector(".runner__result");
  if (!result || !events?.length) return;
  block.querySelector(".timeline--live")?.remove();
  const id = `timeline-live-${block.dataset.example}`;
  const plan = await layoutOffThread(events);
  const figure = await renderTimeline(plan, { id, heading: "Timeline of this live run:", place: (f) => result.append(f) });
  wire(figure, on);
  block.dispatchEvent(new CustomEvent("timeline:drawn", { detail: { figure } }));
}

export function mount(root) {
  const abort = new AbortController();
  const on = (target, type, fn) => target.addEventListener(type, fn, { signal: abort.signal });
  for (const figure of root.querySelectorAll("figure.timeline")) wire(figure, on);
  for (const block of root.querySelectorAll(".example[data-example]")) {
    on(block, "runner:done", (event) => {
      drawLive(block, event.detail?.events, on).catch((error) => console.error("timeline failed", error));
    });
  }
  return () => abort.abort();
}
