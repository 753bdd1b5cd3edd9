"""The event stream of a run, for the timeline: one dict per event.

Every event has ``type``, ``t`` (ms since the run started) and ``thread`` (name).
Types: thread-start, thread-end, switch (``frm``), sleep (``seconds``),
lock-wait / lock-acquire / lock-release (``lock``: "lock-N", only for locks the
reader's code created), event-wait / event-set, wait (``api``, ``line``: any other
blocking call), resume (``ok``: the end of a sleep or wait), output (``stream``,
``text``: one line), deadlock (``threads``), exit (``status``, ``exit_code``),
truncated (the cap was reached: from then on only thread-start/end, output,
deadlock and exit are sent).

The recorder writes the same format for CPython runs (sitebuild/capture_events.py,
which adds lock-busy, notify, queue-get/put and a "skipped" summary), so one
timeline layout draws both (sitebuild/timeline_layout.py, js/timeline/layout.js).
"""

from __future__ import annotations

import reprlib
import sys

from .code_origin import api_name, is_reader_file, is_runtime_file, reader_frame

ESSENTIAL = frozenset({"thread-start", "thread-end", "output", "deadlock", "exit"})
# Once the run is over (closed) only these still go out: a thread Stop caught running
# (it runs on to its next switch point, end_of_run.py) must not add to the timeline.
FINAL = frozenset({"output", "deadlock", "exit"})

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 24


def starting_target(frame) -> str | None:
    """``worker('A', 2)`` for the Thread whose start() led here (as the recorder
    labels a thread), or None when no Thread.start is on the stack (MainThread) or
    the target is not the reader's function."""
    threading = sys.modules.get("threading")
    while frame is not None and threading is not None:
        owner = frame.f_locals.get("self") if frame.f_code.co_name == "start" else None
        if isinstance(owner, threading.Thread):
            target = getattr(owner, "_target", None)
            code = getattr(target, "__code__", None)
            if code is None or not is_reader_file(code.co_filename):
                return None  # a pool's worker, say: its name is label enough
            args = ", ".join(_short.repr(a) for a in getattr(owner, "_args", ()))
            return f"{getattr(target, '__name__', '?')}({args})"
        frame = frame.f_back
    return None


class EventSink:
    def __init__(self, callback, now, limit: int = 20000):
        self.callback = callback
        self.now = now
        self.t0 = now()
        self.limit = limit
        self.count = 0
        self.truncated = False
        self.closed = False
        self._lock_ids: dict[int, int] = {}

    def emit(self, type_: str, thread: str | None, **fields) -> None:
        if self.closed and type_ not in FINAL:
            return
        if self.count >= self.limit and type_ not in ESSENTIAL:
            if not self.truncated:
                self.truncated = True
                self._send("truncated", thread, {"limit": self.limit})
            return
        self.count += 1
        if type_ == "thread-start":
            target = starting_target(sys._getframe(1))
            if target is not None:
                fields = {**fields, "target": target}
        self._send(type_, thread, fields)

    def _send(self, type_, thread, fields) -> None:
        event = {"type": type_, "t": round((self.now() - self.t0) * 1000, 3), "thread": thread}
        event.update(fields)
        self.callback(event)

    # -- helpers the runtime calls ---------------------------------------

    def lock_label(self, lock) -> str:
        n = self._lock_ids.setdefault(id(lock), len(self._lock_ids) + 1)
        return f"lock-{n}"

    def emit_lock(self, type_: str, sched, lock) -> None:
        if self.truncated:
            return
        self.emit(type_, sched.thread_name(sched.running), lock=self.lock_label(lock))

    def emit_wait(self, sched, rec, what: str, obj) -> None:
        if self.truncated:
            return
        name = sched.thread_name(rec)
        if what == "sleep":
            self.emit("sleep", name, seconds=obj)
            return
        if what == "Lock.acquire" and getattr(obj, "_traced", False):
            self.emit("lock-wait", name, lock=self.lock_label(obj))
            return
        mine, callee = reader_frame(sys._getframe(2))
        api = api_name(callee) if callee is not None else what
        line = mine.f_lineno if mine is not None else None
        if api == "threading.Thread.start":
            return  # waiting for the new thread to come up: not the reader's wait
        if api == "threading.Event.wait":
            self.emit("event-wait", name, line=line)
        else:
            self.emit("wait", name, api=api, line=line)

    def emit_resume(self, sched, rec, woke) -> None:
        """The end of a wait: drawn as the end of the thread's sleeping/waiting bar."""
        if self.truncated or sched.finished:
            return
        ok = woke is not False or rec.wait_what == "sleep"  # a sleep's timer is its end
        self.emit("resume", sched.thread_name(rec), ok=ok)

    def is_reader_lock(self) -> bool:
        """Was the lock being created made by the reader's code (directly or via RLock())?"""
        frame = sys._getframe(2)
        while frame is not None and is_runtime_file(frame.f_code.co_filename):
            frame = frame.f_back
        if frame is None:
            return False
        if frame.f_code.co_name == "__init__" and frame.f_globals.get("__name__") == "threading":
            outer = frame.f_back
            if outer is None or outer.f_code.co_name != "RLock":
                return False
            frame = outer.f_back
        return frame is not None and is_reader_file(frame.f_code.co_filename)


class ThreadTaggedStream:
    """Wraps sys.stdout/stderr: passes writes through, and emits one output event
    per complete line, tagged with the thread that wrote it."""

    def __init__(self, inner, stream: str, sink: EventSink, sched):
        self._inner = inner
        self._stream = stream
        self._sink = sink
        self._sched = sched
        self._partial: dict[int, str] = {}

    def write(self, text):
        result = self._inner.write(text)
        rec = self._sched.running
        key = rec.ident if rec is not None else 0
        name = self._sched.thread_name(rec) if rec is not None else None
        buffered = self._partial.pop(key, (name, ""))[1] + text
        *lines, rest = buffered.split("\n")
        if lines:  # the reader's line that printed, as recordings give it
            mine = reader_frame(sys._getframe(1))[0]
            where = {"line": mine.f_lineno} if mine is not None else {}
        for line in lines:
            self._sink.emit("output", name, stream=self._stream, text=line, **where)
        if rest:
            self._partial[key] = (name, rest)
        return result

    def flush_partial(self) -> None:
        for name, rest in self._partial.values():
            self._sink.emit("output", name, stream=self._stream, text=rest)
        self._partial.clear()

    def flush(self):
        return self._inner.flush()

    def __getattr__(self, name):
        return getattr(self._inner, name)
