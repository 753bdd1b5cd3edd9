"""Benchmark of Stop (``make bench``): prints figures, asserts nothing.

Through the site's own session (runner_session.py), on a warm page:
1. a warm run: run() -> its first output;
2. Stop of `while True: pass` -> the next run's first output (Python kept: target <= 2x 1.);
3. the same for a program that swallows KeyboardInterrupt (its worker is replaced);
4. a busy loop's time with the stop flag as a blob URL (probed by XHR every 100 ms)
   and as shared memory: what probing costs.
Each twice: as a first visit (blob URL flag) and cross-origin isolated (shared memory;
what isolation_sw.js gives from the second page load on — here the server sends the
headers itself).
"""

from __future__ import annotations

import functools
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import build_site, launch
from tests.browser.conftest import watch
from tests.browser.runner_session import RunnerSession
from tests.browser.server import SiteServer
from tests.browser.test_stop import IGNORES_CTRL_C, IsolatedHandler

ROUNDS = 5
BUSY = "print('busy', flush=True)\nwhile True:\n    pass\n"
LOOP = (
    "import time\nt = time.perf_counter()\ns = 0\n"
    "for i in range(3_000_000):\n    s += i\n"
    "print(round((time.perf_counter() - t) * 1000, 1))\n"
)

_MEASURE = """async ([busy, marker]) => {
  const session = window.__session;
  const firstOutput = (source, t0) => new Promise((resolve) => {
    let seen = false;
    const run = session.run(source, "main.py", {}, {
      onOutput: () => { if (!seen) { seen = true; resolve(performance.now() - t0); } },
    });
    run.done.then(() => resolve(NaN));
  });
  if (!busy) return { ms: await firstOutput("print('x')", performance.now()) };
  let shown;
  const started = new Promise((resolve) => (shown = resolve));
  const run = session.run(busy, "main.py", {}, {
    onOutput: (batch) => batch.some(([, text]) => text.includes(marker)) && shown(),
  });
  await started;
  const t0 = performance.now();
  run.stop();
  const ms = await firstOutput("print('next')", t0);
  return { ms, restarted: Boolean((await run.done).restarted) };
}"""


def measure(session: RunnerSession, busy: str | None = None, marker: str = "") -> dict:
    return session.page.evaluate(_MEASURE, [busy, marker])


def loop_ms(session: RunnerSession) -> float:
    return float(session.run(LOOP)["stdout"])


def bench(browser, server: SiteServer) -> dict[str, list[float]]:
    context = browser.new_context()
    try:
        watched = watch(context.new_page(), server.host)
        watched.page.goto(server.url)
        session = RunnerSession(watched, server.url)
        session.page.set_default_timeout(120_000)
        session.run("print('load')")
        figures: dict[str, list[float]] = {"warm": [], "stop": [], "stubborn": [], "loop": []}
        for _ in range(ROUNDS):
            figures["warm"].append(measure(session)["ms"])
            kept = measure(session, BUSY, "busy")
            figures["stop"].append(kept["ms"] if not kept["restarted"] else float("nan"))
            figures["loop"].append(loop_ms(session))
        for _ in range(2):  # each costs a fresh Python
            figures["stubborn"].append(measure(session, IGNORES_CTRL_C, "stubborn")["ms"])
        return figures
    finally:
        context.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, SiteServer(Path(tmp)) as plain:
        print("building the site…", flush=True)
        build_site(Path(tmp), plain.url)
        with SiteServer(Path(tmp)) as isolated, sync_playwright() as playwright:
            isolated.httpd.RequestHandlerClass = functools.partial(IsolatedHandler, directory=tmp)
            browser = launch(playwright)
            results = {
                "blob URL flag": bench(browser, plain),
                "shared memory": bench(browser, isolated),
            }
            browser.close()
    for name, f in results.items():
        warm, stop = statistics.median(f["warm"]), statistics.median(f["stop"])
        stubborn, loop = statistics.median(f["stubborn"]), statistics.median(f["loop"])
        print(f"\n{name}:")
        print(f"  1. warm run -> first output         {warm:8.1f} ms   runs: {fmt(f['warm'])}")
        print(f"  2. Stop -> next run's first output  {stop:8.1f} ms   runs: {fmt(f['stop'])}")
        print(f"     ratio 2. / 1.                    {stop / warm:8.2f}      target <= 2")
        print(f"  3. Stop, KeyboardInterrupt caught   {stubborn:8.0f} ms   (fresh Python)")
        print(f"  4. loop of 3,000,000 additions      {loop:8.1f} ms   runs: {fmt(f['loop'])}")
    return 0


def fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


if __name__ == "__main__":
    raise SystemExit(main())
