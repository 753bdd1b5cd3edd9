"""You are the scheduler: a run where the reader picks which thread takes each step.

Mode "step" (program.run_program(mode="step", step="line" | "instruction")): at every
step point of the reader's code (the start of a line, or each bytecode instruction,
seen through sys.monitoring) the running thread parks as ready, and whenever a thread
must be chosen the scheduler asks this stepper instead of taking the next in line. The
stepper sends the page the state (``send(json)``: each thread's status and line, the
shared globals) and waits; the page answers through ``choose(thread_id)`` (the worker
calls it on a ``{type: "step"}`` message), and the chosen thread runs to its next step
point. A thread that blocks or ends also hands the choice to the page; a deadlock ends
the run with the runtime's report, as in any other mode.

Stepping back is a deterministic re-run: ``replay`` holds the choices to make again
without asking (time is virtual and nothing else decides, so the same choices give the
same states). ``choose(STOP)`` abandons the run (status "stopped").

In "instruction" mode the module's own code still steps by line: setting up threads
one instruction at a time would bury the race in dozens of uninteresting steps.
"""

from __future__ import annotations

import json
import random

from .reader_monitor import ReaderMonitor, reader_codes
from .step_state import LOADS, STORES, Instructions, shared_globals, thread_entry

STEP_KINDS = ("line", "instruction")
STOP = -1
MAX_STEPS = 10_000  # a reader clicking is far below this; a runaway replay is not
REPLAY_SEED = 0  # random's seed in every stepped run, so Back replays it too

ACTIVE: Stepper | None = None


def choose(thread_id) -> bool:
    """The page's answer to a pause (called by the worker). False if it came too late."""
    stepper = ACTIVE
    return stepper is not None and stepper.choose(int(thread_id))


class Stepper:
    def __init__(self, sched, code, globals_dict, kind: str, send, replay=()):
        if kind not in STEP_KINDS:
            raise ValueError(f"step must be one of {STEP_KINDS}, not {kind!r}")
        self.sched = sched
        self.globals = globals_dict
        self.kind = kind
        self.send = send
        self.replay = list(replay)
        self.steps = 0
        self.waiting = False
        self.where: dict = {}  # rec -> (line, instruction text, opname, argval)
        self.reads: dict = {}  # rec -> {global name: repr of the value it loaded}
        self.seen: dict = {}  # native id -> name, for threads that are done
        self._guard = 0  # > 0 while a snapshot runs repr(): no steps then
        self._instructions = Instructions()
        codes = reader_codes(code)
        if kind == "line":
            self._monitors = [ReaderMonitor(code, "LINE", self._on_line)]
        else:
            self._monitors = [
                ReaderMonitor(code, "LINE", self._on_line, codes=codes[:1]),
                ReaderMonitor(code, "INSTRUCTION", self._on_instruction, codes=codes[1:]),
            ]

    def __enter__(self) -> Stepper:
        global ACTIVE
        # Back re-runs the program: random numbers must come out the same every time
        # (the clocks the program reads are virtual in this mode already: program.py).
        random.seed(REPLAY_SEED)
        for monitor in self._monitors:
            monitor.__enter__()
            monitor.enable()
        ACTIVE = self
        self.sched.chooser = self
        return self

    def __exit__(self, *exc) -> None:
        global ACTIVE
        for monitor in self._monitors:
            monitor.__exit__(*exc)
        if ACTIVE is self:
            ACTIVE = None
        self.sched.chooser = None

    # -- step points ---------------------------------------------------------

    def _on_line(self, code, line) -> None:
        self._arrive((line, None, None, None))

    def _on_instruction(self, code, offset) -> None:
        self._arrive(self._instructions.at(code, offset))

    def _arrive(self, where) -> None:
        sched = self.sched
        rec = sched.running
        if rec is None or sched.finished or self._guard or sched.no_preempt:
            return
        self._note_previous(rec)
        self.where[rec] = where
        sched.step_point()

    def _note_previous(self, rec) -> None:
        """After a load of a global, show what this thread read, until it stores it."""
        previous = self.where.get(rec)
        if previous is None or previous[2] is None:
            return
        opname, name = previous[2], previous[3]
        reads = self.reads.setdefault(rec, {})
        if opname in LOADS and name in self.globals:
            self._guard += 1
            try:
                reads[name] = shared_globals({name: self.globals[name]})[0][1]
            except IndexError:
                pass
            finally:
                self._guard -= 1
        elif opname in STORES:
            reads.pop(name, None)

    # -- the scheduler asks; the page answers ------------------------------------

    def request(self) -> None:
        """Called by the scheduler when it must pick the next ready thread."""
        if self.steps >= MAX_STEPS:
            self.sched.stop()
            return
        while self.replay:
            wanted = self.replay.pop(0)
            if self._run(wanted):
                return
            self.replay.clear()  # the program went another way: ask from here on
        self.waiting = True
        self._guard += 1
        try:
            self.send(json.dumps(self.state(), default=str))
        finally:
            self._guard -= 1

    def choose(self, thread_id: int) -> bool:
        if not self.waiting:
            return False
        if thread_id == STOP:
            self.waiting = False
            self.sched.stop()
            return True
        if self._run(thread_id):
            self.waiting = False
            return True
        return False

    def _run(self, thread_id: int) -> bool:
        for rec in self.sched.ready:
            if rec.native_id == thread_id:
                self.steps += 1
                self.sched.run_next(rec)
                return True
        return False

    def state(self) -> dict:
        sched = self.sched
        threads = []
        ready = set(sched.ready)
        for rec in sorted(sched.threads.values(), key=lambda r: r.native_id):
            self.seen[rec.native_id] = sched.thread_name(rec)
            if rec in ready:
                status = "ready" if rec in self.where else "new"
            else:
                status = "blocked"
            where = self.where.get(rec)
            threads.append(thread_entry(sched, rec, where, self.reads.get(rec, {}), status))
        alive = {t["id"] for t in threads}
        for tid, name in sorted(self.seen.items()):
            if tid not in alive:
                threads.append({"id": tid, "name": name, "status": "done", "line": None})
        return {
            "step": self.steps,
            "kind": self.kind,
            "threads": threads,
            "globals": shared_globals(self.globals),
        }


def stepper_for(sched, code, globals_dict, options: dict) -> Stepper:
    """mode="step" (program.py): ``options`` is {"step": "line" | "instruction",
    "replay": [thread ids], "send": callable(json) or None for the worker's channel}."""
    send = options.get("send") or page_channel()
    if send is None:
        raise RuntimeError("mode 'step' needs a page to ask (no stepping channel)")
    kind = options.get("step") or "line"
    return Stepper(sched, code, globals_dict, kind, send, options.get("replay") or ())


def page_channel():
    """The worker's JS function that posts a pause to the page, or None outside it."""
    try:
        import browser_stepper_js  # type: ignore[import-not-found]
    except ImportError:
        return None
    return browser_stepper_js.pause
