"""Watch the reader's own code, one bytecode instruction or one line at a time.

sys.monitoring (Python 3.12+, PEP 669) is per interpreter, so one tool sees every
emulated thread. sys.settrace would not: it is per thread state, and Pyodide gives
every suspended stack a thread state of its own. Events are switched on for the code
objects compiled from the reader's source only, so the stdlib and this runtime run at
full speed, and they can be switched on and off cheaply (``set_local_events``
re-instruments only those few code objects).

A callback may suspend its thread (a switch): CPython reads the instruction to run
next before it calls an INSTRUCTION callback, so turning the events off while a
thread is suspended inside one is safe.
"""

from __future__ import annotations

import sys

_TOOL_IDS = (4, 3)  # ids left free by debuggers, coverage and profilers (PEP 669)


def reader_codes(code) -> list:
    """Every code object compiled from the reader's source (functions, classes...)."""
    found, todo = [], [code]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(c for c in current.co_consts if isinstance(c, type(code)))
    return found


def available() -> bool:
    return getattr(sys, "monitoring", None) is not None


class ReaderMonitor:
    """One sys.monitoring tool id, one event ("INSTRUCTION" or "LINE"), one callback."""

    def __init__(self, code, event: str, callback, name="browser_runtime.threads", codes=None):
        self.codes = reader_codes(code) if codes is None else list(codes)
        self.event = event
        self.callback = callback
        self.name = name
        self.tool = None
        self.on = False

    def __enter__(self) -> ReaderMonitor:
        monitoring = sys.monitoring
        for tool in _TOOL_IDS:
            if monitoring.get_tool(tool) is None:
                break
        else:
            raise RuntimeError("no free sys.monitoring tool id for the threads runtime")
        monitoring.use_tool_id(tool, self.name)
        self.tool = tool
        monitoring.register_callback(tool, self._event_id(), self.callback)
        return self

    def __exit__(self, *exc) -> None:
        if self.tool is None:
            return
        self.disable()
        sys.monitoring.register_callback(self.tool, self._event_id(), None)
        sys.monitoring.free_tool_id(self.tool)
        self.tool = None

    def _event_id(self) -> int:
        return getattr(sys.monitoring.events, self.event)

    def enable(self) -> None:
        if self.on or self.tool is None:
            return
        self.on = True
        event = self._event_id()
        for code in self.codes:
            sys.monitoring.set_local_events(self.tool, code, event)

    def disable(self) -> None:
        if not self.on:
            return
        self.on = False
        for code in self.codes:
            sys.monitoring.set_local_events(self.tool, code, 0)
