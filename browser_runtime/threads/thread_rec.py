"""One emulated thread's record: identity, state, and what it waits for."""

from __future__ import annotations

NEW, READY, RUNNING, BLOCKED, DONE = "new", "ready", "running", "blocked", "done"

# Thread idents look like CPython's (pthread_t addresses); native ids like Linux TIDs.
_IDENT_BASE = 0x7F3C_0000_0000
_IDENT_STEP = 0x80_1000
_NATIVE_BASE = 4200


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
        "stack",
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
        self.stack = None  # the backend's handle on its stack, once started

    def end_wait(self, value) -> None:
        """Its wait is over (woken with ``value``, or timed out with False): ready to run.
        The new wait_seq makes any timeout still queued for the old wait stale."""
        self.state = READY
        self.wake = value
        self.wait_seq += 1
        self.wait_where = None
