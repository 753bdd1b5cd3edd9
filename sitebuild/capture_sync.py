"""Log what threads wait for, without editing the example (see capture.py).

Loaded by file path in the example's interpreter (CPython 3.8+). ``install(log)`` wraps
``time.sleep``, the ``threading`` primitives the example creates (Lock, RLock, Semaphore,
BoundedSemaphore, Condition, Event), ``Thread`` start/end/join and ``queue.Queue``
get/put. Only objects made by the example's own code are traced: threading's and
queue's internal locks stay raw, so the log shows the example's waits, not the library's.

Every wrapper calls the original with the caller's arguments, so results and errors are
the same. Times are taken where they matter: a release just before releasing, an
acquire just after acquiring, so a hand-off's release always precedes its acquire.
"""

import queue
import reprlib
import threading
import time

# Short reprs of a thread's arguments for its lane label. Module-level: configured once,
# never changed. reprlib cuts str itself but calls repr() on bytes whole, which for a
# large buffer costs real CPU time inside the example's own timings: cut bytes first.
_short = reprlib.Repr()
_short.maxstring = 24
_short.maxother = 24


def _brief(value):
    if isinstance(value, (bytes, bytearray)) and len(value) > _short.maxstring:
        return _short.repr(bytes(value[: _short.maxstring])) + "…"
    return _short.repr(value)


class _Labels:
    def __init__(self):
        self.counts = {}

    def next(self, kind):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{kind} {self.counts[kind]}"


def install(log):
    labels = _Labels()
    _patch_sleep(log)
    _patch_locks(log, labels)
    _patch_semaphores(log, labels)
    _patch_condition_and_event(log, labels)
    _patch_threads(log)
    _patch_queue(log)


def _waited(log, what, call, **fields):
    """Log the start of a blocking call, run it, log when it returns."""
    log.emit(what, line=log.reader_line(3), **fields)
    result = call()
    log.emit("resume", ok=result is not False)
    return result


def _patch_sleep(log):
    real = time.sleep

    def sleep(seconds):
        log.emit("sleep", seconds=seconds, line=log.reader_line())
        real(seconds)
        log.emit("resume", ok=True)

    time.sleep = sleep


def _acquire(log, raw, label, blocking, timeout):
    """The lock events of one acquire: fast path, or lock-wait then lock-acquire."""
    if log.full:  # past the limit: count only, at almost no cost
        ok = raw.acquire(blocking, timeout)
        log.count("lock-acquire" if ok else "lock-busy")
        return ok
    line = log.reader_line(3)
    if raw.acquire(False):
        log.emit("lock-acquire", lock=label, line=line)
        return True
    if not blocking:
        log.emit("lock-busy", lock=label, line=line)
        return False
    log.emit("lock-wait", lock=label, line=line)
    ok = raw.acquire(True, timeout)
    if ok:
        log.emit("lock-acquire", lock=label, line=line)
    else:
        log.emit("resume", ok=False)
    return ok


class _TracedLock:
    # Acquires and releases past the log's limit are counted here (while the lock is
    # held, so without a race) and reported as a "skipped" summary at the end.
    __slots__ = ("_raw", "_label", "_log", "acquired", "released")

    def __init__(self, raw, label, log):
        self._raw, self._label, self._log = raw, label, log
        self.acquired = self.released = 0
        log.locks.append(self)

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1 or timeout != -1 and not 0 <= timeout:
            return self._raw.acquire(blocking, timeout)  # the same error CPython gives
        if timeout > threading.TIMEOUT_MAX:
            return self._raw.acquire(blocking, timeout)
        return _acquire(self._log, self._raw, self._label, blocking, timeout)

    def release(self):
        if self._log.full:
            self._raw.release()
            self._log.count("lock-release")
            return
        t = self._log.now()
        self._raw.release()  # raises (unlocked, not owner) before anything is logged
        self._log.emit("lock-release", t=t, lock=self._label, line=self._log.reader_line())

    def _is_owned(self):  # what Condition does for a lock without it, on the raw lock
        if self._raw.acquire(False):
            self._raw.release()
            return False
        return True

    # `with lock:` in a hot loop: past the limit, one call and a count each way.
    def __enter__(self):
        if self._log.full:
            self._raw.acquire()
            self.acquired += 1
            return True
        return self.acquire()

    def __exit__(self, *exc):
        if self._log.full:
            self.released += 1
            self._raw.release()
            return
        self.release()

    def __getattr__(self, name):
        return getattr(self._raw, name)

    def __repr__(self):
        return repr(self._raw)


class _TracedRLock(_TracedLock):
    __slots__ = ()

    def _is_owned(self):
        return self._raw._is_owned()

    def _release_save(self):  # Condition.wait: release every level at once
        t = self._log.now()
        state = self._raw._release_save()
        self._log.emit("lock-release", t=t, lock=self._label, line=self._log.reader_line())
        return state

    def _acquire_restore(self, state):
        self._log.emit("lock-wait", lock=self._label, line=self._log.reader_line())
        self._raw._acquire_restore(state)
        self._log.emit("lock-acquire", lock=self._label, line=self._log.reader_line())


def _patch_locks(log, labels):
    raw_lock, raw_rlock = threading.Lock, threading.RLock

    def Lock():  # noqa: N802 - replaces threading.Lock
        if not log.called_by_reader():
            return raw_lock()
        return _TracedLock(raw_lock(), labels.next("Lock"), log)

    def RLock(*args, **kwargs):  # noqa: N802 - replaces threading.RLock
        if not log.called_by_reader():
            return raw_rlock(*args, **kwargs)
        return _TracedRLock(raw_rlock(*args, **kwargs), labels.next("RLock"), log)

    threading.Lock, threading.RLock = Lock, RLock


def _traced_init(cls, log, labels, kind):
    """Give instances the example creates a label; others stay untraced."""
    real = cls.__init__

    def __init__(self, *args, **kwargs):  # noqa: N807
        real(self, *args, **kwargs)
        self._timeline_label = labels.next(kind) if log.called_by_reader() else None

    cls.__init__ = __init__


def _patch_semaphores(log, labels):
    _traced_init(threading.Semaphore, log, labels, "Semaphore")
    _traced_init(threading.BoundedSemaphore, log, labels, "BoundedSemaphore")
    real_acquire = threading.Semaphore.acquire

    def acquire(self, blocking=True, timeout=None):
        label = getattr(self, "_timeline_label", None)
        if label is None or timeout is not None and not blocking:
            return real_acquire(self, blocking, timeout)
        raw = _SemaphoreCall(real_acquire, self, timeout)
        return _acquire(log, raw, label, blocking, timeout)

    threading.Semaphore.acquire = threading.Semaphore.__enter__ = acquire
    for cls in (threading.Semaphore, threading.BoundedSemaphore):
        _patch_release(cls, log)


class _SemaphoreCall:
    """Semaphore.acquire shaped like a lock's acquire(blocking, timeout), for _acquire."""

    def __init__(self, real, semaphore, timeout):
        self.real, self.semaphore, self.timeout = real, semaphore, timeout

    def acquire(self, blocking, _timeout=None):
        return self.real(self.semaphore, blocking, self.timeout if blocking else None)


def _patch_release(cls, log):
    real = cls.__dict__["release"]

    def release(self, *args, **kwargs):
        label = getattr(self, "_timeline_label", None)
        t = log.now()
        real(self, *args, **kwargs)
        if label is not None:
            log.emit("lock-release", t=t, lock=label, line=log.reader_line())

    cls.release = release


def _patch_condition_and_event(log, labels):
    _traced_init(threading.Condition, log, labels, "Condition")
    _traced_init(threading.Event, log, labels, "Event")
    cond_wait, event_wait = threading.Condition.wait, threading.Event.wait
    cond_notify, event_set = threading.Condition.notify, threading.Event.set

    def wait(self, timeout=None):
        label = getattr(self, "_timeline_label", None)
        if label is None:
            return cond_wait(self, timeout)
        return _waited(
            log, "wait", lambda: cond_wait(self, timeout), api="threading.Condition.wait"
        )

    def notify(self, n=1):
        if getattr(self, "_timeline_label", None) is not None:
            log.emit("notify", obj=self._timeline_label, n=n, line=log.reader_line())
        return cond_notify(self, n)

    def event_wait_(self, timeout=None):
        label = getattr(self, "_timeline_label", None)
        if label is None:
            return event_wait(self, timeout)
        return _waited(log, "event-wait", lambda: event_wait(self, timeout), obj=label)

    def set_(self):
        label = getattr(self, "_timeline_label", None)
        if label is not None:
            log.emit("event-set", obj=label, line=log.reader_line())
        return event_set(self)

    threading.Condition.wait, threading.Condition.notify = wait, notify
    threading.Event.wait, threading.Event.set = event_wait_, set_


def _patch_threads(log):
    real_start, real_inner = threading.Thread.start, threading.Thread._bootstrap_inner
    real_join = threading.Thread.join

    def start(self):
        if self._started.is_set():
            return real_start(self)  # "threads can only be started once"
        target = getattr(self, "_target", None)
        fields = {"daemon": self.daemon}
        code = getattr(target, "__code__", None)
        if code is not None and code.co_filename in log.reader_files:  # not a pool's worker
            args = ", ".join(_brief(a) for a in getattr(self, "_args", ()))
            fields["target"] = f"{getattr(target, '__name__', '?')}({args})"
        log.emit("thread-start", thread=self.name, by=threading.current_thread().name, **fields)
        return real_start(self)

    def bootstrap_inner(self):
        log.names[threading.get_ident()] = self.name
        try:
            real_inner(self)
        finally:  # before the thread is marked done: join() returns after this
            log.emit("thread-end", thread=self.name)

    def join(self, timeout=None):
        return _waited(
            log,
            "wait",
            lambda: real_join(self, timeout),
            api="threading.Thread.join",
            obj=self.name,
        )

    threading.Thread.start, threading.Thread._bootstrap_inner = start, bootstrap_inner
    threading.Thread.join = join


def _patch_queue(log):
    for name, n_item, empty_or_full in (("get", 0, queue.Empty), ("put", 1, queue.Full)):
        _patch_queue_method(log, name, n_item, empty_or_full)


def _patch_queue_method(log, name, n_item, empty_or_full):
    """get/put: try without blocking; only a call that has to wait logs a wait."""
    real = getattr(queue.Queue, name)

    def method(self, *args, **kwargs):
        item, rest = args[:n_item], args[n_item:]
        block = kwargs.pop("block", rest[0] if rest else True)
        timeout = kwargs.pop("timeout", rest[1] if len(rest) > 1 else None)
        if kwargs or len(rest) > 2:
            return real(self, *args, **kwargs)  # let the original reject the call
        line = log.reader_line()
        try:
            result = real(self, *item, block=False)
        except empty_or_full:
            if not block:
                raise
            log.emit("wait", api="queue.Queue." + name, line=line)
            try:
                result = real(self, *item, block=True, timeout=timeout)
            except empty_or_full:
                log.emit("resume", ok=False)
                raise
            log.emit("resume", ok=True)
        log.emit("queue-" + name, line=line)
        return result

    setattr(queue.Queue, name, method)
