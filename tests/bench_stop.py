"""Benchmark of Stop (``make bench``): prints figures, asserts nothing.

Through the site's own session (runner_session.py), on a warm page:
1. a warm run: run() -> its first output;
2. Stop of `while True: pass`, 20-80 ms into the loop (a random point between two reads
   of the stop flag) -> the next run's first output (Python kept: target <= 2x 1.), and
   how the worker heard the Stop (stop_channel.js StopFlag.heard);
3. the same for a program that swallows KeyboardInterrupt (its worker is replaced);
4. a busy loop's time, and the share of it the worker spent reading the stop flag.
For each way the flag can work: on a first visit (no isolation) the stop file
(stop_file.js) in a normal browser profile and in a private one (Playwright's
new_context(), like an incognito window: its OPFS lives in the browser process, a read
costs ~0.3 ms), the blob URL probe (the stop file's writer blocked, as in a browser that
cannot share the file), and cross-origin isolated (shared memory; what isolation_sw.js
gives from the second page load on — here the server sends the headers itself).
`python -m tests.bench_stop [ROUNDS [MODE ...]]` runs only the modes named (by a word of
their name, say "private").
"""

from __future__ import annotations

import functools
import statistics
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import ARGS, CHROMIUM, build_site, launch
from tests.browser.conftest import watch
from tests.browser.runner_session import RunnerSession
from tests.browser.server import SiteServer
from tests.browser.test_stop import IGNORES_CTRL_C
from tests.browser.test_stop_flag import IsolatedHandler

ROUNDS = 7
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
  await new Promise((resolve) => setTimeout(resolve, 20 + 60 * Math.random()));
  const t0 = performance.now();
  run.stop();
  const ms = await firstOutput("print('next')", t0);
  const { restarted } = await run.done;
  return { ms, restarted: Boolean(restarted), heard: run.flag?.heard ?? "" };
}"""

# The loop's own time, and the time its worker spent reading the stop flag meanwhile.
_LOOP = """async (source) => {
  let out = "";
  const run = window.__session.run(source, "main.py", {}, { onOutput: (b) => (out += b[0][1]) });
  await run.done;
  return [Number(out), run.flag.probe_ms];
}"""


def measure(session: RunnerSession, busy: str | None = None, marker: str = "") -> dict:
    return session.page.evaluate(_MEASURE, [busy, marker])


def loop_ms(session: RunnerSession) -> tuple[float, float]:
    """ms of a busy loop, and the share of it spent reading the stop flag (%)."""
    ms, probe_ms = session.page.evaluate(_LOOP, LOOP)
    return ms, 100 * probe_ms / ms


def bench(context, server: SiteServer, rounds: int) -> dict[str, list]:
    watched = watch(context.new_page(), server.host)
    watched.page.goto(server.url)
    session = RunnerSession(watched, server.url)
    session.page.set_default_timeout(120_000)
    session.run("print('load')")
    figures: dict[str, list] = {
        k: [] for k in ("warm", "stop", "heard", "stubborn", "loop", "share")
    }
    for _ in range(rounds):
        figures["warm"].append(measure(session)["ms"])
        kept = measure(session, BUSY, "busy")
        figures["stop"].append(kept["ms"] if not kept["restarted"] else float("nan"))
        figures["heard"].append(kept["heard"] or "restarted")
        loop, share = loop_ms(session)
        figures["loop"].append(loop)
        figures["share"].append(share)
    for _ in range(2):  # each costs a fresh Python
        figures["stubborn"].append(measure(session, IGNORES_CTRL_C, "stubborn")["ms"])
    return figures


@contextmanager
def private_context(playwright, block_writer: bool = False):
    browser = launch(playwright)
    context = browser.new_context()
    if block_writer:  # as a browser that cannot share the stop file: the blob URL is probed
        context.route("**/stop_writer.js", lambda route: route.abort())
    try:
        yield context
    finally:
        browser.close()


@contextmanager
def normal_profile(playwright):
    """A browser profile on disk, as a reader's (Playwright's new_context is private)."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True
        )
        try:
            yield context
        finally:
            context.close()


no_writer = functools.partial(private_context, block_writer=True)
MODES = {  # name -> (browser context, isolated server?)
    "stop file, normal profile": (normal_profile, False),
    "stop file, private context": (private_context, False),
    "blob URL (no stop file), private": (no_writer, False),
    "shared memory, private": (private_context, True),
}


def main(argv: list[str]) -> int:
    rounds = int(argv[0]) if argv else ROUNDS
    modes = {n: m for n, m in MODES.items() if not argv[1:] or any(w in n for w in argv[1:])}
    results = {}
    with tempfile.TemporaryDirectory() as tmp, SiteServer(Path(tmp)) as plain:
        print("building the site…", flush=True)
        build_site(Path(tmp), plain.url)
        with SiteServer(Path(tmp)) as isolated, sync_playwright() as playwright:
            isolated.httpd.RequestHandlerClass = functools.partial(IsolatedHandler, directory=tmp)
            for name, (context_of, isolate) in modes.items():
                with context_of(playwright) as context:
                    results[name] = bench(context, isolated if isolate else plain, rounds)
                report(name, results[name])
    print(f"\nmedians of {rounds}, ms{'':12s} warm  Stop->next  ratio  reading the flag")
    for name, f in results.items():
        warm, stop, share = (statistics.median(f[k]) for k in ("warm", "stop", "share"))
        print(f"{name:34s} {warm:5.1f} {stop:11.1f} {stop / warm:6.2f} {share:8.1f} %")
    return 0


def report(name: str, f: dict[str, list]) -> None:
    warm, stop = statistics.median(f["warm"]), statistics.median(f["stop"])
    stubborn, loop = statistics.median(f["stubborn"]), statistics.median(f["loop"])
    heard = ", ".join(sorted(set(f["heard"])))
    print(f"\n{name}:")
    print(f"  1. warm run -> first output         {warm:8.1f} ms   runs: {fmt(f['warm'])}")
    print(f"  2. Stop -> next run's first output  {stop:8.1f} ms   runs: {fmt(f['stop'])}")
    print(f"     ratio 2. / 1.                    {stop / warm:8.2f}      target <= 2")
    print(f"     the Stop was heard through       {heard}")
    print(f"  3. Stop, KeyboardInterrupt caught   {stubborn:8.0f} ms   (fresh Python)")
    print(f"  4. loop of 3,000,000 additions      {loop:8.1f} ms   runs: {fmt(f['loop'])}")
    print(f"     of which reading the stop flag   {statistics.median(f['share']):8.1f} %")


def fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
