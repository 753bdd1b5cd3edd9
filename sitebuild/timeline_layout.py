"""Events -> a swim-lane layout: lanes, state segments, markers, hand-offs, table rows.

Pure data (JSON-ready), with geometry in SVG user units, drawn by the
``timeline.html`` template at build time. overrides/assets/js/timeline/layout.js is
the same algorithm for live runs; a browser test feeds both the same recorded events
and compares the results, so this file and that one change together.

A thread is *running* (or ready to run) unless it is in a blocking call: *sleeping*
from ``sleep`` to its wake-up, *waiting* from a lock/event/join/queue wait to its
wake-up. A blocked thread emits nothing, so any later event of its own also ends the
wait (the live stream has no wake-up event for every wait). Long runs are summarised:
past MAX_SEGMENTS a lane is drawn in bins (each bin's main state), past MAX_MARKERS
markers are counted per bin, past MAX_ROWS the table counts the rest by type.
"""

from __future__ import annotations

from sitebuild.timeline_bins import bin_markers, bin_segments
from sitebuild.timeline_text import WAIT_TYPES, describe, fmt_ms

WIDTH, PAD, LANE_H, BAR_Y, BAR_H, TOP, AXIS_H = 640, 8, 46, 18, 18, 4, 26
MAX_SEGMENTS, MAX_MARKERS, MAX_ROWS = 400, 300, 400
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
                    states[name] = _state(first, t, describe(e))
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
    return _geometry(lanes, markers, pairs, events, t_end)


def _geometry(lanes, markers, pairs, events, t_end) -> dict:
    scale = (WIDTH - 2 * PAD) / t_end
    x = lambda t: round(PAD + t * scale, 2)  # noqa: E731
    bar = lambda i: TOP + i * LANE_H + BAR_Y  # noqa: E731
    index = {lane["thread"]: i for i, lane in enumerate(lanes)}
    handoffs = [p for p in pairs if p["frm"] != p["to"]]
    for p in handoffs:
        text = f"{p['lock']}: released by {p['frm']} at {fmt_ms(p['t0'])}, acquired by {p['to']}"
        markers.append(
            {
                "kind": "handoff",
                "thread": p["to"],
                "t": p["t1"],
                "row": p["rows"][1],
                "what": text,
                "line": None,
                "frm": p["frm"],
                "t0": p["t0"],
            }
        )
    markers.sort(key=lambda m: (m["t"], m["row"]))
    aggregated = len(markers) > MAX_MARKERS
    if aggregated:
        markers = bin_markers(markers, t_end)
    out_lanes = []
    for i, lane in enumerate(lanes):
        segs = lane["segs"]
        if len(segs) > MAX_SEGMENTS:
            segs, aggregated = bin_segments(segs, t_end), True
        y = bar(i)
        t1 = lane["t1"] if lane["t1"] is not None else t_end
        out_lanes.append(
            {
                "thread": lane["thread"],
                "target": lane["target"],
                "t0": lane["t0"],
                "t1": t1,
                "ended": lane["t1"] is not None,
                "y": y,
                "label_y": y - 5,
                "x0": x(lane["t0"]),
                "x1": x(t1),
                "segments": [
                    {
                        **s,
                        "x": x(s["t0"]),
                        "w": max(round((s["t1"] - s["t0"]) * scale, 2), 0.6),
                        "y": y if s["state"] in ("running", "summarised") else y + 4,
                        "h": BAR_H if s["state"] in ("running", "summarised") else BAR_H - 8,
                    }
                    for s in segs
                ],
            }
        )
    for lane in out_lanes:
        for s in lane["segments"]:
            s["title"] = _title(lane["thread"], s)
    for m in markers:
        lane_y = bar(index[m["thread"]]) + BAR_H / 2
        line = f" · line {m['line']}" if m["line"] else ""
        m.update(
            {
                "x": x(m["t"]),
                "y": lane_y,
                "detail": f"{fmt_ms(m['t'])} · {m['thread']} · {m['what']}{line}",
            }
        )
        if m["kind"] == "handoff" and "frm" in m:
            m.update({"x0": x(m["t0"]), "y0": bar(index[m["frm"]]) + BAR_H / 2})
    height = TOP + len(lanes) * LANE_H + AXIS_H
    return {
        "width": WIDTH,
        "height": height,
        "t_end": t_end,
        "aggregated": aggregated,
        "lanes": out_lanes,
        "markers": markers,
        "pairs": len(pairs),
        "ticks": _ticks(t_end, x, height - AXIS_H + 4),
        "rows": _rows(events),
        "hidden": _hidden(events),
        "caption": _caption(out_lanes, t_end),
    }


def _title(thread, s) -> str:
    what = f": {s['what']}" if s["what"] else ""
    line = f" (line {s['line']})" if s.get("line") else ""
    return f"{thread} {s['state']} {fmt_ms(s['t0'])} – {fmt_ms(s['t1'])}{what}{line}"


def _ticks(t_end, x, y) -> list[dict]:
    step = next(
        s
        for s in (
            0.1,
            0.2,
            0.5,
            1,
            2,
            5,
            10,
            20,
            50,
            100,
            200,
            500,
            1000,
            2000,
            5000,
            10000,
            20000,
            60000,
            1e9,
        )
        if t_end / s <= 6
    )
    return [
        {"x": x(i * step), "y": y, "text": fmt_ms(i * step) if i else "0"}
        for i in range(int(t_end / step) + 1)
    ]


def _rows(events) -> list[dict]:
    return [
        {
            "t": fmt_ms(e["t"]),
            "thread": e.get("thread") or "",
            "what": describe(e),
            "line": e.get("line") or "",
        }
        for e in events[:MAX_ROWS]
    ]


def _hidden(events) -> list[str]:
    """The events past MAX_ROWS, counted by type: summarised, not dropped."""
    counts: dict[str, int] = {}
    for e in events[MAX_ROWS:]:
        counts[e["type"]] = counts.get(e["type"], 0) + 1
    return [f"{n:,} × {kind}" for kind, n in sorted(counts.items())]


def _caption(lanes, t_end) -> str:
    ends = [
        f"{lane['thread']} ended at {fmt_ms(lane['t1'])}"
        for lane in sorted(lanes, key=lambda lane: lane["t1"])
        if lane["ended"]
    ]
    threads = f"{len(lanes)} thread{'s' if len(lanes) != 1 else ''} over {fmt_ms(t_end)}"
    return f"{threads}. " + ("; ".join(ends) + "." if ends else "")
