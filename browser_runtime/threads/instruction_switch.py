"""Switches between two bytecode instructions of the reader's code (see preempt.py).

``LateSwitch`` ("gil39", CPython <= 3.9): when a time slice ends in the reader's code,
instruction events go on for a seeded 1..GIL39_SPREAD instructions and the switch
happens before the last of them, wherever that is; then they go off again, so the
run costs about what "gil" costs.
``EverySwitch`` ("anywhere"): instruction events stay on for the whole run and a seeded
countdown switches every 1..max_ops instructions. Slow (a callback per instruction).
"""

from __future__ import annotations

import sys

from . import reader_monitor

# The switch lands 1..GIL39_SPREAD instructions after the slice ends (a loop iteration
# of `counter += 1` is 7 instructions on 3.14, so any of them can be hit).
GIL39_SPREAD = 16
# Virtual CPU time per "anywhere" instruction (seeded runs' clock; about Pyodide's speed).
SECS_PER_INSTRUCTION = 2e-7


class LateSwitch:
    def __init__(self, preemption, code):
        self.p = preemption
        self.left = 0  # instructions left before the pending switch
        self.monitor = reader_monitor.ReaderMonitor(code, "INSTRUCTION", self._tick).__enter__()

    def close(self) -> None:
        self.monitor.__exit__(None, None, None)

    def start(self) -> None:
        self.left = self.p.rng.randint(1, GIL39_SPREAD)
        self.monitor.enable()
        # Should the thread leave the reader's code before the countdown ends (into a
        # long stdlib call), the slice fires again shortly and switches there.
        if self.p.ctl is not None:
            self.p.ctl.defer()

    def cancel(self) -> None:
        self.left = 0
        self.monitor.disable()

    def _tick(self, code, offset) -> None:
        if self.left <= 0:
            return
        self.left -= 1
        if self.left:
            return
        self.cancel()
        sched = self.p.sched
        if sched.no_preempt:
            if self.p.ctl is not None:
                self.p.ctl.defer()
            return
        sched.preempt(self.p.slice_ms / 1000)


class EverySwitch:
    def __init__(self, preemption, code, max_ops: int):
        self.p = preemption
        self.max_ops = max_ops
        self._new_budget()
        self.monitor = None
        self._old_trace = None
        if code is None or not reader_monitor.available():
            # CPython < 3.12 (the unit tests): a tracer, which on Pyodide would only
            # see the thread that set it (see reader_monitor).
            self._old_trace = sys.gettrace()
            sys.settrace(self._global_trace)
            return
        self.monitor = reader_monitor.ReaderMonitor(
            code, "INSTRUCTION", lambda code, offset: self._count()
        ).__enter__()
        self.monitor.enable()

    def close(self) -> None:
        if self.monitor is None:
            sys.settrace(self._old_trace)
        else:
            self.monitor.__exit__(None, None, None)

    def _new_budget(self) -> None:
        self._budget = self._ops = self.p.rng.randint(1, self.max_ops)

    def _count(self) -> None:
        self._budget -= 1
        if self._budget <= 0:
            ops = self._ops
            self._new_budget()
            if not self.p.sched.no_preempt:
                self.p.sched.preempt(ops * SECS_PER_INSTRUCTION)

    def _global_trace(self, frame, event, arg):
        if event == "call" and self.p.kinds.is_reader(frame.f_code):
            frame.f_trace_opcodes = True
            return self._local_trace
        return None

    def _local_trace(self, frame, event, arg):
        if event == "opcode":
            self._count()
        return self._local_trace
