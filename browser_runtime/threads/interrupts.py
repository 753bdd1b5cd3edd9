"""``_thread.interrupt_main()`` and the page's Stop: a signal's Python handler runs in
the main thread.

Stop is Ctrl-C: CPython runs the SIGINT handler in the main thread (by default it
raises KeyboardInterrupt there, even out of a blocking ``join()`` or ``acquire()``), and
the program goes on from there: its ``except``/``finally`` blocks run, it may set an
event and join its workers. Other threads never see the signal. If the program has not
ended STOP_GRACE later (CPython would wait for non-daemon threads, or the program
ignored the interrupt), the run ends where it is; so does a second Stop, or one during
a stepped run. A Stop while the main thread, its program done, waits for the other
threads interrupts that wait, as in CPython (reported by program.py: unraisable.py).
"""

from __future__ import annotations

import sys

from ..facts import THREADED_STOP_GRACE_MS
from ..reader_signals import reader_handler
from .thread_rec import BLOCKED, DONE, ThreadRec

STOP_GRACE = THREADED_STOP_GRACE_MS / 1000  # seconds


class Interrupts:
    """Scheduler part: signals left for the main thread (see scheduler.Scheduler)."""

    stop_deadline: float | None = None  # backend time: a Stop went to the main thread

    def ctrl_c(self, signum: int, here_ok: bool = True) -> None:
        """The page's Stop (see the module docstring). ``here_ok``: the running code may
        be interrupted where it is (it is not the runtime's own, see preempt.py)."""
        if self.stop_deadline is not None or self.chooser is not None:
            self.stop()
            return
        self.stop_deadline = self.backend.now() + STOP_GRACE
        # Checked where threads switch (a thread that runs alone switches nowhere in
        # tests; in the page its time slices do) and by a timer (every thread waits).
        self.backend.call_later(STOP_GRACE, self.check_stop_deadline)
        if self.running is self.main and not here_ok:
            self.main.interrupt = signum  # raised when it next parks and resumes
            return
        self.interrupt_main(signum, wake=True)  # may raise here, if main is running

    def check_stop_deadline(self) -> None:
        if self.stop_deadline is not None and not self.finished:
            if self.backend.now() >= self.stop_deadline:
                self.stop()

    def interrupt_main(self, signum: int, wake: bool = False) -> None:
        """Leave ``signum`` for the main thread: its Python handler runs there as soon
        as it runs again. ``wake``: a real signal (the page's Stop) also ends a blocking
        wait of the main thread, as EINTR does; ``_thread.interrupt_main()`` and
        ``signal.raise_signal()`` from another thread do not (CPython's main thread
        finishes its sleep, join or acquire first, then raises)."""
        if not callable(self._reader_handler(signum)):
            return  # SIG_DFL / SIG_IGN: CPython does nothing either
        rec = self.main
        if rec.state == DONE:
            return
        rec.interrupt = signum
        if rec is self.running:
            self.deliver_interrupt(rec)
        elif wake and rec.state == BLOCKED:
            self._timed_out(rec)
            if self.running is None and not self.finished:
                self._dispatch()

    def deliver_interrupt(self, rec: ThreadRec) -> None:
        signum, rec.interrupt = rec.interrupt, None
        handler = self._reader_handler(signum)
        if callable(handler):
            handler(signum, sys._getframe(1))

    def _reader_handler(self, signum: int):
        """The signal's Python handler as the program sees it (not the runtime's own
        SIGINT handler, the page's Stop)."""
        return reader_handler(signum)
