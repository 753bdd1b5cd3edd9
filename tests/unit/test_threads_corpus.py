"""Every program in tests/threads_corpus/ prints what CPython printed, on the cooperative
runtime: the standard library's threading.py (and queue, concurrent.futures) of this
interpreter running unchanged on the runtime's ``_thread``."""

from __future__ import annotations

import json
import sys

import pytest

from browser_runtime.threads import locks
from tests.threads_corpus_record import CORPUS, EXPECTED, stderr_ends
from tests.unit.threads_backend import run_captured

EXPECTED_RUNS = json.loads(EXPECTED.read_text())
PROGRAMS = sorted(CORPUS.glob("*.py"))


def test_every_program_has_a_recording_and_every_recording_a_program():
    assert sorted(EXPECTED_RUNS) == [p.stem for p in PROGRAMS]


def test_recordings_come_from_this_python_minor_version():
    # The recorded stderr/stdout follow the recording interpreter's threading.py.
    recorded = {run["python"].rsplit(".", 1)[0] for run in EXPECTED_RUNS.values()}
    assert recorded == {f"{sys.version_info.major}.{sys.version_info.minor}"}


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
@pytest.mark.parametrize("with_events", [False, True], ids=["plain", "events"])
def test_program_matches_cpython(program, with_events):
    expected = EXPECTED_RUNS[program.stem]
    run = run_captured(program.read_text(), str(program), events=with_events)
    assert run.outcome.status == "ok"
    assert run.stdout == expected["stdout"]
    assert run.outcome.exit_code == expected["exit_code"]
    assert stderr_ends(run.stderr) == expected["stderr_ends"]


def test_the_program_runs_on_the_runtime_lock_and_a_fresh_threading():
    original_threading = sys.modules["threading"]
    seen = {}
    run = run_captured(
        """
        import _thread, sys, threading
        seen["lock"] = threading.Lock()
        seen["threading"] = threading
        seen["_thread"] = sys.modules["_thread"]
        """,
        extra_globals={"seen": seen},
    )
    assert run.outcome.exit_code == 0, run.stderr
    assert type(seen["lock"]) is locks.lock
    assert seen["threading"] is not original_threading
    assert seen["threading"].__file__ == original_threading.__file__  # the stdlib's own file
    assert seen["_thread"] is not sys.modules["_thread"]
