"""Numbers for the threads runtime in Chromium: ``python -m tests.bench_threads``.

Prints: time.sleep(1) in a thread (wall), the 4 x 100,000 locked counter, slice
overhead on single-threaded CPU-bound code (preemption on vs off), a ping-pong
switch cost, and each site example live vs CPython. Per example, "busy" leaves out
the example's own sleeps: live, the wall time minus the time every thread waited for
a timeout (the runtime measures it); CPython, the process's CPU time minus that of
an empty interpreter start (its threads mostly take turns under the GIL).
"""

from __future__ import annotations

import os
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
t0 = time.perf_counter(); fib(30); print(round(time.perf_counter() - t0, 3))
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


ANYWHERE = """\
import threading, time
counter = 0
def work():
    global counter
    for _ in range(10_000):
        counter += 1
t0 = time.perf_counter()
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(round(time.perf_counter() - t0, 3), 40_000 - counter)
"""

# Issue 8's speed goals, each printed next to CPython's figure for the same program.
HANDOFF = """\
import threading, time
cond = threading.Condition()
turn = 0
N = 1000
def player(me):
    global turn
    for _ in range(N):
        with cond:
            while turn != me:
                cond.wait()
            turn = 1 - me
            cond.notify()
t0 = time.perf_counter()
ts = [threading.Thread(target=player, args=(k,)) for k in (0, 1)]
for t in ts: t.start()
for t in ts: t.join()
print(round((time.perf_counter() - t0) / (2 * N) * 1000, 4))
"""
SLEEPERS = """\
import threading, time
def sleeper():
    for _ in range(50):
        time.sleep(0.01)
t0 = time.perf_counter()
ts = [threading.Thread(target=sleeper) for _ in range(200)]
for t in ts: t.start()
for t in ts: t.join()
print(round(time.perf_counter() - t0, 3))
"""
MANY = """\
import threading, time
t0 = time.perf_counter()
for _ in range(100):
    ts = [threading.Thread(target=int) for _ in range(100)]
    for t in ts: t.start()
    for t in ts: t.join()
print(round(time.perf_counter() - t0, 3))
"""
GOALS = [
    ("Condition hand-off (ms)", HANDOFF, "<= 5x"),
    ("200 threads x 50 sleeps of 10 ms (s)", SLEEPERS, "<= 1.5x"),
    ("10,000 threads started and joined (s)", MANY, "<= 3 s"),
]


def cpython_output(source: str) -> float:
    done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True)
    return float(done.stdout)


def goals(page) -> None:
    print(f"\n{'issue 8 goal':40s} {'live':>9s} {'CPython':>9s} {'ratio':>7s}  target")
    for label, source, target in GOALS:
        result = page.run(source, events=False, timeout_ms=300_000)
        live = float(result["stdout"]) if "stdout" in result else float("nan")
        cpy = cpython_output(source)
        print(f"{label:40s} {live:9.4f} {cpy:9.4f} {live / cpy:6.1f}x  {target}")


def best(page, source, runs=3, **options) -> float:
    return min(float(page.run(source, events=False, **options)["stdout"]) for _ in range(runs))


def cpython_time(args) -> tuple[float, float]:
    """(wall, CPU) seconds of one CPython process."""
    before = os.times()
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], capture_output=True, timeout=120)
    wall = time.perf_counter() - t0
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


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
            f"fib(30) single thread: {on:.3f} s sliced, {off:.3f} s unsliced: "
            f"overhead {100 * (on / off - 1):+.1f} %"
        )
        took, lost = page.run(ANYWHERE, mode="anywhere", seed=99, events=False)["stdout"].split()
        print(f"'anywhere' mode, 4 x 10,000 counter += 1: {float(took):.3f} s, {lost} updates lost")
        print(f"thread switch (Event ping-pong): {best(page, PINGPONG):.1f} us per switch")
        goals(page)
        startup = min(cpython_time(["-c", "import threading"])[1] for _ in range(5))
        print(
            f"\n{'':26s} {'live (browser)':>16s}  {'CPython':>16s}"
            f"\n{'example':26s} {'wall s':>7s} {'busy s':>8s}  {'wall s':>7s} {'busy s':>8s}"
        )
        for path in sorted((ROOT / "examples").glob("*.py")):
            result = page.run(path.read_text(), filename=path.name, events=False)
            live = result.get("elapsed", float("nan"))  # measured inside the worker
            outcome = result.get("outcome", {})
            busy = live - outcome.get("idle_s", 0.0)
            status = outcome.get("status", result.get("error", "?"))
            wall, cpu = cpython_time([str(path)])
            print(
                f"{path.stem:26s} {live:7.2f} {busy:8.2f}  {wall:7.2f} {max(cpu - startup, 0):8.2f}"
                f"   {status}"
            )
        browser.close()


if __name__ == "__main__":
    main()
