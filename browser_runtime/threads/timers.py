"""Timeouts: a heap of deadlines, polled by whoever runs, and one browser timer for
the earliest deadline while every thread waits."""

from __future__ import annotations

import heapq

from .thread_rec import BLOCKED, ThreadRec


class Timers:
    """Scheduler part: when waits time out (see scheduler.Scheduler)."""

    def _add_timeout(self, rec: ThreadRec, deadline: float) -> None:
        # The real time it falls due too (the same, unless the clock is virtual).
        real_due = self.backend.now() + (deadline - self.clock.now())
        heapq.heappush(self.timers, (deadline, next(self._seq), rec, rec.wait_seq, real_due))

    def _poll_timers(self) -> None:
        self.check_stop_deadline()
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
        rec.end_wait(False)
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
