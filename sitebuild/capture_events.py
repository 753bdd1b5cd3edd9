"""The timeline's event log inside the capture process (see capture.py).

Loaded by file path in the example's own interpreter (any CPython 3.8+), so it imports
nothing from this package. One event is a dict in the format the live runtime sends
(browser_runtime/threads/events.py): ``type``, ``t`` (ms since the run started),
``thread`` (name), plus fields of that type. Appending to a list is atomic under the
GIL (and on free-threaded builds), so no lock is taken that the example could feel.
"""

import sys
import threading
import time

# Detailed events kept per run; past it, events are counted per thread and type (the
# "skipped" summary) so a loop of a million lock round-trips stays a small recording.
# Thread start/end and output lines are always kept.
LIMIT = 1000
ALWAYS = frozenset({"thread-start", "thread-end", "output"})


class EventLog:
    def __init__(self, start, reader_files):
        self.start = start
        self.reader_files = frozenset(reader_files)
        self.events = []
        # Past the limit: only counts, keyed by (thread ident, type); one key per thread
        # is written by that thread only, so no lock. Cheap enough for a hot loop.
        self.full = False
        self.full_at = None
        self.counts = {}
        self.names = {threading.get_ident(): threading.current_thread().name}
        self.locks = []  # traced locks: each counts its own uses past the limit

    def now(self):
        return round((time.perf_counter() - self.start) * 1000, 3)

    def count(self, type_):
        key = (threading.get_ident(), type_)
        self.counts[key] = self.counts.get(key, 0) + 1

    def emit(self, type_, t=None, thread=None, **fields):
        if self.full and type_ not in ALWAYS:
            self.count(type_)
            return
        if t is None:
            t = self.now()
        if thread is None:
            thread = threading.current_thread().name
        event = {"type": type_, "t": t, "thread": thread}
        event.update(fields)
        self.events.append(event)
        if len(self.events) >= LIMIT and not self.full:
            self.full, self.full_at = True, t

    def reader_line(self, depth=2):
        """The line of the example's own code that led here (None from elsewhere)."""
        frame = sys._getframe(depth)
        while frame is not None:
            if frame.f_code.co_filename in self.reader_files:
                return frame.f_lineno
            frame = frame.f_back
        return None

    def called_by_reader(self, depth=2):
        """Is the direct caller the example's code (not threading, queue, ...)?"""
        return sys._getframe(depth).f_code.co_filename in self.reader_files

    def finished(self):
        """Every event in time order (appends from threads can race by microseconds),
        with one ``skipped`` summary (counts by type, from the time the limit was
        reached) per thread that did more."""
        per_thread = {}
        for (ident, type_), n in sorted(self.counts.items()):
            per_thread.setdefault(self.names.get(ident, "?"), {})[type_] = n
        summaries = [
            {"type": "skipped", "t": self.full_at, "thread": thread, "counts": counts}
            for thread, counts in per_thread.items()
        ]
        summaries += [
            {
                "type": "skipped",
                "t": self.full_at,
                "thread": None,  # `with lock:` past the limit is counted per lock
                "lock": lock._label,
                "counts": {"lock-acquire": lock.acquired, "lock-release": lock.released},
            }
            for lock in self.locks
            if lock.acquired or lock.released
        ]
        return sorted(self.events + summaries, key=lambda e: e["t"])
