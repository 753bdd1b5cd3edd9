"""The cooperative scheduler: exactly one emulated thread runs at a time.

A thread stops running only at a *park*: it blocks (lock, join, sleep, wait) or
yields (time slice over, ``sleep(0)``). Parking picks the next ready thread and
opens its gate directly (a hand-off, not a trip through the event loop); when no
thread is ready, a timer for the earliest timeout wakes one later. If nothing is
ready and no timeout is pending while threads are still alive, nothing can ever
run again: that is a deadlock, and the run ends with a report.

When a run ends, threads may still be suspended (daemons, a deadlock, Stop). Each
suspended stack holds a slice of WebAssembly's one C stack, and Pyodide starts new
stacks below the ones it keeps, so abandoned stacks pile up run after run until the
C stack overflows ("memory access out of bounds"). ``reap()`` therefore resumes each
of them with ThreadKilled, which unwinds it without letting it do anything visible.
"""

from __future__ import annotations

import heapq
import itertools
import signal
import sys
from collections import deque

from .clock import WallClock
from .code_origin import blocked_at

NEW, READY, RUNNING, BLOCKED, DONE = "new", "ready", "running", "blocked", "done"

# The scheduler of the run in progress (one run at a time per interpreter).
ACTIVE: Scheduler | None = None

# Thread idents look like CPython's (pthread_t addresses); native ids like Linux TIDs.
_IDENT_BASE = 0x7F3C_0000_0000
_IDENT_STEP = 0x80_1000
_NATIVE_BASE = 4200

# A thread that catches ThreadKilled this often is left suspended instead.
KILL_ATTEMPTS = 3
# Seconds to wait for leftover stacks to unwind before giving up on them.
REAP_TIMEOUT = 1.0


class ThreadKilled(BaseException):  # noqa: N818 - like SystemExit, not an error
    """Unwinds a thread that is still alive when its run is over."""


class ThreadRec:
    __slots__ = (
        "ident",
        "native_id",
        "name",
        "daemon",
        "state",
        "gate",
        "wake",
        "wait_seq",
        "wait_list",
        "wait_what",
        "wait_obj",
        "wait_where",
        "interrupt",
        "at_exit",
        "handle",
        "sentinel",
        "kills",
    )

    def __init__(self, ident: int, native_id: int, daemon: bool):
        self.ident = ident
        self.native_id = native_id
        self.name = None
        self.daemon = daemon
        self.state = NEW
        self.gate = None
        self.wake = True
        self.wait_seq = 0
        self.wait_list = None
        self.wait_what = None
        self.wait_obj = None
        self.wait_where = None  # (api, file, line), read when it blocked
        self.interrupt = None  # a signal number interrupt_main() left for this thread
        self.at_exit = []  # called when it ends (threading.local drops its dicts)
        self.handle = None
        self.sentinel = None
        self.kills = 0


class Scheduler:
    def __init__(self, backend, events=None, *, macrotask_every: float = 0.1, clock=None):
        self.backend = backend
        self.events = events
        self.clock = clock if clock is not None else WallClock(backend)
        self.live: set[ThreadRec] = set()  # threads whose stack exists
        self._reaped = None
        self._reap_handle = None
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
        self.macrotask_every = macrotask_every
        self._last_macrotask = backend.now()
        self.switches = 0
        self.idle = 0.0  # seconds every thread spent waiting for a timeout (bench)
        self._idle_since = None
        self.pending_wakeups = 0
        self.no_preempt = 0  # > 0 while the runtime's own code must not be switched away
        self.main = self.new_thread(daemon=False)
        self.main.name = "MainThread"

    # -- thread lifecycle -------------------------------------------------

    def new_thread(self, daemon: bool) -> ThreadRec:
        n = next(self._count)
        rec = ThreadRec(_IDENT_BASE + n * _IDENT_STEP, _NATIVE_BASE + n, daemon)
        self.threads[rec.ident] = rec
        return rec

    def start(self, rec: ThreadRec, fn) -> None:
        """Make ``rec`` ready; its own stack starts from the event loop and runs fn."""
        rec.gate = self.backend.new_gate()
        rec.state = READY
        self.ready.append(rec)
        self.live.add(rec)
        if self.events is not None:
            self.events.emit(
                "thread-start", self.thread_name(rec), ident=rec.ident, daemon=rec.daemon
            )

        def entry():
            try:
                self.backend.wait(rec.gate)
                self._resumed(rec)
                try:
                    fn()
                except ThreadKilled:
                    raise
                except BaseException:  # _thread.start_new_thread: report like CPython
                    self._report_unhandled()
            except ThreadKilled:
                pass
            finally:
                self._stack_returned(rec)

        self.backend.spawn(entry)
        if self.running is None:
            self._dispatch()

    def _report_unhandled(self) -> None:
        import traceback

        if self.finished:
            return
        exc = sys.exception() if hasattr(sys, "exception") else sys.exc_info()[1]
        if isinstance(exc, SystemExit):
            return
        print("Exception ignored in thread started by a _thread call:", file=sys.stderr)
        traceback.print_exception(exc, file=sys.stderr)

    def _stack_returned(self, rec: ThreadRec) -> None:
        self._forget_stack(rec)
        if not self.finished:
            self._exit_thread(rec)

    def _forget_stack(self, rec: ThreadRec) -> None:
        self.live.discard(rec)
        if self.finished and not self.live:
            self._reap_done()

    def _exit_thread(self, rec: ThreadRec) -> None:
        rec.state = DONE
        self.threads.pop(rec.ident, None)
        while rec.at_exit:
            rec.at_exit.pop()()
        if self.events is not None:
            self.events.emit("thread-end", self.thread_name(rec), ident=rec.ident)
        if rec.handle is not None:
            rec.handle._set_done()
        if rec.sentinel is not None and rec.sentinel.locked():
            rec.sentinel.release()
        if self.preemption is not None:
            self.preemption.disarm()
        self.running = None
        self._dispatch()

    def thread_name(self, rec: ThreadRec) -> str:
        # threading's Thread first: the reader may have renamed it since it started.
        threading = sys.modules.get("threading")
        active = getattr(threading, "_active", None) or {}
        thread = active.get(rec.ident)
        if thread is not None:
            return thread.name
        if rec.name:
            return rec.name
        return f"thread-{rec.ident:#x}"

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
            # The real time it falls due too (the same, unless the clock is virtual).
            real_due = self.backend.now() + (deadline - self.clock.now())
            heapq.heappush(self.timers, (deadline, next(self._seq), rec, rec.wait_seq, real_due))
        if self.events is not None:
            self.events.emit_wait(self, rec, what, obj)
            woke = self._park(rec)
            self.events.emit_resume(self, rec, woke)
            return woke
        return self._park(rec)

    def wake(self, rec: ThreadRec, value=True) -> None:
        if rec.state != BLOCKED:
            return
        rec.state = READY
        rec.wake = value
        rec.wait_seq += 1
        rec.wait_where = None
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
            self._end_of_run(rec)  # stopped: this thread unwinds now
        self.clock.ran(cpu)
        self._poll_timers()
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

    # -- _thread.interrupt_main() -----------------------------------------

    def interrupt_main(self, signum: int) -> None:
        """Leave ``signum`` for the main thread: its Python handler runs there as soon
        as it runs again (a blocked main thread stops waiting, as in CPython)."""
        if not callable(self._reader_handler(signum)):
            return  # SIG_DFL / SIG_IGN: CPython does nothing either
        rec = self.main
        if rec.state == DONE:
            return
        rec.interrupt = signum
        if rec is self.running:
            self.deliver_interrupt(rec)
        elif rec.state == BLOCKED:
            self._timed_out(rec)
            if self.running is None and not self.finished:
                self._dispatch()

    def deliver_interrupt(self, rec: ThreadRec) -> None:
        signum, rec.interrupt = rec.interrupt, None
        handler = self._reader_handler(signum)
        if callable(handler):
            handler(signum, sys._getframe(1))

    def _reader_handler(self, signum: int):
        """The signal's Python handler as the program sees it: the runtime's own
        SIGINT handler (the page's Stop) stands in for Python's default one."""
        handler = signal.getsignal(signum)
        if self.preemption is not None and getattr(handler, "__self__", None) is self.preemption:
            return signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
        return handler

    def _resumed(self, rec: ThreadRec) -> None:
        if self.finished:
            self.running = rec  # the stack unwinding now (see reap)
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

    def _end_of_run(self, rec: ThreadRec) -> None:
        """The run is over: this thread must not run the reader's code again (as
        CPython freezes daemon threads at exit). Unwind it; if it keeps catching
        ThreadKilled, leave it suspended for good."""
        rec.kills += 1
        if rec.kills <= KILL_ATTEMPTS:
            raise ThreadKilled
        self._forget_stack(rec)
        self.backend.wait(self.backend.new_gate())

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

    def _poll_timers(self) -> None:
        timers = self.timers
        if not timers:
            return
        now = self.clock.now()
        while timers and timers[0][0] <= now:
            _, _, rec, seq, _ = heapq.heappop(timers)
            if rec.wait_seq == seq and rec.state == BLOCKED:
                self._timed_out(rec)
        # Drop timeouts whose waits already ended, so an idle check sees only live ones.
        while timers and (timers[0][2].wait_seq != timers[0][3] or timers[0][2].state != BLOCKED):
            heapq.heappop(timers)

    def _timed_out(self, rec: ThreadRec) -> None:
        """Its wait ends unanswered (timeout, interrupt): ready, with wake value False."""
        if rec.wait_list is not None:
            try:
                rec.wait_list.remove(rec)
            except ValueError:
                pass
        rec.state = READY
        rec.wake = False
        rec.wait_seq += 1
        rec.wait_where = None
        self.ready.append(rec)

    def _set_timer(self, due: float) -> None:
        if self._timer_handle is not None and self._timer_due is not None:
            if self._timer_due <= due:
                return
            self._timer_handle.cancel()
        self._timer_due = due
        self._timer_handle = self.backend.call_later(due - self.backend.now(), self._on_timer)

    def _on_timer(self) -> None:
        self._timer_handle = None
        self._timer_due = None
        if self.running is not None or self.finished:
            return  # the running thread polls the timers; _dispatch re-arms when idle
        if not self.ready and self.timers:
            self.clock.jump(self.timers[0][0])  # every thread waits: time moves on
        self._dispatch()

    # -- the end of a run -------------------------------------------------

    def deadlock(self) -> None:
        from .deadlock import describe_deadlock

        report = describe_deadlock(self)
        self.finish("deadlock", 1, deadlock=report)

    def stop(self) -> None:
        """Stop (the page's Stop button / Ctrl-C): end the run now; the running
        thread freezes at its next slice check."""
        self.finish("stopped", 130)
        if self.preemption is not None and self.preemption.ctl is not None:
            self.preemption.ctl.defer()

    def finish(self, status: str, exit_code: int, **details) -> None:
        if self.finished:
            return
        self.finished = status
        if self._timer_handle is not None:
            self._timer_handle.cancel()
        if self.preemption is not None:
            self.preemption.disarm()
        self.outcome = (status, exit_code, details)
        if self.events is not None:
            self.events.closed = True
        if not self.completion.done():
            self.completion.set_result(self.outcome)

    def reap(self):
        """After the end: unwind every thread stack still suspended (see the module
        docstring). Returns a completion to wait for, or None if there is none."""
        if not self.live:
            return None
        self._reaped = self.backend.new_completion()
        for rec in list(self.live):
            rec.gate.open(None)  # it resumes, sees the run is over, raises ThreadKilled
        self._reap_handle = self.backend.call_later(REAP_TIMEOUT, self._reap_done)
        return self._reaped

    def _reap_done(self) -> None:
        if self._reaped is not None and not self._reaped.done():
            self._reaped.set_result(None)
            if self._reap_handle is not None:
                self._reap_handle.cancel()
