"""The recorder: what it stores, and how it fails without losing anything."""

from __future__ import annotations

import json

import pytest

from sitebuild.examples import discover
from sitebuild.recorder import RecordError, output_lines, record, record_all, recording_path
from tests.programs import SLEEPING_WORKERS as THREADED
from tests.unit.helpers import make_examples


def test_recording_has_output_lines_threads_and_provenance(tmp_path):
    examples = make_examples(tmp_path, {"two": THREADED})
    rec = record(discover(examples)["two"])
    run = rec["runs"][0]
    assert run["exit_code"] == 0
    assert run["stdout"] == "worker 1 done\nworker 2 done\nmain done\n"
    assert [(line["thread"], line["text"]) for line in output_lines(run)] == [
        ("W1", "worker 1 done"),
        ("W2", "worker 2 done"),
        ("MainThread", "main done"),
    ]
    times = [line["t"] for line in output_lines(run)]
    assert times == sorted(times) and 0.04 < times[0] < times[1]
    assert rec["python"]["implementation"] == "CPython"
    assert rec["python"]["build"] in ("GIL", "free-threaded")
    assert rec["source_sha256"] == discover(examples)["two"].sha256


def test_traceback_starts_in_the_example_and_exit_code_is_kept(tmp_path):
    source = "print('before')\nraise ValueError('boom')\n"
    examples = make_examples(tmp_path, {"crash": source}, "[crash]\nexit_code = 1\n")
    run = record(discover(examples)["crash"])["runs"][0]
    assert run["exit_code"] == 1
    assert run["stderr"].startswith("Traceback (most recent call last):\n")
    assert 'File "crash.py", line 2, in <module>' in run["stderr"]
    assert "runpy" not in run["stderr"] and "capture.py" not in run["stderr"]
    assert [line["stream"] for line in output_lines(run)][-1] == "stderr"


def test_crashing_example_fails_and_keeps_the_old_recording(tmp_path):
    examples = make_examples(tmp_path, {"ex": "print('v1')\n"})
    recorded = tmp_path / "recorded"
    assert record_all(examples, recorded, log=lambda *_: None) == []
    before = recording_path(recorded, "ex").read_text()

    (examples / "ex.py").write_text("print('v2')\n1 / 0\n")
    errors = record_all(examples, recorded, log=lambda *_: None)
    assert len(errors) == 1
    assert "example ex" in errors[0] and "exited with code 1, expected 0" in errors[0]
    assert "ZeroDivisionError" in errors[0]
    assert recording_path(recorded, "ex").read_text() == before


def test_example_over_its_time_limit_fails(tmp_path):
    examples = make_examples(
        tmp_path, {"slow": "import time\ntime.sleep(30)\n"}, "[slow]\ntimeout = 0.5\n"
    )
    with pytest.raises(RecordError, match=r"slow .*did not finish within its time limit of 0.5 s"):
        record(discover(examples)["slow"])


def test_only_changed_examples_are_rerun(tmp_path):
    examples = make_examples(tmp_path, {"a": "print('a')\n", "b": "print('b')\n"})
    recorded = tmp_path / "recorded"
    record_all(examples, recorded, log=lambda *_: None)
    (examples / "b.py").write_text("print('B')\n")
    log: list[str] = []
    assert record_all(examples, recorded, log=log.append) == []
    assert any(m.startswith("[1/2] a: unchanged") for m in log)
    assert any(m.startswith("[2/2] b: recorded") for m in log)
    assert json.loads(recording_path(recorded, "b").read_text())["runs"][0]["stdout"] == "B\n"


def test_several_runs_are_all_kept(tmp_path):
    source = "import random\nprint(random.choice('xyz'))\n"
    examples = make_examples(tmp_path, {"r": source}, "[r]\nruns = 3\n")
    rec = record(discover(examples)["r"])
    assert len(rec["runs"]) == 3
    assert all(run["stdout"].strip() in "xyz" for run in rec["runs"])


def test_daemon_thread_output_and_partial_line_are_logged(tmp_path):
    source = (
        "import sys, threading, time\n"
        "threading.Thread(target=lambda: (time.sleep(5), print('never')), daemon=True).start()\n"
        "sys.stdout.write('no newline')\n"
    )
    examples = make_examples(tmp_path, {"d": source})
    run = record(discover(examples)["d"])["runs"][0]
    assert run["stdout"] == "no newline"
    assert [line["text"] for line in output_lines(run)] == ["no newline"]
    assert run["duration"] < 4  # the daemon thread's sleep did not hold up exit
