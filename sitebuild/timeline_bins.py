"""Summaries of a long run for the timeline: many segments or markers -> a few bins.

Used by timeline_layout.py (and mirrored in overrides/assets/js/timeline/bins.js).
Nothing is dropped: a bin says how many of what it stands for.
"""

from __future__ import annotations

BINS = 160
ORDER = ("running", "waiting", "sleeping", "summarised")


def bin_segments(segments: list[dict], t_end: float) -> list[dict]:
    """Each bin drawn in the state its thread spent the most time in, adjacent equal
    bins merged; ``what`` says the mix and how many segments the bin stands for."""
    width = t_end / BINS
    time = [dict.fromkeys(ORDER, 0.0) for _ in range(BINS)]
    count = [0] * BINS
    for s in segments:
        first, last = int(s["t0"] / width), min(int(s["t1"] / width), BINS - 1)
        count[min(first, BINS - 1)] += 1
        for b in range(min(first, BINS - 1), last + 1):
            overlap = min(s["t1"], (b + 1) * width) - max(s["t0"], b * width)
            time[b][s["state"]] += max(overlap, 0.0)
    out: list[dict] = []
    for b in range(BINS):
        total = sum(time[b].values())
        if not total:
            continue
        main = max(ORDER, key=lambda k: time[b][k])
        if out and out[-1]["state"] == main and out[-1]["t1"] >= b * width - 1e-9:
            out[-1]["t1"] = (b + 1) * width
            out[-1]["n"] += count[b]
            for k in ORDER:
                out[-1]["mix"][k] += time[b][k]
            continue
        out.append(
            {
                "state": main,
                "t0": b * width,
                "t1": (b + 1) * width,
                "n": count[b],
                "mix": dict(time[b]),
                "line": None,
                "row": None,
            }
        )
    for s in out:
        total = sum(s["mix"].values())
        mix = ", ".join(f"{s['mix'][k] / total:.0%} {k}" for k in ORDER if s["mix"][k])
        s["what"] = f"mostly {s['state']} ({mix}; {s['n']:,} segments)"
        del s["mix"], s["n"]
    return out


def bin_markers(markers: list[dict], t_end: float, limit: int) -> list[dict]:
    """Markers of one kind on one lane within a bin become one marker with a count;
    bins are as wide as needed for about ``limit`` markers in all."""
    kinds = len({(m["thread"], m["kind"]) for m in markers})
    bins = max(4, min(BINS, limit // kinds))
    width = t_end / bins
    groups: dict[tuple, list[dict]] = {}
    for m in markers:
        key = (m["thread"], m["kind"], min(int(m["t"] / width), bins - 1))
        groups.setdefault(key, []).append(m)
    out = []
    for (thread, kind, _), group in groups.items():
        first = group[0]
        what = (
            first["what"] if len(group) == 1 else f"{len(group):,} × {kind}, first: {first['what']}"
        )
        out.append(
            {
                "kind": kind,
                "thread": thread,
                "t": first["t"],
                "row": first["row"],
                "what": what,
                "line": first["line"],
                "n": len(group),
            }
        )
    out.sort(key=lambda m: (m["t"], m["row"]))
    return out
