"""Threads left when a run ends are abandoned, never resumed (end_of_run.py), on the
greenlet backend; the browser tests (test_threads_abandon.py) check it in Pyodide."""

from __future__ import annotations

from tests.unit.threads_backend import _ABANDONED, GreenletBackend, run_captured

LEFTOVERS = """
import threading, time
class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        effects.append("__exit__")
lock = threading.Lock()
lock.acquire()
def in_with():
    with Resource():
        lock.acquire()
def in_try():
    try:
        while True:
            time.sleep(0.01)
    finally:
        effects.append("finally")
def in_except():
    try:
        threading.Event().wait()
    except BaseException:
        effects.append("except")
for target in (in_with, in_try, in_except):
    threading.Thread(target=target, daemon=True).start()
time.sleep(0.05)
print("main ends")
"""


def test_daemon_threads_run_no_code_after_the_end():
    effects: list[str] = []
    before = len(_ABANDONED)
    run = run_captured(LEFTOVERS, extra_globals={"effects": effects})
    assert (run.outcome.status, run.stdout) == ("ok", "main ends\n")
    assert effects == []
    assert len(_ABANDONED) - before == 3  # kept suspended, never resumed


def test_a_stopped_thread_stops_where_it_is():
    # Stop is Ctrl-C: KeyboardInterrupt in the main thread (its finally runs, as in
    # CPython), which then waits for the spinning worker until the runtime's grace is
    # over (real time: a virtual clock stands still while threads spin).
    effects: list[str] = []
    run = run_captured(
        """
        import _signal, signal, threading, time
        def worker():
            try:
                while True:
                    time.sleep(0)
            finally:
                effects.append("worker finally")
        threading.Thread(target=worker).start()
        try:
            _signal.raise_signal(signal.SIGINT)  # the page's Stop (the runtime's handler)
            time.sleep(0)
            effects.append("main went on")
        finally:
            effects.append("main finally")
        """,
        extra_globals={"effects": effects},
        backend=GreenletBackend(clock="real"),
    )
    assert run.outcome.status == "stopped"
    assert effects == ["main finally"]
    assert run.stderr.endswith("\nKeyboardInterrupt\n")
