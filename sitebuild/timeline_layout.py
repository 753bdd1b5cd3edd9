"""Events -> a swim-lane layout: lanes, state segments, markers, hand-offs, table rows.

Pure data (JSON-ready), with geometry in SVG user units (timeline_geometry.py), drawn
by the ``timeline.html`` template at build time. overrides/assets/js/timeline/layout.js is
the same algorithm for live runs; a browser test feeds both the same recorded events
and compares the results, so this file and that one change together.

A thread is *running* (or ready to run) unless it is in a blocking call: *sleeping*
from ``sleep`` to its wake-up, *waiting* from a lock/event/join/queue wait to its
wake-up. A blocked thread emits nothing, so any later event of its own also ends the
wait. After a ``skipped`` event (the recording's event limit was reached) states
are unknown: lanes are drawn *summarised* from there.
"""

from __future__ import annotations

from sitebuild.timeline_geometry import geometry
from sitebuild.timeline_text import WAIT_TYPES, describe

MARKED = {"output": "output", "event-set": "signal", "notify": "signal"}


class _Run:
    """What the walk over the events has built so far."""

    def __init__(self):
        self.lanes: list[dict] = []
        self.index: dict[str, int] = {}
        self.states: dict[str, dict | None] = {}
        self.markers: list[dict] = []
        self.pairs: list[dict] = []
        self.released: dict[str, tuple] = {}
        self.first = "running"  # after the first "skipped": states are counted, not known

    def lane(self, thread, t):
        if thread not in self.index:
            self.index[thread] = len(self.lanes)
            self.lanes.append({"thread": thread, "target": "", "t0": t, "t1": None, "segs": []})
        return self.lanes[self.index[thread]]

    def begin_summary(self, t):
        """Every open lane turns summarised; lanes that start later start so."""
        self.first = "summarised"
        for name, open_state in self.states.items():
            if open_state is not None and open_state["state"] != "summarised":
                _close(self.lanes[self.index[name]], open_state, t)
                self.states[name] = _state(self.first, t)

    def pair_lock(self, e, row):
        if e["type"] == "lock-release":
            self.released[e.get("lock")] = (e["thread"], e["t"], row)
        elif e["type"] == "lock-acquire" and e.get("lock") in self.released:
            frm, t_rel, rel_row = self.released.pop(e.get("lock"))
            self.pairs.append(
                {
                    "lock": e["lock"],
                    "frm": frm,
                    "to": e["thread"],
                    "t0": t_rel,
                    "t1": e["t"],
                    "rows": [rel_row, row],
                    "line": e.get("line"),
                }
            )


def _state(state, t, what="", line=None, row=None):
    """An open segment; ``row``: the event (table row) that began a sleep or wait."""
    if state == "summarised" and not what:
        what = "events past the recording's limit: counted, not drawn (see the table)"
    return {"state": state, "t0": t, "what": what, "line": line, "row": row}


def _close(lane, state, t):
    if state and t > state["t0"]:
        lane["segs"].append({**state, "t1": t})


def _track(run: _Run, e: dict, row: int) -> None:
    """One event: the thread's new state, and any marker or lock pairing it makes."""
    kind, t, thread = e["type"], e["t"], e.get("thread")
    if kind == "skipped" and run.first == "running":
        run.begin_summary(t)
    if thread is None:
        return
    lane = run.lane(thread, t)
    state = run.states.get(thread, _state(run.first, lane["t0"]))
    if kind == "thread-start":
        lane["t0"] = min(lane["t0"], t)
        lane["target"], lane["t1"] = e.get("target") or "", None  # a name may be reused
        run.states[thread] = _state(run.first, t)
        return
    if lane["t1"] is not None:  # ended (e.g. joins at interpreter exit): markers only
        state = None
    elif state and state["state"] in ("sleeping", "waiting") and kind != "skipped":
        _close(lane, state, t)  # any event of its own ends a wait
        state = _state("running", t)
    if state is None:
        run.pair_lock(e, row)
    elif kind == "sleep" or kind in WAIT_TYPES:
        _close(lane, state, t)
        what = "sleeping" if kind == "sleep" else "waiting"
        state = _state(what, t, describe(e), e.get("line"), row)
    elif kind == "thread-end":
        _close(lane, state, t)
        lane["t1"], state = t, None
    elif kind == "skipped" and state and state["state"] != "summarised":
        _close(lane, state, t)
        state = _state("summarised", t, describe(e))
    else:
        run.pair_lock(e, row)
    if kind in MARKED:
        marker = {"kind": MARKED[kind], "thread": thread, "t": t, "row": row}
        run.markers.append({**marker, "what": describe(e), "line": e.get("line")})
    run.states[thread] = state


def layout(events: list[dict], duration_ms: float | None = None) -> dict:
    events = [e for e in events if e.get("type") not in ("exit",)]
    t_end = max([duration_ms or 0.0] + [e["t"] for e in events] + [0.001])
    run = _Run()
    for row, e in enumerate(events):
        _track(run, e, row)
    for thread, state in run.states.items():
        if state is not None:
            _close(run.lanes[run.index[thread]], state, t_end)
    return geometry(run.lanes, run.markers, run.pairs, events, t_end)
