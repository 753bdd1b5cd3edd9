"""The timeline layout (events -> lanes, segments, markers, rows) and its SVG."""

from __future__ import annotations

import re

from sitebuild import RECORDED_DIR
from sitebuild.recorder import load_recording, recording_path
from sitebuild.timeline_geometry import MAX_ROWS, WIDTH
from sitebuild.timeline_html import render_recorded
from sitebuild.timeline_layout import layout
from tests.unit.threads_backend import run_captured


def _lanes(plan):
    return {lane["thread"]: lane for lane in plan["lanes"]}


def test_create_threads_b_lane_ends_left_of_a_lane():
    recording = load_recording(recording_path(RECORDED_DIR, "create_threads"))
    run = recording["runs"][0]
    plan = layout(run["events"], run["duration"] * 1000)
    by_target = {lane["target"]: lane for lane in plan["lanes"] if lane["target"]}
    a, b = by_target["worker('A', 2)"], by_target["worker('B', 1)"]
    assert b["ended"] and a["ended"]
    assert b["x1"] < a["x1"] - WIDTH / 4  # visibly shorter: 1 s against 2 s
    assert [s["state"] for s in a["segments"] if s["t1"] - s["t0"] > 100] == ["sleeping"]
    main = _lanes(plan)["MainThread"]
    assert any(s["state"] == "waiting" and "join" in s["what"] for s in main["segments"])
    assert plan["caption"].index(b["thread"]) < plan["caption"].index(a["thread"])
    assert len([m for m in plan["markers"] if m["kind"] == "output"]) == 4


HANDOFF = [
    {"type": "thread-start", "t": 0.0, "thread": "MainThread"},
    {"type": "thread-start", "t": 1.0, "thread": "A", "by": "MainThread"},
    {"type": "thread-start", "t": 1.0, "thread": "B", "by": "MainThread"},
    {"type": "lock-acquire", "t": 2.0, "thread": "A", "lock": "Lock 1", "line": 5},
    {"type": "lock-wait", "t": 3.0, "thread": "B", "lock": "Lock 1", "line": 5},
    {"type": "lock-release", "t": 10.0, "thread": "A", "lock": "Lock 1", "line": 5},
    {"type": "lock-acquire", "t": 11.0, "thread": "B", "lock": "Lock 1", "line": 5},
    {"type": "output", "t": 12.0, "thread": "B", "stream": "stdout", "text": "hi", "line": 7},
    {"type": "lock-release", "t": 13.0, "thread": "B", "lock": "Lock 1", "line": 5},
    {"type": "thread-end", "t": 14.0, "thread": "B"},
    {"type": "thread-end", "t": 15.0, "thread": "A"},
]


def test_a_lock_hand_off_names_who_released_and_who_got_it():
    plan = layout(HANDOFF)
    handoffs = [m for m in plan["markers"] if m["kind"] == "handoff"]
    assert len(handoffs) == 1 and plan["pairs"] == 1
    (h,) = handoffs
    assert h["thread"] == "B" and h["frm"] == "A"
    assert "released by A at 10.0 ms, acquired by B" in h["detail"]
    assert h["x0"] < h["x"] and h["y0"] != h["y"]  # an arrow from A's lane to B's
    b = _lanes(plan)["B"]
    waits = [s for s in b["segments"] if s["state"] == "waiting"]
    assert [(s["t0"], s["t1"]) for s in waits] == [(3.0, 11.0)]
    assert plan["rows"][6]["what"] == "acquired Lock 1"


def test_live_events_draw_with_the_same_layout():
    # The live runtime's stream (greenlet backend): sleep, then its resume event.
    run = run_captured(
        "import threading, time\n"
        "def nap():\n"
        "    time.sleep(0.2)\n"
        "    print('up')\n"
        "t = threading.Thread(target=nap, name='napper')\n"
        "t.start()\n"
        "t.join()\n"
    )
    resumes = run.of_type("resume")
    assert {(e["thread"], e["ok"]) for e in resumes} >= {("napper", True)}
    plan = layout(run.events)
    napper = _lanes(plan)["napper"]
    assert napper["target"] == "nap()"  # labelled as the recorder labels threads
    (printed,) = [m for m in plan["markers"] if m["kind"] == "output"]
    assert printed["line"] == 4 and printed["detail"].endswith("· napper · printed: up · line 4")
    sleeps = [s for s in napper["segments"] if s["state"] == "sleeping"]
    assert len(sleeps) == 1 and abs(sleeps[0]["t1"] - sleeps[0]["t0"] - 200) < 1
    main = _lanes(plan)["MainThread"]
    assert any(s["state"] == "waiting" for s in main["segments"])


def test_a_long_run_is_summarised_not_dropped():
    events = [{"type": "thread-start", "t": 0.0, "thread": "MainThread"}]
    for i in range(6000):  # 12,000 events: a wait and a wake-up, over and over
        events.append({"type": "lock-wait", "t": i * 1.0, "thread": "MainThread", "lock": "L"})
        events.append({"type": "lock-acquire", "t": i + 0.5, "thread": "MainThread", "lock": "L"})
    plan = layout(events)
    (lane,) = plan["lanes"]
    assert plan["aggregated"] and len(lane["segments"]) <= 160
    assert "segments)" in lane["segments"][0]["what"]
    assert len(plan["rows"]) == MAX_ROWS
    hidden = dict(item.split(" × ")[::-1] for item in plan["hidden"])
    assert (
        int(hidden["lock-wait"].replace(",", ""))
        + sum(r["what"].startswith("waits") for r in plan["rows"])
        == 6000
    )


def test_svg_and_table_agree_and_text_is_escaped():
    events = HANDOFF + [
        {"type": "output", "t": 14.5, "thread": "A", "stream": "stdout", "text": "<b>&</b>"}
    ]
    html = str(render_recorded({"python": {"version": "3.11"}, "runs": [{"events": events}]}, "t1"))
    assert "<b>&</b>" not in html and "&lt;b&gt;&amp;&lt;/b&gt;" in html
    rows = re.findall(r'<tr data-row="(\d+)">', html)
    assert len(rows) == len(events)
    for row in re.findall(r'class="tl-marker[^"]*"[^>]*data-row="(\d+)"', html):
        assert row in rows
    assert html.count('class="tl-marker ') == 3  # two lines printed, one hand-off
    assert 'tabindex="0"' in html and html.count('tabindex="0"') == 1


def test_after_its_end_a_thread_gets_markers_but_no_bars():
    # CPython joins a pool's threads at exit, after the main script (its lane) ended.
    events = [
        {"type": "thread-start", "t": 0.0, "thread": "MainThread"},
        {"type": "thread-end", "t": 10.0, "thread": "MainThread"},
        {"type": "wait", "t": 11.0, "thread": "MainThread", "api": "threading.Thread.join"},
        {"type": "resume", "t": 12.0, "thread": "MainThread"},
        {"type": "output", "t": 13.0, "thread": "MainThread", "stream": "stdout", "text": "x"},
    ]
    (lane,) = layout(events)["lanes"]
    assert [(s["state"], s["t0"], s["t1"]) for s in lane["segments"]] == [("running", 0.0, 10.0)]
    assert lane["t1"] == 10.0
    assert [m["kind"] for m in layout(events)["markers"]] == ["output"]


def test_a_pool_worker_thread_is_labelled_by_its_name_only():
    recording = load_recording(recording_path(RECORDED_DIR, "thread_results"))
    plan = layout(recording["runs"][0]["events"])
    targets = {lane["thread"]: lane["target"] for lane in plan["lanes"]}
    pool = [name for name in targets if name.startswith("ThreadPoolExecutor")]
    assert pool and all(targets[name] == "" for name in pool)
    assert targets["Thread-1 (store_square)"] == "store_square(0)"
