"""The record step's timeline events: captured in CPython without editing examples."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitebuild import EXAMPLES_DIR
from sitebuild.examples import discover
from sitebuild.recorder import output_lines, record
from tests.unit.helpers import make_examples

EXAMPLES = discover(EXAMPLES_DIR)


def _run(examples, name):
    return record(discover(examples)[name])["runs"][0]


def _of(run, *types):
    return [e for e in run["events"] if e["type"] in types]


def test_create_threads_has_two_worker_lanes_and_b_ends_before_a():
    run = record(EXAMPLES["create_threads"])["runs"][0]
    starts = {e["thread"]: e for e in _of(run, "thread-start")}
    workers = {e["target"]: name for name, e in starts.items() if "target" in e}
    assert set(workers) == {"worker('A', 2)", "worker('B', 1)"}
    ends = {e["thread"]: e["t"] for e in _of(run, "thread-end")}
    a, b = workers["worker('A', 2)"], workers["worker('B', 1)"]
    assert ends[b] < ends[a]
    assert ends[a] - ends[b] > 500  # ms: A sleeps 2 s, B 1 s
    sleeps = {e["thread"]: e["seconds"] for e in _of(run, "sleep")}
    assert sleeps == {a: 2, b: 1}
    joins = _of(run, "wait")
    assert [(e["thread"], e["api"], e["obj"]) for e in joins] == [
        ("MainThread", "threading.Thread.join", a),
        ("MainThread", "threading.Thread.join", b),
    ]


def test_every_lock_release_pairs_with_the_next_acquire(tmp_path):
    source = (
        "import threading, time\n"
        "lock = threading.Lock()\n"
        "def work():\n"
        "    for _ in range(3):\n"
        "        with lock:\n"
        "            time.sleep(0.01)\n"
        "ts = [threading.Thread(target=work) for _ in range(3)]\n"
        "for t in ts: t.start()\n"
        "for t in ts: t.join()\n"
    )
    run = _run(make_examples(tmp_path, {"locks": source}), "locks")
    events = _of(run, "lock-acquire", "lock-release")
    assert len(events) == 18 and {e["lock"] for e in events} == {"Lock 1"}
    # A Lock alternates: each release is followed by the next acquire, and holders change.
    kinds = [e["type"] for e in events]
    assert kinds == ["lock-acquire", "lock-release"] * 9
    pairs = list(zip(events[1:-1:2], events[2::2], strict=True))
    assert all(rel["t"] <= acq["t"] for rel, acq in pairs)
    assert any(rel["thread"] != acq["thread"] for rel, acq in pairs)  # hand-offs happen
    waits = _of(run, "lock-wait")
    assert waits and all(e["line"] == 5 for e in waits)
    # Only the example's lock is traced: not the ones threading makes for Thread/Event.
    assert len({e["lock"] for e in _of(run, "lock-wait", "lock-acquire")}) == 1


def test_semaphore_event_condition_and_queue_waits_are_logged(tmp_path):
    source = (
        "import queue, threading\n"
        "sem = threading.BoundedSemaphore(1)\n"
        "ready = threading.Event()\n"
        "q = queue.Queue()\n"
        "def consumer():\n"
        "    ready.wait()\n"
        "    print(q.get())\n"
        "    with sem:\n"
        "        pass\n"
        "t = threading.Thread(target=consumer, name='C')\n"
        "t.start()\n"
        "with sem:\n"
        "    ready.set()\n"
        "    q.put('item')\n"
        "t.join()\n"
        "try:\n"
        "    sem.release()\n"
        "except ValueError as e:\n"
        "    print('ValueError:', e)\n"
    )
    run = _run(make_examples(tmp_path, {"sync": source}), "sync")
    assert run["stdout"] == "item\nValueError: Semaphore released too many times\n"
    kinds = [(e["thread"], e["type"]) for e in run["events"]]
    assert ("C", "event-wait") in kinds and ("MainThread", "event-set") in kinds
    assert ("MainThread", "queue-put") in kinds and ("C", "queue-get") in kinds
    releases = [e for e in _of(run, "lock-release") if e["lock"] == "BoundedSemaphore 1"]
    assert len(releases) == 2  # the failed extra release is not logged as one


@pytest.mark.parametrize(
    "name", ["create_threads", "lock_owner", "lock_timeout", "semaphore_bounded"]
)
def test_capture_does_not_change_what_an_example_prints(name):
    example = EXAMPLES[name]
    plain = subprocess.run(
        [sys.executable, example.path.name],
        cwd=example.path.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    captured = record(example)["runs"][0]
    assert captured["stdout"] == plain.stdout
    assert captured["stderr"] == plain.stderr
    assert (
        "".join(line["text"] + "\n" for line in output_lines(captured))
        == plain.stdout + plain.stderr
    )


def test_a_hot_lock_loop_is_counted_past_the_limit(tmp_path):
    source = (
        "import threading\n"
        "lock = threading.Lock()\n"
        "for _ in range(5000):\n"
        "    with lock:\n"
        "        pass\n"
        "print('done')\n"
    )
    run = _run(make_examples(tmp_path, {"hot": source}), "hot")
    assert run["stdout"] == "done\n"
    assert len(run["events"]) < 1100
    skipped = _of(run, "skipped")
    kept = len(_of(run, "lock-acquire"))
    counted = sum(e["counts"].get("lock-acquire", 0) for e in skipped)
    assert kept + counted == 5000  # summarised, not dropped
    assert [e["text"] for e in _of(run, "output")] == ["done"]


def test_a_thread_label_never_reprs_a_large_buffer_whole():
    # repr() of a 100 MB argument used to run inside the example's own timings (it made
    # gil_cpu_threads record 1.1 cores busy instead of 2.0).
    import importlib.util

    from sitebuild import ROOT

    spec = importlib.util.spec_from_file_location(
        "capture_sync", ROOT / "sitebuild/capture_sync.py"
    )
    capture_sync = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(capture_sync)

    class Huge(bytes):
        def __repr__(self):
            raise AssertionError("repr() of the whole buffer")

    label = capture_sync._brief(Huge(b"x" * 1000))
    assert label.startswith("b'x") and label.endswith("…") and len(label) < 40
    assert capture_sync._brief("short") == "'short'"
