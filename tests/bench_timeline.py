"""Benchmark of the timelines (``make bench``): prints figures, asserts nothing.

1. build time: layout + SVG template for every recording, and for synthetic runs of
   100 and 10,000 events;
2. in the browser (headless Chromium): a live run's timeline for 100 and 10,000
   events: layout in its worker, drawing in chunks, the whole wall time, and the
   longest main-thread task while it happens (Long Tasks API: only tasks >= 50 ms
   are reported, so "none" means every task was shorter).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitebuild import RECORDED_DIR
from sitebuild.recorder import load_recording
from sitebuild.timeline_html import render_recorded
from tests.browser.chromium import build_site, launch
from tests.browser.server import SiteServer

ROUNDS = 3


def synthetic(n: int, seed: int = 1) -> list[dict]:
    """n events of 8 threads: sleeps, lock waits and hand-offs, output lines."""
    rng = random.Random(seed)
    events = [{"type": "thread-start", "t": 0.0, "thread": f"T{i}"} for i in range(8)]
    t, holder = 0.0, None
    while len(events) < n:
        t += rng.random()
        thread = f"T{rng.randrange(8)}"
        kind = rng.choice(["sleep", "resume", "output", "lock"])
        if kind == "lock":
            if holder:
                events.append({"type": "lock-release", "t": t, "thread": holder, "lock": "L"})
            events.append({"type": "lock-acquire", "t": t + 0.1, "thread": thread, "lock": "L"})
            holder = thread
        elif kind == "output":
            events.append(
                {
                    "type": "output",
                    "t": t,
                    "thread": thread,
                    "stream": "stdout",
                    "text": f"line {len(events)}",
                    "line": 7,
                }
            )
        else:
            events.append({"type": kind, "t": t, "thread": thread, "seconds": 0.01, "line": 5})
    return events[:n]


def build_figures() -> None:
    recordings = [load_recording(p) for p in sorted(RECORDED_DIR.glob("*.json"))]
    started = time.perf_counter()
    for i, recording in enumerate(recordings):
        render_recorded(recording, f"bench-{i}")
    total = time.perf_counter() - started
    print(
        f"build: {len(recordings)} recorded timelines (layout + SVG) in {total * 1000:.0f} ms "
        f"({total * 1000 / len(recordings):.1f} ms each)"
    )
    for n in (100, 10_000):
        run = {"python": {"version": "bench"}, "runs": [{"events": synthetic(n)}]}
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            html = render_recorded(run, "bench")
            times.append(time.perf_counter() - started)
        print(
            f"build: {n:>6,} events -> {len(html) / 1024:.0f} KB of SVG+table in "
            f"{statistics.median(times) * 1000:.0f} ms (median of {ROUNDS})"
        )


DRAW = """async (events) => {
  const base = new URL("assets/js/timeline/", document.baseURI).href;
  const { layoutOffThread } = await import(base + "mount.js");
  const { renderTimeline } = await import(base + "render.js");
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: "longtask" });
  const t0 = performance.now();
  const plan = await layoutOffThread(events);
  const t1 = performance.now();
  const place = (f) => document.body.append(f);
  const figure = await renderTimeline(plan, { id: "bench", heading: "bench", place });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const t2 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  figure.remove();
  return { layout: t1 - t0, draw: t2 - t1, total: t2 - t0, longest };
}"""

# For comparison: the same layout on the page's main thread (what the worker saves).
SYNC = """async (events) => {
  const { layout } = await import(new URL("assets/js/timeline/layout.js", document.baseURI).href);
  const s = performance.now();
  layout(events);
  return performance.now() - s;
}"""


def browser_figures() -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = Path(tmp) / "site"
        with SiteServer(site) as server:
            build_site(site, server.url)
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(server.url)
            for n in (100, 10_000):
                events = synthetic(n)
                runs = [page.evaluate(DRAW, events) for _ in range(ROUNDS)]
                med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                med["sync"] = statistics.median(page.evaluate(SYNC, events) for _ in range(ROUNDS))
                longest = max(r["longest"] for r in runs)
                per_round = [round(r["longest"]) for r in runs]
                print(f"  longest task per round (ms; 0 = none >= 50 ms): {per_round}")
                print(
                    f"browser: {n:>6,} events: layout (worker) {med['layout']:.0f} ms, drawing "
                    f"{med['draw']:.0f} ms, total {med['total']:.0f} ms; longest main-thread "
                    f"task {f'{longest:.0f} ms' if longest else 'none >= 50 ms'} "
                    f"(same layout on the main thread would take {med['sync']:.0f} ms)"
                )
            browser.close()


if __name__ == "__main__":
    build_figures()
    browser_figures()
