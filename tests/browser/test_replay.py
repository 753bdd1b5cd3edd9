"""Replayable runs really replay (issue 8): in a seeded run the clocks and ``random``
follow the seed, so the same seed prints byte-identical output, even for programs that
read the time, sleep, time out, and wait on conditions, queues and barriers.

Runs go through the site's own runner (session.js -> worker.js -> browser_runtime).
"""

from __future__ import annotations

import time

import pytest

from tests.browser.runner_session import open_runner_session

CLOCKS_AND_WAITS = """\
import queue
import random
import threading
import time

t0 = time.monotonic()
print("time", time.time(), time.time_ns())
print("clocks", time.monotonic(), time.perf_counter(), time.monotonic_ns(), time.perf_counter_ns())
print("random", random.random(), random.randint(1, 10**9), random.choice("abcdefgh"))
results = queue.Queue()
lock = threading.Lock()
ready = threading.Condition()
barrier = threading.Barrier(3)
event = threading.Event()


def worker(n):
    time.sleep(random.random() / 50)
    results.put((n, "slept", round(time.monotonic() - t0, 9)))
    with ready:
        got = ready.wait(timeout=0.02)
    results.put((n, "condition", got, round(time.monotonic() - t0, 9)))
    results.put((n, "lock", lock.acquire(timeout=0.01)))
    index = barrier.wait()
    results.put((n, "barrier", index, round(time.perf_counter() - t0, 9)))
    results.put((n, "event", event.wait(timeout=0.005 * n)))
    if n == 0:
        lock.release()


threads = [threading.Thread(target=worker, args=(n,)) for n in range(2)]
for t in threads:
    t.start()
barrier.wait()
try:
    print("queue get", queue.Queue().get(timeout=0.01))
except queue.Empty:
    print("queue empty after", round(time.monotonic() - t0, 9))
for t in threads:
    t.join()
while not results.empty():
    print(*results.get())
print("end", time.monotonic() - t0, time.time(), random.random())
"""


@pytest.fixture(scope="module")
def runner(browser, site):
    with open_runner_session(browser, site) as session:
        yield session


@pytest.mark.parametrize("mode", ["gil", "anywhere"])
def test_the_same_seed_prints_byte_identical_output(runner, mode):
    runs = [runner.threaded(CLOCKS_AND_WAITS, "replay.py", mode=mode, seed=11) for _ in range(2)]
    for run in runs:
        assert run["result"]["status"] == "ok", run
        assert run["stderr"] == ""
        assert run["result"]["seed"] == 11
    assert runs[0]["stdout"] == runs[1]["stdout"]
    assert runs[0]["stdout"].count("\n") > 10


def test_another_seed_draws_other_random_numbers(runner):
    source = "import random, threading\nprint(random.random())"
    one = runner.threaded(source, seed=1)["stdout"]
    two = runner.threaded(source, seed=2)["stdout"]
    assert one != two
    assert runner.threaded(source, seed=1)["stdout"] == one


def test_a_plain_program_replays_random_with_its_seed(runner):
    source = "import random\nprint(random.random(), random.getrandbits(64))"
    assert runner.run(source, seed=5)["stdout"] == runner.run(source, seed=5)["stdout"]


NO_THREADS = """\
import random
import time

t0, p0, w0 = time.monotonic(), time.perf_counter(), time.time()
print(time.time(), time.time_ns(), time.monotonic_ns(), time.perf_counter_ns())
time.sleep(0.05)
print(time.monotonic() - t0, time.perf_counter() - p0, time.time() - w0)
squares = sum(i * i for i in range(200_000))
print(time.monotonic() - t0, time.perf_counter_ns(), random.random(), random.randint(1, 10**9))
"""


def test_a_program_without_threads_replays_its_clocks_too(runner):
    runs = [runner.threaded(NO_THREADS, "clocks.py", seed=11) for _ in range(2)]
    assert runs[0]["stdout"] == runs[1]["stdout"]
    for run in runs:
        assert (run["result"]["status"], run["result"].get("seed"), run["stderr"]) == ("ok", 11, "")
    slept = [float(x) for x in runs[0]["stdout"].splitlines()[1].split()]
    assert all(s >= 0.05 for s in slept), slept  # the sleep moved the clocks
    # "Like CPython" (no seed) reads the real clocks.
    assert runner.threaded(NO_THREADS, "clocks.py")["stdout"] != runs[0]["stdout"]


def test_like_cpython_mode_keeps_the_real_clocks_and_fresh_random(runner):
    source = "import random, threading, time\nprint(time.time(), random.random())"
    before = time.time()
    runs = [runner.threaded(source)["stdout"].split() for _ in range(2)]
    after = time.time()
    for wall, _ in runs:
        assert before - 1 <= float(wall) <= after + 1
    assert runs[0][1] != runs[1][1], "unseeded runs must not repeat random numbers"
