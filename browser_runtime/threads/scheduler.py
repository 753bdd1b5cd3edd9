"""The cooperative scheduler: exactly one emulated thread runs at a time.

A thread stops running only at a *park*: it blocks (lock, join, sleep, wait) or
yields (time slice over, ``sleep(0)``). Parking picks the next ready thread and
opens its gate directly (a hand-off, not a trip through the event loop); when no
thread is ready, a timer for the earliest timeout wakes one later (timers.py). If
nothing is ready and no timeout is pending while threads are still alive, nothing
can ever run again: that is a deadlock, and the run ends with a report
(end_of_run.py). Threads start and end in lifecycle.py.
"""

from __future__ import annotations

import itertools
import sys
from collections import deque

from .clock import WallClock
from .code_origin import blocked_at
from .end_of_run import EndOfRun
from .interrupts import Interrupts
from .lifecycle import Lifecycle
from .thread_rec import (
    _IDENT_BASE,
    _NATIVE_BASE,
    BLOCKED,
    DONE,
    NEW,
    READY,
    RUNNING,
    ThreadRec,
)
from .timers import Timers

__all__ = [
    "ACTIVE",
    "BLOCKED",
    "DONE",
    "NEW",
    "READY",
    "RUNNING",
    "Scheduler",
    "ThreadRec",
    "_IDENT_BASE",
    "_NATIVE_BASE",
]

# The scheduler of the run in progress. A module global on purpose: _thread's API
# (get_ident(), allocate_lock(), lock.acquire(), threading.local) has no argument
# through which a scheduler could be passed, so it finds the run here. One run at a
# time per interpreter: program._Run sets it on entry and clears it on exit.
ACTIVE: Scheduler | None = None


class Scheduler(Lifecycle, Timers, Interrupts, EndOfRun):
    def __init__(self, backend, events=None, *, macrotask_every: float = 0.1, clock=None):
        self.backend = backend
        self.events = events
        self.clock = clock if clock is not None else WallClock(backend)
        self.live: set[ThreadRec] = set()  # threads whose stack exists
        self.threads: dict[int, ThreadRec] = {}
        self.ready: deque[ThreadRec] = deque()
        self.running: ThreadRec | None = None
        self.last_ran: ThreadRec | None = None
        self.timers: list = []
        self._seq = itertools.count()
        self._timer_handle = None
        self._timer_due = None
        self._count = itertools.count()
        self.finished: str | None = None
        self.outcome = None
        self.completion = backend.new_completion()
        self.preemption = None  # set by preempt.Preemption: arm()/disarm()
        self.chooser = None  # set by stepping.Stepper: the reader picks the next thread
        self.gc_guard = None  # set by run_setup: collects at switch points (gc_guard.py)
        self.macrotask_every = macrotask_every
        self._last_macrotask = backend.now()
        self.switches = 0
        self.idle = 0.0  # seconds every thread spent waiting for a timeout (bench)
        self._idle_since = None
        self.pending_wakeups = 0
        self.no_preempt = 0  # > 0 while the runtime's own code must not be switched away
        self.main = self.new_thread(daemon=False)
        self.main.name = "MainThread"

    # -- parking and dispatch --------------------------------------------

    def block(self, deadline: float | None, what: str, obj=None, wait_list=None, depth: int = 2):
        """Suspend the running thread until woken (returns True) or deadline (False)."""
        rec = self.running
        if rec is None:
            raise RuntimeError("blocking call outside any emulated thread")
        if self.finished:
            self._end_of_run(rec)
        rec.state = BLOCKED
        rec.wait_what = what
        rec.wait_obj = obj
        rec.wait_list = wait_list
        # Read where it waits now: once suspended, its frames must not be read.
        rec.wait_where = blocked_at(sys._getframe(depth))
        rec.wait_seq += 1
        if wait_list is not None:
            wait_list.append(rec)
        if deadline is not None:
            self._add_timeout(rec, deadline)
        if self.events is not None:
            self.events.emit_wait(self, rec, what, obj)
            woke = self._park(rec)
            self.events.emit_resume(self, rec, woke)
            return woke
        return self._park(rec)

    def wake(self, rec: ThreadRec, value=True) -> None:
        if rec.state != BLOCKED:
            return
        rec.end_wait(value)
        self.ready.append(rec)
        if self.running is None and not self.finished:
            self._dispatch()

    def yield_now(self) -> None:
        """Let every other ready thread run before this one continues (sleep(0))."""
        rec = self.running
        if rec is not None and self.finished:
            self._end_of_run(rec)
        self._poll_timers()
        if not self.ready or rec is None:
            return
        rec.state = READY
        rec.wake = True
        self.ready.append(rec)
        self._park(rec)

    def preempt(self, cpu: float = 0.0) -> None:
        """End of a time slice (``cpu`` seconds of work): switch if another thread
        is ready; now and then let the browser's event loop run (messages, timers)."""
        rec = self.running
        if rec is None:
            return
        if self.finished:
            self._end_of_run(rec)  # stopped: this thread parks for good now
        self.clock.ran(cpu)
        self._poll_timers()
        if self.gc_guard is not None:
            self.gc_guard.tick()
        now = self.backend.now()
        via_loop = now - self._last_macrotask >= self.macrotask_every
        if self.ready or via_loop:
            if via_loop:
                self._last_macrotask = now
            rec.state = READY
            rec.wake = True
            self.ready.append(rec)
            self._park(rec, via_loop)
        elif self.preemption is not None:
            self.preemption.arm()

    # -- stepping (stepping.Stepper): the reader is the scheduler ----------

    def step_point(self) -> None:
        """The running thread reached a step point: it waits until the reader picks it."""
        rec = self.running
        if rec is None:
            return
        if self.finished:
            self._end_of_run(rec)
        rec.state = READY
        rec.wake = True
        self.ready.append(rec)
        self._park(rec)

    def run_next(self, rec: ThreadRec) -> None:
        """Run ``rec`` (ready) next: the reader's choice."""
        if self.finished or self.running is not None:
            return
        self.ready.remove(rec)
        rec.state = RUNNING
        self.running = rec
        rec.gate.open(None)

    def _loop_turn(self) -> None:
        self.pending_wakeups -= 1
        if self.running is None:
            self._dispatch()

    def sleep(self, secs: float) -> None:
        if secs <= 0:
            self.yield_now()
            return
        self.block(self.clock.now() + secs, "sleep", secs, depth=3)

    def _park(self, rec: ThreadRec, via_loop: bool = False):
        """Stop running ``rec`` until its gate opens. ``via_loop``: the next thread
        is chosen as usual, but only after a turn of the browser's event loop."""
        if self.finished:
            self._end_of_run(rec)
        rec.gate = self.backend.new_gate()
        if self.preemption is not None:
            self.preemption.disarm()
        self._poll_timers()
        if self.gc_guard is not None:
            self.gc_guard.tick()
        if not via_loop and self.chooser is None and self.ready and self.ready[0] is rec:
            self.ready.popleft()
            rec.state = RUNNING
            if self.preemption is not None:
                self.preemption.arm()
            if rec.interrupt is not None:
                self.deliver_interrupt(rec)
            return rec.wake
        self.running = None
        if via_loop:
            self.pending_wakeups += 1
            self.backend.call_later(0, self._loop_turn)
        else:
            self._dispatch()
        value = self.backend.wait(rec.gate)
        self._resumed(rec)
        if rec.interrupt is not None:
            self.deliver_interrupt(rec)
        return value

    def _resumed(self, rec: ThreadRec) -> None:
        if self.finished:
            self.running = rec  # it parks for good now (end_of_run.py)
            self._end_of_run(rec)
        if self.last_ran is not rec:
            self.switches += 1
            if self.events is not None and self.last_ran is not None:
                self.events.emit(
                    "switch", self.thread_name(rec), frm=self.thread_name(self.last_ran)
                )
            self.last_ran = rec
        if self.preemption is not None:
            self.preemption.arm()

    def _dispatch(self) -> None:
        """Nothing runs: hand the CPU to the next ready thread, or wait for a timer."""
        if self.finished:
            return
        self._poll_timers()
        if self.ready:
            if self._idle_since is not None:
                self.idle += self.backend.now() - self._idle_since
                self._idle_since = None
            if self.chooser is not None:
                self.chooser.request()  # it calls run_next(), now or when the page answers
                return
            nxt = self.ready.popleft()
            nxt.state = RUNNING
            self.running = nxt
            nxt.gate.open(None)
            return
        if self.timers:
            if self._idle_since is None:
                self._idle_since = self.backend.now()
            self._set_timer(self.timers[0][4])
        elif self.threads and not self.pending_wakeups:
            self.deadlock()
