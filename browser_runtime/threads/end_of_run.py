"""The end of a run: its outcome (ok, deadlock, stopped), and the leftover stacks.

When a run ends, threads may still be suspended (daemons, a deadlock, Stop). Each
suspended stack holds a slice of WebAssembly's one C stack, and Pyodide starts new
stacks below the ones it keeps, so abandoned stacks pile up run after run until the
C stack overflows ("memory access out of bounds"). ``reap()`` therefore resumes each
of them with ThreadKilled, which unwinds it; what it prints is dropped (program.py).
"""

from __future__ import annotations

from .thread_rec import ThreadRec

# A thread that catches ThreadKilled this often is left suspended instead.
KILL_ATTEMPTS = 3
# Seconds to wait for leftover stacks to unwind before giving up on them.
REAP_TIMEOUT = 1.0


class ThreadKilled(BaseException):  # noqa: N818 - like SystemExit, not an error
    """Unwinds a thread that is still alive when its run is over."""


class EndOfRun:
    """Scheduler part: finish a run and unwind what is left (see scheduler.Scheduler)."""

    def _forget_stack(self, rec: ThreadRec) -> None:
        self.live.discard(rec)
        if self.finished and not self.live:
            self._reap_done()

    def _end_of_run(self, rec: ThreadRec) -> None:
        """The run is over: this thread must not run the reader's code again (as
        CPython freezes daemon threads at exit). Unwind it; if it keeps catching
        ThreadKilled, leave it suspended for good."""
        rec.kills += 1
        if rec.kills <= KILL_ATTEMPTS:
            raise ThreadKilled
        self._forget_stack(rec)
        self.backend.wait(self.backend.new_gate())

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
