"""Layout geometry for the timeline: x/y in SVG user units, titles, axis, table rows.

Part of timeline_layout.py's result (mirrored by overrides/assets/js/timeline/
geometry.js). Long runs are summarised: past MAX_SEGMENTS a lane is drawn in bins
(each bin's main state), past MAX_MARKERS markers are counted per bin, past MAX_ROWS
the table counts the rest by type.
"""

from __future__ import annotations

from sitebuild.timeline_bins import bin_markers, bin_segments
from sitebuild.timeline_text import describe, fmt_ms

WIDTH, PAD, LANE_H, BAR_Y, BAR_H, TOP, AXIS_H = 640, 8, 46, 18, 18, 4, 26
MAX_SEGMENTS, MAX_MARKERS, MAX_ROWS = 400, 300, 400
# Axis tick spacings (ms): the first that gives at most 6 intervals.
STEPS = (
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


def geometry(lanes, markers, pairs, events, t_end) -> dict:
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
                "line": p["line"],
                "frm": p["frm"],
                "t0": p["t0"],
            }
        )
    markers.sort(key=lambda m: (m["t"], m["row"]))
    aggregated = len(markers) > MAX_MARKERS
    if aggregated:
        markers = bin_markers(markers, t_end, MAX_MARKERS)
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
        "summarised": any(
            s["state"] == "summarised" for lane in out_lanes for s in lane["segments"]
        ),
        "caption": _caption(out_lanes, t_end),
    }


def _title(thread, s) -> str:
    what = f": {s['what']}" if s["what"] else ""
    line = f" (line {s['line']})" if s.get("line") else ""
    return f"{thread} {s['state']} {fmt_ms(s['t0'])} – {fmt_ms(s['t1'])}{what}{line}"


def _ticks(t_end, x, y) -> list[dict]:
    step = next(s for s in STEPS if t_end / s <= 6)
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
    starts = [s["t0"] for lane in lanes for s in lane["segments"] if s["state"] == "summarised"]
    counted = (
        f" From {fmt_ms(min(starts))} on, events were counted rather than logged one by one:"
        " those parts are drawn summarised (the table says how many)."
        if starts
        else ""
    )
    return f"{threads}. " + ("; ".join(ends) + "." if ends else "") + counted
