"""Reader code that traces (sys.settrace, threading.settrace, sys.monitoring) while other
threads' stacks are suspended: it must run as in CPython, not crash Pyodide (3.14's
incremental GC walking suspended stacks crashed once: threads/gc_guard.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.browser.runner_session import open_runner_session

SETTRACE = """\
import sys, threading, time, gc
calls = []
def tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "work":
        calls.append(threading.current_thread().name)
    return None
def work(n):
    total = 0
    for i in range(n):
        total += i
        if i % 500 == 0:
            time.sleep(0)
            gc.collect()
    return total
threading.settrace(tracer)
sys.settrace(tracer)
threads = [threading.Thread(target=work, args=(5000,), name=f"w{k}") for k in range(4)]
for t in threads: t.start()
work(10)
for t in threads: t.join()
sys.settrace(None)
threading.settrace(None)
print(sorted(calls))
"""

MONITORING = """\
import sys, threading, time, gc
mon = sys.monitoring
TOOL = 3
lines = {}
def on_line(code, line):
    if code.co_name == "work":
        lines[threading.current_thread().name] = lines.get(threading.current_thread().name, 0) + 1
mon.use_tool_id(TOOL, "reader")
mon.register_callback(TOOL, mon.events.LINE, on_line)
mon.set_events(TOOL, mon.events.LINE)
def work():
    for i in range(200):
        if i % 50 == 0:
            time.sleep(0.001)
            gc.collect()
threads = [threading.Thread(target=work, name=f"w{k}") for k in range(3)]
for t in threads: t.start()
for t in threads: t.join()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
print(sorted(lines), all(n > 400 for n in lines.values()))
"""


@pytest.fixture(scope="module")
def session(browser, site):
    with open_runner_session(browser, site) as runner:
        yield runner


def cpython(source: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=True
    ).stdout


def test_settrace_in_every_thread_matches_cpython(session):
    expected = cpython(SETTRACE)
    for _ in range(5):
        out = session.threaded(SETTRACE)
        assert out["result"]["status"] == "ok", out
        assert out["stdout"] == expected


@pytest.mark.parametrize("mode", ["gil", "gil39", "anywhere"])
def test_sys_monitoring_with_suspended_threads_does_not_crash(session, mode):
    # sys.monitoring is 3.12+: the expected line is CPython 3.12's and 3.13's (checked).
    # The ≤ 3.9 and "anywhere" schedules use sys.monitoring themselves.
    seed = None if mode == "gil" else 7
    for _ in range(3):
        out = session.threaded(MONITORING, mode=mode, seed=seed)
        assert out["result"]["status"] == "ok", out
        assert out["stdout"] == "['w0', 'w1', 'w2'] True\n"
    assert session.threaded("print('after')")["stdout"] == "after\n"
