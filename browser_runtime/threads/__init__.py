"""Cooperative threads for Pyodide: unmodified ``threading`` programs, live in the page.

Each emulated thread runs on its own WebAssembly stack; a blocking call (lock,
join, sleep, wait) suspends only that stack with ``pyodide.ffi.run_sync`` (JSPI)
and hands the CPU to the next ready thread. The standard library's threading.py,
queue.py and concurrent.futures run unchanged on a replacement ``_thread``.

Integration (in the worker)
---------------------------
JS, once after ``loadPyodide()`` (and after any ``setInterruptBuffer`` of its own)::

    import { installPreemption, threadsSupported } from ".../assets/js/threads/preemption.js";
    if (!threadsSupported()) { /* show recorded output: "this browser lacks JSPI" */ }
    installPreemption(pyodide);   // time slices; chains the existing interrupt buffer

Python, under ``runPythonAsync`` (browser_runtime must be importable)::

    from browser_runtime.threads import run_program, unavailable_reason
    reason = unavailable_reason()          # None, or a one-line reason to fall back
    outcome = await run_program(source, "example.py", {"__name__": "__main__"},
                                mode="gil", seed=None, on_event=callback)
    outcome.status      # "ok" | "deadlock" (report printed to stderr) | "stopped"
    outcome.exit_code   # as CPython's: 0, 1 for an uncaught exception, SystemExit's code
    outcome.mode, outcome.seed   # label the output with these; re-run with the seed

``mode="gil"`` switches where CPython's GIL build can (calls, backward jumps);
``seed=None`` uses 5 ms wall-clock slices, an int seed uses counted slices and a
virtual clock for timeouts (clock.py), so the same program and seed give the same
interleaving even when threads sleep. ``mode="gil39"`` switches like CPython <= 3.9 (a
slice's end lands at any instruction; preempt.py). ``mode="anywhere"`` may switch between
any two bytecodes of the reader's code (seeded; a seed is drawn if None). ``mode="step"``
asks the page which thread takes each step (stepping.py).
``on_event(dict)`` receives the event stream (see events.py). Stop: the chained
interrupt buffer's SIGINT raises KeyboardInterrupt in the main thread, as Ctrl-C does
in CPython; a run still going THREADED_STOP_GRACE_MS later (facts.py) ends with status
"stopped" (interrupts.py). Each run re-imports threading/queue/concurrent.futures and puts the
originals back afterwards, so runs in one worker do not leak state; threads still
alive at the end are abandoned as CPython abandons daemon threads at exit (never
resumed: end_of_run.py), and their stacks freed (stack_release.py).

Two Pyodide facts shape the design: a suspended stack keeps its part of the one C
stack in place until another stack needs the room (stack_release.py), and each
suspended stack has its own PyThreadState (so per-thread settings such as
sys.settrace do not reach the other threads).
"""

from .program import *  # noqa: F403 - the package's API is program.py's __all__
from .program import __all__  # noqa: F401
