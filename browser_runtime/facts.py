"""Facts both sides of the runner must agree on: one source for each.

Python in the page imports these; the build copies them into ``assets/runner/runtime.json``
(``sitebuild/assets.py``) for the page's JavaScript, and ``sitebuild/examples.py`` uses the
same thread-module list to mark examples that start threads.
"""

from __future__ import annotations

# Output cap of one run: past it the program is stopped (the page shows a note).
MAX_LINES = 2000
MAX_CHARS = 200_000

# Wall-clock limit of one run, enforced by the page (it interrupts the program, as Stop).
TIME_LIMIT_MS = 30_000

# After Stop, a threaded program has this long to end on its own (Stop raises
# KeyboardInterrupt in its main thread, which may clean up and join its workers) before
# the threads runtime ends it where it is. The page waits twice as long before it throws
# the worker away (runner/session.js).
THREADED_STOP_GRACE_MS = 300

# Seeds of replayable runs: 0 <= seed < SEED_LIMIT (JavaScript's 32-bit generator).
SEED_LIMIT = 2**32

# Top-level modules whose import means a program may start threads (or block on a
# thread's lock): only such programs run on the cooperative threads runtime.
THREAD_MODULES = frozenset({"threading", "_thread", "queue", "concurrent"})


# What reader code hears when it tries the network (sockets in Python, fetch & co. in JS).
NO_NETWORK = "network access is not available in this page"


def as_json() -> dict:
    """The facts as the page reads them from runtime.json."""
    return {
        "max_lines": MAX_LINES,
        "max_chars": MAX_CHARS,
        "time_limit_ms": TIME_LIMIT_MS,
        "threaded_stop_grace_ms": THREADED_STOP_GRACE_MS,
        "thread_modules": sorted(THREAD_MODULES),
        "seed_limit": SEED_LIMIT,
        "no_network": NO_NETWORK,
    }
