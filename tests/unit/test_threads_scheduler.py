"""The cooperative runtime's threading semantics, on CPython with the greenlet backend.

Pinned outputs are what CPython 3.11 prints for the same program (checked when these
tests were written) unless a comment says the order is the runtime's own choice;
``now()`` is the backend's virtual clock, so times are exact.
"""

from __future__ import annotations

import signal
import sys
import time

import pytest

from browser_runtime.threads import run_program, run_program_blocking
from browser_runtime.threads import scheduler as sched_module
from tests.programs import LOCK_ORDER_DEADLOCK as OPPOSITE_ORDER
from tests.programs import THREAD_NAMES_AND_IDENTS as COUNTING
from tests.programs import TWO_WORKERS_ONE_LOCK as TWO_WORKERS
from tests.unit.threads_backend import GreenletBackend, run_captured

# -- locks ---------------------------------------------------------------------


def test_lock_acquire_timeout_returns_false_after_the_timeout():
    run = run_captured(
        """
        import threading
        lock = threading.Lock()
        lock.acquire()
        t0 = now()
        print(lock.acquire(timeout=0.25), round(now() - t0, 6))
        """
    )
    assert run.stdout == "False 0.25\n"
    assert run.outcome.status == "ok"


def test_lock_acquire_timeout_returns_true_when_released_in_time():
    run = run_captured(
        """
        import threading, time
        lock = threading.Lock()
        lock.acquire()
        def releaser():
            time.sleep(0.1)
            lock.release()
        threading.Thread(target=releaser).start()
        t0 = now()
        print(lock.acquire(timeout=1), round(now() - t0, 6))
        """
    )
    assert run.stdout == "True 0.1\n"


def test_non_blocking_acquire_and_argument_errors():
    run = run_captured(
        """
        import threading
        lock = threading.Lock()
        print(lock.acquire(blocking=False), lock.acquire(blocking=False))
        for kwargs in ({"blocking": False, "timeout": 1}, {"timeout": -2}):
            try:
                lock.acquire(**kwargs)
            except ValueError as e:
                print("ValueError:", e)
        lock.release()
        try:
            lock.release()
        except RuntimeError as e:
            print("RuntimeError:", e)
        """
    )
    lines = run.stdout.splitlines()
    assert lines[0] == "True False"
    assert lines[1] == "ValueError: can't specify a timeout for a non-blocking call"
    # 3.11 says "must be positive", 3.13+ "must be a non-negative number".
    assert lines[2].startswith("ValueError: timeout value must be")
    assert lines[3] == "RuntimeError: release unlocked lock"
    assert len(lines) == 4


def test_release_wakes_a_waiter_but_does_not_hand_it_the_lock():
    # CPython's locks are not fair: the releasing thread may take the lock straight back.
    run = run_captured(
        """
        import threading, time
        lock = threading.Lock()
        log = []
        def waiter():
            lock.acquire()
            log.append("waiter got it")
            lock.release()
        lock.acquire()
        t = threading.Thread(target=waiter)
        t.start()
        time.sleep(0.01)  # the waiter now blocks in acquire()
        lock.release()
        log.append(f"main re-acquires at once: {lock.acquire(blocking=False)}")
        lock.release()
        t.join()
        print(log)
        """
    )
    assert run.stdout == "['main re-acquires at once: True', 'waiter got it']\n"


def test_rlock_is_reentrant_for_its_owner_only():
    run = run_captured(
        """
        import threading
        r = threading.RLock()
        r.acquire()
        r.acquire()
        def other():
            try:
                r.release()
            except RuntimeError as e:
                print("other:", e)
            print("other acquires:", r.acquire(timeout=0.1))
        t = threading.Thread(target=other)
        t.start()
        t.join()
        r.release()
        r.release()
        try:
            r.release()
        except RuntimeError as e:
            print("main:", e)
        def later():
            print("other acquires after unwinding:", r.acquire(timeout=0.1))
            r.release()
        t = threading.Thread(target=later)
        t.start()
        t.join()
        """
    )
    assert run.stdout == (
        "other: cannot release un-acquired lock\n"
        "other acquires: False\n"
        "main: cannot release un-acquired lock\n"
        "other acquires after unwinding: True\n"
    )


# -- join, daemon threads, sleep -----------------------------------------------


def test_join_with_timeout_returns_at_the_timeout_while_the_thread_lives():
    run = run_captured(
        """
        import threading, time
        t = threading.Thread(target=time.sleep, args=(0.5,))
        t.start()
        t0 = now()
        print(t.join(timeout=0.1), t.is_alive(), round(now() - t0, 6))
        t.join()
        print(t.is_alive(), round(now() - t0, 6))
        """
    )
    assert run.stdout == "None True 0.1\nFalse 0.5\n"


def test_exit_waits_for_non_daemon_threads_and_abandons_daemon_ones():
    run = run_captured(
        """
        import threading, time
        def forever():
            try:
                while True:
                    time.sleep(0.05)
            finally:
                print("daemon finally")  # CPython never runs this
        def finite():
            time.sleep(0.2)
            print("worker done")
        threading.Thread(target=forever, daemon=True, name="ticker").start()
        threading.Thread(target=finite, name="worker").start()
        print("main done")
        """
    )
    assert run.stdout == "main done\nworker done\n"
    assert (run.outcome.status, run.outcome.exit_code) == ("ok", 0)
    exit_event = run.events[-1]
    assert exit_event["type"] == "exit"
    assert exit_event["t"] == 200.0  # the run ends when the worker does, not later
    ticker_sleeps = [e for e in run.of_type("sleep") if e["thread"] == "ticker"]
    assert len(ticker_sleeps) == 5  # at 0, 50, 100, 150, 200 ms: then abandoned
    assert sys.modules["threading"].__name__ == "threading"


def test_sleep_in_the_main_thread_lets_threads_run():
    run = run_captured(
        """
        import threading, time
        def worker():
            for i in range(3):
                print(f"worker {i} at {now() - t0:.2f}")
                time.sleep(0.1)
        t0 = now()
        threading.Thread(target=worker).start()
        time.sleep(0.15)
        print(f"main at {now() - t0:.2f}")
        time.sleep(0)  # yields: nothing else is ready, so main goes on at once
        print(f"main again at {now() - t0:.2f}")
        """
    )
    assert run.stdout == (
        "worker 0 at 0.00\nworker 1 at 0.10\nmain at 0.15\nmain again at 0.15\nworker 2 at 0.20\n"
    )


def test_sleep_zero_lets_the_other_ready_threads_run_first():
    # The runtime's choice: CPython's sleep(0) may or may not switch.
    run = run_captured(
        """
        import threading, time
        out = []
        go = threading.Event()
        def spin(tag):
            go.wait()
            for _ in range(3):
                out.append(tag)
                time.sleep(0)
        ts = [threading.Thread(target=spin, args=(tag,)) for tag in "ab"]
        for t in ts:
            t.start()
        go.set()
        for t in ts:
            t.join()
        print("".join(out))
        """
    )
    assert run.stdout == "ababab\n"


def test_sleep_in_the_main_thread_alone_advances_the_clock():
    run = run_captured(
        """
        import time
        t0 = now()
        time.sleep(2.5)
        print(now() - t0)
        for arg in (-1, "x"):
            try:
                time.sleep(arg)
            except (ValueError, TypeError) as e:
                print(type(e).__name__ + ":", e)
        """
    )
    assert run.stdout == (
        "2.5\n"
        "ValueError: sleep length must be non-negative\n"
        "TypeError: 'str' object cannot be interpreted as an integer\n"
    )
    assert run.of_type("sleep") == [
        {"type": "sleep", "t": 0.0, "thread": "MainThread", "seconds": 2.5}
    ]


def test_real_clock_runs_give_the_same_output():
    backend = GreenletBackend(clock="real")
    started = time.monotonic()
    run = run_captured(
        """
        import threading, time
        def sleeper(name, delay):
            time.sleep(delay)
            print(name, "woke")
        for name, delay in (("A", 0.06), ("B", 0.02)):
            threading.Thread(target=sleeper, args=(name, delay)).start()
        """,
        backend=backend,
    )
    assert run.stdout == "B woke\nA woke\n"
    assert time.monotonic() - started >= 0.06


# -- exit codes and uncaught exceptions ----------------------------------------


def test_uncaught_exception_exits_1_with_a_traceback_of_the_readers_code():
    run = run_captured(
        """
        def divide():
            return 1 / 0
        print("before")
        divide()
        """,
        filename="divide.py",
    )
    assert (run.outcome.status, run.outcome.exit_code) == ("ok", 1)
    assert run.stdout == "before\n"
    lines = run.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "ZeroDivisionError: division by zero"
    assert 'File "divide.py", line 5, in <module>' in run.stderr
    assert 'File "divide.py", line 3, in divide' in run.stderr
    assert "browser_runtime" not in run.stderr


def test_uncaught_exception_in_main_still_waits_for_non_daemon_threads():
    run = run_captured(
        """
        import threading, time
        def late():
            time.sleep(0.1)
            print("thread finished")
        threading.Thread(target=late).start()
        raise KeyError("main fails")
        """
    )
    assert run.outcome.exit_code == 1
    assert run.stdout == "thread finished\n"
    assert run.stderr.splitlines()[-1] == "KeyError: 'main fails'"


@pytest.mark.parametrize(
    ("statement", "code", "stderr"),
    [
        ("raise SystemExit(3)", 3, ""),
        ("import sys; sys.exit()", 0, ""),
        ("import sys; sys.exit('bye')", 1, "bye\n"),
    ],
)
def test_system_exit_sets_the_exit_code(statement, code, stderr):
    run = run_captured(f"print('start')\n{statement}\nprint('not reached')\n")
    assert run.stdout == "start\n"
    assert (run.outcome.status, run.outcome.exit_code) == ("ok", code)
    assert run.stderr == stderr


def test_exception_in_a_thread_goes_to_excepthook_and_the_exit_code_stays_0():
    run = run_captured(
        """
        import threading, sys
        def broken():
            raise ValueError("boom")
        def quits():
            sys.exit(5)  # ends only this thread, silently
        for target, name in ((broken, "breaker"), (quits, "quitter")):
            t = threading.Thread(target=target, name=name)
            t.start()
            t.join()
        print("main continues")
        """
    )
    assert (run.outcome.status, run.outcome.exit_code) == ("ok", 0)
    assert run.stdout == "main continues\n"
    lines = run.stderr.splitlines()
    assert lines[0] == "Exception in thread breaker:"
    assert lines[-1] == "ValueError: boom"
    assert "quitter" not in run.stderr


def test_exception_in_a_low_level_thread_is_reported_as_unraisable():
    run = run_captured(
        """
        import _thread, time
        def boom():
            raise OSError("low level")
        _thread.start_new_thread(boom, ())
        time.sleep(0.1)
        print("main goes on")
        """,
        filename="low.py",
    )
    assert (run.outcome.exit_code, run.stdout) == (0, "main goes on\n")
    lines = run.stderr.splitlines()
    assert lines[0].startswith("Exception ignored in thread started by")
    assert 'File "low.py", line 4, in boom' in run.stderr
    assert lines[-1] == "OSError: low level"


# -- deadlock ------------------------------------------------------------------


def test_locks_taken_in_opposite_order_end_in_a_deadlock_report():
    run = run_captured(OPPOSITE_ORDER, filename="/lessons/opposite.py")
    assert (run.outcome.status, run.outcome.exit_code) == ("deadlock", 1)
    assert run.stdout == ""
    by_thread = {entry["thread"]: entry for entry in run.outcome.deadlock}
    assert set(by_thread) == {"MainThread", "one", "two"}
    one, two, main = by_thread["one"], by_thread["two"], by_thread["MainThread"]
    assert (one["waiting_for"], one["file"], one["line"]) == (
        "Lock.acquire()",
        "/lessons/opposite.py",
        7,
    )
    assert (two["waiting_for"], two["file"], two["line"]) == (
        "Lock.acquire()",
        "/lessons/opposite.py",
        12,
    )
    assert one["held_by"] == "two" and two["held_by"] == "one"
    assert (main["waiting_for"], main["line"]) == ("threading.Thread.join()", 17)
    report = run.stderr.splitlines()
    assert report[0] == "Deadlock: every thread is blocked and none can wake the others."
    assert "  one waits in Lock.acquire() at /lessons/opposite.py:7 (held by two)" in report
    assert "  two waits in Lock.acquire() at /lessons/opposite.py:12 (held by one)" in report
    deadlock_event, exit_event = run.events[-2:]
    assert deadlock_event["type"] == "deadlock"
    assert deadlock_event["threads"] == run.outcome.deadlock
    assert deadlock_event["t"] == 100.0  # found as soon as both sleeps are over
    assert (exit_event["type"], exit_event["status"]) == ("exit", "deadlock")


def test_a_deadlocked_join_names_the_thread_it_waits_for():
    run = run_captured(OPPOSITE_ORDER, filename="/lessons/opposite.py")
    main = next(e for e in run.outcome.deadlock if e["thread"] == "MainThread")
    assert main.get("target") == "one"
    assert "held_by" not in main  # a join waits for a thread to end, not for a lock
    line = next(x for x in run.stderr.splitlines() if x.startswith("  MainThread"))
    assert line == (
        "  MainThread waits in threading.Thread.join() at /lessons/opposite.py:17"
        " (waiting for one to finish)"
    )


def test_acquiring_a_lock_twice_deadlocks_the_thread_on_itself():
    run = run_captured(
        """
        import threading
        lock = threading.Lock()
        lock.acquire()
        lock.acquire()
        """,
        filename="twice.py",
    )
    assert run.outcome.status == "deadlock"
    (entry,) = run.outcome.deadlock
    assert entry["thread"] == "MainThread"
    assert entry["held_by"] == "this thread itself"
    assert (entry["file"], entry["line"]) == ("twice.py", 5)


def test_an_event_nobody_sets_is_a_deadlock_but_a_pending_timeout_is_not():
    run = run_captured(
        """
        import threading
        event = threading.Event()
        print("timed wait:", event.wait(0.3))
        event.wait()
        """,
        filename="event.py",
    )
    assert run.stdout == "timed wait: False\n"
    assert run.outcome.status == "deadlock"
    (entry,) = run.outcome.deadlock
    assert (entry["waiting_for"], entry["line"]) == ("threading.Event.wait()", 5)


# -- the event stream ----------------------------------------------------------


def test_events_have_type_time_and_thread_with_monotonic_virtual_times():
    run = run_captured(TWO_WORKERS)
    assert run.stdout == "hi from 0\nmain\nhi from 1\n"
    times = [e["t"] for e in run.events]
    assert all({"type", "t", "thread"} <= set(e) for e in run.events)
    assert times == sorted(times)
    assert times[0] == 0.0 and times[-1] == 400.0
    assert run.events[0] == {
        "type": "thread-start",
        "t": 0.0,
        "thread": "MainThread",
        "ident": run.events[0]["ident"],
        "daemon": False,
    }
    assert run.events[-1] == {
        "type": "exit",
        "t": 400.0,
        "thread": None,
        "status": "ok",
        "exit_code": 0,
        "mode": "gil",
        "seed": None,
    }


def test_output_events_are_lines_tagged_with_the_writing_thread():
    run = run_captured(TWO_WORKERS)
    assert [(e["thread"], e["stream"], e["text"], e["t"]) for e in run.of_type("output")] == [
        ("w0", "stdout", "hi from 0", 0.0),
        ("MainThread", "stdout", "main", 50.0),
        ("w1", "stdout", "hi from 1", 200.0),
    ]


def test_sleep_and_lock_events_follow_the_readers_calls():
    run = run_captured(TWO_WORKERS)
    assert [(e["thread"], e["seconds"], e["t"]) for e in run.of_type("sleep")] == [
        ("w0", 0.2, 0.0),  # sleep(0.1 * 0) only yields: no sleep event
        ("w1", 0.1, 0.0),
        ("MainThread", 0.05, 0.0),
        ("w1", 0.2, 200.0),
    ]
    lock_events = run.of_type("lock-wait", "lock-acquire", "lock-release")
    assert [(e["type"], e["thread"], e["t"]) for e in lock_events] == [
        ("lock-acquire", "w0", 0.0),
        ("lock-wait", "w1", 100.0),
        ("lock-release", "w0", 200.0),
        ("lock-acquire", "w1", 200.0),
        ("lock-release", "w1", 400.0),
    ]
    # Only the reader's lock is traced, not the ones threading.py makes internally.
    assert {e["lock"] for e in lock_events} == {"lock-1"}
    joins = [e for e in run.of_type("wait") if e["api"] == "threading.Thread.join"]
    assert {(e["thread"], e["line"]) for e in joins} == {("MainThread", 14)}


def test_thread_start_and_end_events_name_each_thread():
    run = run_captured(TWO_WORKERS)
    starts = [(e["thread"], e["daemon"]) for e in run.of_type("thread-start")]
    assert starts == [("MainThread", False), ("w0", False), ("w1", False)]
    ends = [e["thread"] for e in run.of_type("thread-end")]
    assert ends == ["w0", "w1"]
    switches = run.of_type("switch")
    assert switches and all(e["thread"] in {"MainThread", "w0", "w1"} for e in switches)
    assert all(e["frm"] in {"MainThread", "w0", "w1"} for e in switches)


def test_events_use_a_threads_current_name():
    run = run_captured(
        """
        import threading, time
        def work():
            time.sleep(0.1)
            print("renamed by main")
            threading.current_thread().name = "self-renamed"
            print("renamed by itself")
        t = threading.Thread(target=work, name="before")
        t.start()
        t.name = "after"
        t.join()
        """
    )
    assert [(e["thread"], e["text"]) for e in run.of_type("output")] == [
        ("after", "renamed by main"),
        ("self-renamed", "renamed by itself"),
    ]


def test_event_wait_and_set_are_reported():
    run = run_captured(
        """
        import threading, time
        ready = threading.Event()
        def setter():
            time.sleep(0.1)
            ready.set()
        threading.Thread(target=setter).start()
        ready.wait()
        print("set")
        """
    )
    waits = run.of_type("event-wait")
    assert [(e["thread"], e["line"], e["t"]) for e in waits] == [("MainThread", 8, 0.0)]


def test_the_event_cap_keeps_the_essential_events():
    run = run_captured(TWO_WORKERS, event_limit=4)
    assert run.outcome.events_truncated
    truncated = run.of_type("truncated")
    assert len(truncated) == 1 and truncated[0]["limit"] == 4
    after = run.events[run.events.index(truncated[0]) + 1 :]
    assert {e["type"] for e in after} <= {"thread-start", "thread-end", "output", "exit"}
    assert [e["text"] for e in run.of_type("output")] == ["hi from 0", "main", "hi from 1"]
    assert run.events[-1]["type"] == "exit"


# -- fresh state for every run -------------------------------------------------


def test_each_run_starts_afresh_and_puts_the_interpreter_back():
    before = {name: sys.modules.get(name) for name in ("threading", "_thread", "queue")}
    sleep_before = time.sleep
    sigint_before = signal.getsignal(signal.SIGINT)
    trace_before = sys.gettrace()

    first = run_captured(COUNTING)
    second = run_captured(COUNTING)
    assert first.stdout.splitlines()[0] == "['Thread-1 (work)', 'Thread-2 (work)'] True"
    assert second.stdout == first.stdout  # counters and idents restart

    for name, module in before.items():
        assert sys.modules.get(name) is module
    assert time.sleep is sleep_before
    assert signal.getsignal(signal.SIGINT) is sigint_before
    assert sys.gettrace() is trace_before
    assert sched_module.ACTIVE is None


@pytest.mark.parametrize(
    "source",
    [OPPOSITE_ORDER, "raise ValueError('x')\n", "import threading\nthreading.Lock().release()\n"],
    ids=["deadlock", "exception", "runtime-error"],
)
def test_state_is_restored_after_runs_that_fail(source):
    threading_before = sys.modules["threading"]
    stdout_before = sys.stdout
    run_captured(source)
    assert sys.modules["threading"] is threading_before
    assert sys.stdout is stdout_before
    assert sched_module.ACTIVE is None
    assert run_captured(COUNTING).stdout.startswith("['Thread-1 (work)', 'Thread-2 (work)']")


# -- stopping and the API ------------------------------------------------------


def test_sigint_stops_the_run_while_threads_sleep():
    run = run_captured(
        """
        import _signal, signal, threading, time
        def sleeper():
            time.sleep(10)
            print("never")
        threading.Thread(target=sleeper).start()
        # The page's Stop: SIGINT reaches the runtime's own handler (signal.raise_signal
        # runs the program's handler, as in CPython: test_reader_signals.py).
        _signal.raise_signal(signal.SIGINT)
        time.sleep(1)
        print("never either")
        """
    )
    assert (run.outcome.status, run.outcome.exit_code) == ("stopped", 130)
    assert run.stdout == ""
    assert run.events[-1]["status"] == "stopped"
    assert run.backend.now() - 1000.0 < 1  # nobody waited for the sleeps


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"mode": "fast"}, "mode must be one of"),
        ({"seed": -1}, "seed must be None or a non-negative int"),
        ({"seed": True}, "seed must be None or a non-negative int"),
        ({"seed": 1.5}, "seed must be None or a non-negative int"),
    ],
)
def test_bad_arguments_are_rejected(kwargs, message):
    with pytest.raises(ValueError, match=message):
        run_program_blocking("pass", backend=GreenletBackend(), **kwargs)
    assert sched_module.ACTIVE is None


def test_a_syntax_error_names_the_file_and_line():
    with pytest.raises(SyntaxError) as info:
        run_program_blocking("x = 1\nif x\n", "bad.py", backend=GreenletBackend())
    assert (info.value.filename, info.value.lineno) == ("bad.py", 2)
    assert sched_module.ACTIVE is None


def test_the_async_entry_point_runs_on_a_given_backend():
    import contextlib
    import io

    out = io.StringIO()
    coroutine = run_program(
        "import threading\nt = threading.Thread(target=print, args=('hi',))\nt.start()\n",
        "async.py",
        backend=GreenletBackend(),
    )
    # The greenlet backend finishes the whole run inside wait_completion: one send()
    # completes the coroutine, no asyncio loop needed (Playwright may own this thread's).
    with contextlib.redirect_stdout(out), pytest.raises(StopIteration) as done:
        coroutine.send(None)
    outcome = done.value.value
    assert (outcome.status, outcome.exit_code, out.getvalue()) == ("ok", 0, "hi\n")
