"""The GIL, measured: a bar chart and a table drawn at build time from a recording.

``{{ gil_chart("gil_measured") }}`` reads the example's recorded runs (lines such as
``cpu threads: 1.08 s`` and ``cores: 2``), takes the median of each time over the runs,
and renders an inline SVG plus a table of the same numbers. No figure is typed by hand.
"""

from __future__ import annotations

import re
from statistics import median

from sitebuild import EXAMPLES_DIR, RECORDED_DIR, examples, templating
from sitebuild.examples import ExampleError
from sitebuild.recorder import is_current, load_recording, recording_path

TIME_LINE = re.compile(r"^(cpu|io) (sequential|threads|processes): (\d+(?:\.\d+)?) s$")
CORES_LINE = re.compile(r"^cores: (\d+)$")
KINDS = {"cpu": "CPU-bound (pure Python)", "io": "I/O-bound (waiting)"}
WAYS = ("sequential", "threads", "processes")
# SVG geometry, in user units (the SVG scales to the column width).
LABEL_WIDTH, BAR_MAX, BAR_HEIGHT, GAP, GROUP_GAP = 110, 300, 18, 6, 30


def measurements(recording: dict) -> tuple[int, dict[str, dict[str, float]]]:
    """(cores, {kind: {way: median seconds}}) from every recorded run."""
    samples: dict[tuple[str, str], list[float]] = {}
    cores = set()
    for run in recording["runs"]:
        for line in run["stdout"].splitlines():
            if match := TIME_LINE.match(line):
                samples.setdefault((match[1], match[2]), []).append(float(match[3]))
            elif match := CORES_LINE.match(line):
                cores.add(int(match[1]))
    missing = [f"{k} {w}" for k in KINDS for w in WAYS if (k, w) not in samples]
    if missing or len(cores) != 1:
        lacks = missing or "one 'cores:' line"
        raise ExampleError(f"gil_chart({recording['example']!r}): the recording lacks {lacks}")
    return cores.pop(), {k: {w: median(samples[(k, w)]) for w in WAYS} for k in KINDS}


def bars(times: dict[str, dict[str, float]]) -> tuple[list[dict], int]:
    """Bar positions for the template, and the SVG's height."""
    longest = max(t for per_way in times.values() for t in per_way.values()) or 1.0
    rows, y = [], 0
    for kind, label in KINDS.items():
        rows.append({"heading": label, "y": y + 14})
        y += 22
        for way in WAYS:
            seconds = times[kind][way]
            width = max(1, round(BAR_MAX * seconds / longest))
            rows.append({"way": way, "seconds": seconds, "y": y, "width": width})
            y += BAR_HEIGHT + GAP
        y += GROUP_GAP - GAP
    return rows, y


def render(name: str, examples_dir=EXAMPLES_DIR, recorded_dir=RECORDED_DIR) -> str:
    example = examples.get(examples_dir, name)
    recording = load_recording(recording_path(recorded_dir, name))
    if not is_current(recording, example.sha256):
        raise ExampleError(f"gil_chart({name!r}): recording missing or stale; run `make record`")
    cores, times = measurements(recording)
    rows, height = bars(times)
    python = recording.get("python", {})
    return templating.render(
        "gil_chart.html",
        rows=rows,
        height=height,
        times=times,
        kinds=KINDS,
        ways=WAYS,
        cores=cores,
        runs=len(recording["runs"]),
        version=python.get("version", "?"),
        build="free-threaded build" if python.get("build") == "free-threaded" else "GIL build",
        label_width=LABEL_WIDTH,
        bar_max=BAR_MAX,
        bar_height=BAR_HEIGHT,
        date=recording.get("recorded_at", "")[:10],
    )
