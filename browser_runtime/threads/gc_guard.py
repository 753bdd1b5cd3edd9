"""The cycle collector during a threaded run: only the kinds that are safe here.

Python 3.14's automatic collections are incremental, and each increment walks the
frame chain of *every* thread state (gc.c ``mark_stacks``), suspended threads'
included. The bottom of each chain is an entry frame that CPython keeps on the C
stack, and Pyodide's stack switching copies a suspended stack's part of the C stack
away and lets other stacks reuse that memory. An increment that runs then reads
another stack's bytes as frames: "memory access out of bounds", "function
signature mismatch" (and, reported once, "Cannot enter a promising task from inside
another running promising task"). ``gc.collect(1)`` while 50 threads sleep crashed
every run; ``gc.collect(0)`` and ``gc.collect(2)`` never did: they traverse
objects, not thread stacks.

So during a run the real automatic collector is off, and the scheduler collects at
its switch points instead (``tick``): the young generation once as many objects were
allocated as CPython's threshold allows, and everything now and then. The reader's
program still sees CPython's ``gc`` API: ``isenabled()``/``enable()``/``disable()``
act on the collection this guard does, and ``collect(1)`` collects everything.
"""

from __future__ import annotations

import gc

# Young collections between two full ones (CPython's old generations are
# collected about this much less often than the young one).
YOUNG_PER_FULL = 50

# True while a run left a stack suspended and the real collector is kept off for it:
# the next run's reader still sees the collector as enabled.
_held_off = False


class GcGuard:
    def __init__(self):
        self.enabled = True  # as the reader's program sees gc.isenabled()
        self._young = 0
        self._saved = None

    def __enter__(self):
        self._saved = (gc.isenabled(), gc.enable, gc.disable, gc.isenabled, gc.collect)
        self.enabled = self._saved[0] or _held_off
        gc.disable()
        real_collect = gc.collect

        def enable():
            self.enabled = True

        def disable():
            self.enabled = False

        def isenabled():
            return self.enabled

        def collect(generation=2):
            # An increment (1) would walk the suspended stacks: collect everything.
            return real_collect(0 if generation == 0 else 2)

        gc.enable, gc.disable, gc.isenabled, gc.collect = enable, disable, isenabled, collect
        return self

    def tick(self) -> None:
        """A switch point: collect if CPython's automatic collector would have."""
        if not self.enabled or gc.get_count()[0] < gc.get_threshold()[0]:
            return
        self._young += 1
        if self._young >= YOUNG_PER_FULL:
            self._young = 0
            self._saved[4](2)
        else:
            self._saved[4](0)

    def exit(self, stacks_left: bool) -> None:
        """Put gc back. ``stacks_left``: a stack stays suspended after the run, so
        automatic increments would still walk it; the collector stays off."""
        global _held_off
        was_enabled, gc.enable, gc.disable, gc.isenabled, gc.collect = self._saved
        wanted = was_enabled or _held_off
        _held_off = wanted and stacks_left
        if wanted and not stacks_left:
            gc.enable()
