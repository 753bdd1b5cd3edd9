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


def _lane(lanes, index, thread, t):
    if thread not in index:
        index[thread] = len(lanes)
        lanes.append({"thread": thread, "target": "", "t0": t, "t1": None, "segs": []})
    return lanes[index[thread]]


def _state(state, t, what="", line=None):
    if state == "summarised" and not what:
        what = "events past the recording's limit: counted, not drawn (see the table)"
    return {"state": state, "t0": t, "what": what, "line": line}


def _close(lane, state, t):
    if state and t > state["t0"]:
        lane["segs"].append({**state, "t1": t})


def layout(events: list[dict], duration_ms: float | None = None) -> dict:
    events = [e for e in events if e.get("type") not in ("exit",)]
    t_end = max([duration_ms or 0.0] + [e["t"] for e in events] + [0.001])
    lanes: list[dict] = []
    index: dict[str, int] = {}
    states: dict[str, dict | None] = {}
    markers, pairs, released = [], [], {}
    first = "running"  # after the first "skipped": states are counted, not known
    for row, e in enumerate(events):
        kind, t, thread = e["type"], e["t"], e.get("thread")
        if kind == "skipped" and first == "running":
            first = "summarised"
            for name, open_state in states.items():
                if open_state is not None and open_state["state"] != "summarised":
                    _close(lanes[index[name]], open_state, t)
                    states[name] = _state(first, t)
        if thread is None:
            continue
        lane = _lane(lanes, index, thread, t)
        state = states.get(thread, _state(first, lane["t0"]))
        if kind == "thread-start":
            lane["t0"] = min(lane["t0"], t)
            lane["target"] = e.get("target") or ""
            states[thread] = _state(first, t)
            continue
        if state and state["state"] in ("sleeping", "waiting") and kind != "skipped":
            _close(lane, state, t)  # any event of its own ends a wait
            state = _state("running", t)
        if kind == "sleep" or kind in WAIT_TYPES:
            _close(lane, state, t)
            what = "sleeping" if kind == "sleep" else "waiting"
            state = {"state": what, "t0": t, "what": describe(e), "line": e.get("line")}
        elif kind == "thread-end":
            _close(lane, state, t)
            lane["t1"], state = t, None
        elif kind == "skipped" and state and state["state"] != "summarised":
            _close(lane, state, t)
            state = _state("summarised", t, describe(e))
        elif kind == "lock-release":
            released[e.get("lock")] = (thread, t, row)
        elif kind == "lock-acquire" and e.get("lock") in released:
            frm, t_rel, rel_row = released.pop(e.get("lock"))
            pairs.append(
                {
                    "lock": e["lock"],
                    "frm": frm,
                    "to": thread,
                    "t0": t_rel,
                    "t1": t,
                    "rows": [rel_row, row],
                    "line": e.get("line"),
                }
            )
        if kind in MARKED:
            markers.append(
                {
                    "kind": MARKED[kind],
                    "thread": thread,
                    "t": t,
                    "row": row,
                    "what": describe(e),
                    "line": e.get("line"),
                }
            )
        states[thread] = state
    for thread, state in states.items():
        lane = lanes[index[thread]]
        if state is not None:
            _close(lane, state, t_end)
    return geometry(lanes, markers, pairs, events, t_end)
