"""Numbers for the threads runtime in Chromium: ``python -m tests.bench_threads``.

Prints: time.sleep(1) in a thread (wall), the 4 x 100,000 locked counter, slice
overhead on single-threaded CPU-bound code (preemption on vs off), a ping-pong
switch cost, and each site example live vs CPython (total times, sleeps included).
"""

from __future__ import annotations

import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

from sitebuild import ROOT
from tests.browser.chromium import launch
from tests.browser.threads_page import ThreadsPage, harness_server

SLEEP_ONE = """\
import threading, time
def nap():
    t0 = time.monotonic(); time.sleep(1); print(round(time.monotonic() - t0, 3))
t = threading.Thread(target=nap); t.start(); t.join()
"""
COUNTER = """\
import threading, time
counter = 0
lock = threading.Lock()
def work():
    global counter
    for _ in range(100_000):
        with lock:
            counter += 1
t0 = time.perf_counter()
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
assert counter == 400_000
print(round(time.perf_counter() - t0, 3))
"""
CPU = """\
import time
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
t0 = time.perf_counter(); fib(25); print(round(time.perf_counter() - t0, 3))
"""
PINGPONG = """\
import threading, time
ping, pong = threading.Event(), threading.Event()
N = 2000
def other():
    for _ in range(N):
        ping.wait(); ping.clear(); pong.set()
t = threading.Thread(target=other); t.start()
t0 = time.perf_counter()
for _ in range(N):
    ping.set(); pong.wait(); pong.clear()
t.join()
print(round((time.perf_counter() - t0) / (2 * N) * 1e6, 1))
"""


def best(page, source, runs=3, **options) -> float:
    return min(float(page.run(source, events=False, **options)["stdout"]) for _ in range(runs))


def cpython_time(path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(path)], capture_output=True, timeout=120)
    return time.perf_counter() - t0


def main() -> None:
    with harness_server() as server, sync_playwright() as pw:
        browser = launch(pw)
        page = ThreadsPage(browser.new_page(), server.url + "index.html")
        plain = ThreadsPage(browser.new_page(), server.url + "index.html?nopreempt=1")
        print(f"time.sleep(1) in a thread: {best(page, SLEEP_ONE, 2):.3f} s wall")
        print(f"4 x 100,000 locked counter: {best(page, COUNTER):.3f} s (wall slices)")
        print(f"4 x 100,000 locked counter: {best(page, COUNTER, seed=1):.3f} s (seeded)")
        on, off = best(page, CPU, 5), best(plain, CPU, 5)
        print(
            f"fib(25) single thread: {on:.3f} s sliced, {off:.3f} s unsliced: "
            f"overhead {100 * (on / off - 1):+.1f} %"
        )
        print(f"thread switch (Event ping-pong): {best(page, PINGPONG):.1f} us per switch")
        print("\nexample                        live s   CPython s")
        for path in sorted((ROOT / "examples").glob("*.py")):
            t0 = time.perf_counter()
            result = page.run(path.read_text(), filename=path.name, events=False)
            live = time.perf_counter() - t0
            status = result.get("outcome", {}).get("status", result.get("error", "?"))
            print(f"{path.stem:30s} {live:7.2f}  {cpython_time(path):9.2f}   {status}")
        browser.close()


if __name__ == "__main__":
    main()
