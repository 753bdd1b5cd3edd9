"""Stop in a threaded run is Ctrl-C (threads/interrupts.py): KeyboardInterrupt in the
main thread, the program goes on from there; the run ends where it is only if it has
not ended STOP_GRACE later. Compared with what CPython prints: tests/browser/test_stop.py
runs the same programs in the page."""

from __future__ import annotations

import textwrap

from tests.programs import STOPS_ITS_WORKER_ON_CTRL_C
from tests.unit.threads_backend import run_captured

# A thread presses Stop: the runtime's SIGINT handler runs in whichever emulated thread
# runs (in the page too), and must still interrupt the main thread.
STOPPER = """
import _signal, signal, threading, time
def stopper(delay):
    time.sleep(delay)
    _signal.raise_signal(signal.SIGINT)
def press_stop(delay=0.01):
    threading.Thread(target=stopper, args=(delay,), daemon=True).start()
"""


def raised_at(source: str, line_text: str) -> str:
    """The traceback line of the reader's frame at ``line_text`` (prog.py has no
    source in linecache here, so only the line number shows)."""
    lines = textwrap.dedent(source).splitlines()
    return f'File "prog.py", line {lines.index(line_text) + 1}, in <module>\n'


def test_keyboardinterrupt_comes_out_of_the_main_threads_join():
    source = (
        STOPPER
        + """
def spin():
    while True:
        time.sleep(0.001)
t = threading.Thread(target=spin, daemon=True)
t.start()
press_stop()
t.join()
print("never")
"""
    )
    run = run_captured(source)
    assert run.stdout == ""
    assert run.stderr.startswith("Traceback (most recent call last):\n")
    assert raised_at(source, "t.join()") in run.stderr
    assert run.stderr.endswith("\nKeyboardInterrupt\n")
    assert (run.outcome.status, run.outcome.exit_code) == ("ok", 130)
    assert run.outcome.uncaught


def test_a_program_that_handles_the_interrupt_stops_its_workers_and_ends():
    run = run_captured(STOPPER + "press_stop(0.2)\n" + STOPS_ITS_WORKER_ON_CTRL_C)
    assert run.stdout == "spinning\nmain: KeyboardInterrupt\nworker: asked to stop\ndone\n"
    assert run.stderr == ""
    assert (run.outcome.status, run.outcome.exit_code) == ("ok", 0)


def test_a_program_still_running_after_the_grace_is_ended_where_it_is():
    source = (
        STOPPER
        + """
def sleeper():
    time.sleep(10)
    print("never")
threading.Thread(target=sleeper).start()
press_stop()
time.sleep(1)
"""
    )
    run = run_captured(source)
    # CPython prints the traceback, then waits for the non-daemon sleeper.
    assert run.stderr.endswith("\nKeyboardInterrupt\n")
    assert raised_at(source, "time.sleep(1)") in run.stderr
    assert (run.outcome.status, run.outcome.exit_code) == ("stopped", 130)
    assert run.stdout == ""
    assert run.backend.now() - 1000.0 < 1  # nobody waited for the sleeps


def test_a_program_that_ignores_sigint_is_ended_after_the_grace():
    run = run_captured(
        STOPPER
        + """
signal.signal(signal.SIGINT, signal.SIG_IGN)
press_stop()
while True:
    time.sleep(0.01)
"""
    )
    assert (run.outcome.status, run.outcome.exit_code) == ("stopped", 130)
    assert run.stderr == ""


def test_a_stop_heard_in_the_runtimes_own_code_waits_for_the_main_thread_to_park():
    # The SIGINT handler may run while the main thread is inside the runtime (the
    # preemption handler then passes here_ok=False): raising there could leave the
    # scheduler half-updated, so the KeyboardInterrupt comes where the thread next parks.
    source = """
from browser_runtime.threads import scheduler
import time
scheduler.ACTIVE.ctrl_c(2, here_ok=False)
print("still here")
time.sleep(0.01)
print("never")
"""
    run = run_captured(source)
    assert run.stdout == "still here\n"
    assert raised_at(source, "time.sleep(0.01)") in run.stderr
    assert run.stderr.endswith("\nKeyboardInterrupt\n")
    assert run.outcome.exit_code == 130


def test_a_stop_while_the_main_thread_waits_at_exit_is_reported_as_unraisable():
    # CPython 3.14: wait_for_thread_shutdown -> PyErr_FormatUnraisable; atexit still runs.
    run = run_captured(
        STOPPER
        + """
import atexit, sys
sys.unraisablehook = sys.__unraisablehook__  # pytest's own hook is in place here
atexit.register(print, "atexit ran")
def sleeper():
    time.sleep(10)
    print("never")
threading.Thread(target=sleeper).start()
press_stop()
print("main done")
"""
    )
    assert run.stdout == "main done\natexit ran\n"
    assert run.stderr.startswith(
        "Exception ignored on threading shutdown:\nTraceback (most recent call last):\n"
    )
    assert ", in _shutdown\n" in run.stderr
    assert "browser_runtime" not in run.stderr
    assert run.stderr.endswith("\nKeyboardInterrupt: \n")
    assert (run.outcome.status, run.outcome.exit_code) == ("ok", 0)


def test_the_programs_unraisablehook_gets_the_shutdown_interrupt():
    run = run_captured(
        STOPPER
        + """
def hook(args):
    print("hook:", args.exc_type.__name__, args.err_msg, args.object)
sys.unraisablehook = hook
threading.Thread(target=time.sleep, args=(10,)).start()
press_stop()
""",
        extra_globals={"sys": __import__("sys")},
    )
    assert run.stdout == "hook: KeyboardInterrupt Exception ignored on threading shutdown None\n"
    assert run.stderr == ""
