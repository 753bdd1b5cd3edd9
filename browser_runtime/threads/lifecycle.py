"""Threads coming and going: a new stack per thread, and what its end releases."""

from __future__ import annotations

import sys

from .thread_rec import _IDENT_BASE, _IDENT_STEP, _NATIVE_BASE, DONE, READY, ThreadRec


class Lifecycle:
    """Scheduler part: start threads and end them (see scheduler.Scheduler)."""

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
                if self.finished:  # started after the end: none of its code runs
                    return
                rec.stack = self.backend.current_stack()  # what abandoning it frees
                self.backend.wait(rec.gate)
                self._resumed(rec)
                try:
                    fn()
                except BaseException:  # _thread.start_new_thread: report like CPython
                    self._report_unhandled()
            finally:  # an abandoned stack never gets here (end_of_run.py)
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
