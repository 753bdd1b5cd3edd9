"""``_thread.interrupt_main()``: a signal's Python handler runs in the main thread."""

from __future__ import annotations

import sys

from ..reader_signals import reader_handler
from .thread_rec import BLOCKED, DONE, ThreadRec


class Interrupts:
    """Scheduler part: signals left for the main thread (see scheduler.Scheduler)."""

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
        """The signal's Python handler as the program sees it (not the runtime's own
        SIGINT handler, the page's Stop)."""
        return reader_handler(signum)
