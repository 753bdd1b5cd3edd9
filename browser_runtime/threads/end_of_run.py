"""The end of a run: its outcome (ok, deadlock, stopped), and the leftover stacks.

When a run ends, threads may still be suspended (daemons, a deadlock, Stop). CPython
never runs a daemon thread again once the interpreter exits: no ``finally``, no
``__exit__``, nothing raised in it. So a leftover stack is *abandoned*: never resumed,
and freed while suspended (the backend's ``abandon``: in Pyodide, stack_release.py).
A thread that runs again after the end anyway (its wake-up was already under way, or
Stop caught it running) parks for good at a gate nobody opens, before it reaches the
reader's code again, and is abandoned once suspended.
"""

from __future__ import annotations

from .thread_rec import ThreadRec


class EndOfRun:
    """Scheduler part: finish a run and abandon what is left (see scheduler.Scheduler)."""

    def _forget_stack(self, rec: ThreadRec) -> None:
        self.live.discard(rec)

    def _end_of_run(self, rec: ThreadRec) -> None:
        """The run is over: this thread must not run the reader's code again. It waits
        forever; the timer abandons it once it is suspended."""
        rec.gate = self.backend.new_gate()
        self.backend.call_later(0, lambda: self._abandon([rec]))
        self.backend.wait(rec.gate)
        raise SystemError("an abandoned thread stack was resumed")  # unreachable

    def _abandon(self, recs) -> None:
        # Only a stack that exists and is suspended with no wake-up under way: one whose
        # gate opened resumes into _end_of_run, one not started yet returns at once.
        left = [r for r in recs if r in self.live and r.stack is not None and not r.gate.done()]
        for rec in left:
            self.live.discard(rec)
            self.backend.abandon(rec.gate, rec.stack)
        if left:
            self.backend.release_abandoned()

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

    def reap(self) -> None:
        """After the end: abandon every thread stack still suspended (module docstring)."""
        self._abandon(list(self.live))
