"""browser_runtime.threads in Chromium: unmodified threading programs, compared with CPython."""

from __future__ import annotations

import json

import pytest

from tests.browser.threads_page import ThreadsPage, harness_server
from tests.programs import BARRIER_DEADLOCK as DEADLOCK
from tests.programs import RACE_PLUS_EQUALS as TIGHT
from tests.programs import RACE_READ_CALL_WRITE as RACE
from tests.programs import RACE_WITH_SLEEPS as SLEEPY_RACE
from tests.programs import SLEEP_FOREVER as SLEEPY
from tests.programs import SPIN_FOREVER as SPIN
from tests.threads_corpus_record import CORPUS, EXPECTED, stderr_ends

EXPECTED_OUTPUT = json.loads(EXPECTED.read_text())
PROGRAMS = sorted(p.stem for p in CORPUS.glob("*.py"))


@pytest.fixture(scope="module")
def server():
    with harness_server() as srv:
        yield srv


@pytest.fixture(scope="module")
def threads(browser, server):
    context = browser.new_context()
    page = ThreadsPage(context.new_page(), server.url + "index.html")
    yield page
    assert page.errors == [], page.errors
    context.close()


def test_corpus_is_recorded():
    assert len(PROGRAMS) >= 20
    assert sorted(EXPECTED_OUTPUT) == PROGRAMS, "run python -m tests.threads_corpus_record"


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_cpython(threads, name):
    result = threads.run((CORPUS / f"{name}.py").read_text(), filename=f"{name}.py")
    expected = EXPECTED_OUTPUT[name]
    assert "error" not in result, result.get("error")
    assert result["stdout"] == expected["stdout"]
    assert stderr_ends(result["stderr"]) == expected["stderr_ends"]
    assert result["outcome"]["exit_code"] == expected["exit_code"]
    assert result["outcome"]["status"] == "ok"


def test_deadlock_is_reported_with_places(threads):
    result = threads.run(DEADLOCK, filename="deadlock.py")
    outcome = result["outcome"]
    assert outcome["status"] == "deadlock"
    assert result["stdout"] == ""
    by_thread = {e["thread"]: e for e in outcome["deadlock"]}
    assert by_thread["one"]["line"] == 7 and by_thread["one"]["held_by"] == "two"
    assert by_thread["two"]["line"] == 12 and by_thread["two"]["held_by"] == "one"
    assert by_thread["MainThread"]["waiting_for"] == "threading.Thread.join()"
    assert by_thread["MainThread"]["file"] == "deadlock.py"
    assert "Deadlock: every thread is blocked" in result["stderr"]
    assert any(e["type"] == "deadlock" for e in result["events"])


@pytest.mark.parametrize("source", [SPIN, SLEEPY], ids=["busy", "sleeping"])
def test_stop_ends_a_run(threads, source):
    threads.start(source)
    threads.page.wait_for_timeout(500)
    threads.stop()
    result = threads.finish()
    assert result["outcome"]["status"] == "stopped"
    # The worker is usable afterwards, with fresh threading state.
    after = threads.run("import threading\nprint(threading.active_count())")
    assert after["stdout"] == "1\n"


def test_same_seed_same_interleaving(threads):
    first = threads.run(RACE, seed=1234, events=False)
    second = threads.run(RACE, seed=1234, events=False)
    assert first["outcome"]["seed"] == 1234
    assert first["stdout"] == second["stdout"]
    assert int(first["stdout"]) < 400_000  # read-call-write loses updates, as on CPython 3.13


def _schedule(result) -> list:
    """What a replay must reproduce: every switch and every line, in order."""
    return [
        (e["type"], e["thread"], e.get("frm") or e.get("text"))
        for e in result["events"]
        if e["type"] in ("switch", "output")
    ]


def test_same_seed_replays_a_program_that_sleeps(threads):
    first = threads.run(SLEEPY_RACE, seed=2024)
    second = threads.run(SLEEPY_RACE, seed=2024)
    assert first["outcome"]["status"] == "ok", first
    assert first["stdout"] == second["stdout"]
    assert _schedule(first) == _schedule(second)
    assert sum(kind == "switch" for kind, *_ in _schedule(first)) > 20
    assert int(first["stdout"].splitlines()[-1]) < 450_000  # the race did lose updates
    assert first["elapsed"] >= 0.012  # the sleeps still took (about) their wall time


def test_sleep_in_a_seeded_run_takes_its_wall_time(threads):
    result = threads.run(
        "import threading, time\n"
        "def nap():\n"
        "    t0 = time.monotonic(); time.sleep(0.5); print(round(time.monotonic() - t0, 1))\n"
        "t = threading.Thread(target=nap); t.start(); t.join()\n",
        seed=5,
    )
    assert result["stdout"] == "0.5\n"


def test_gil_mode_tight_loop_loses_nothing(threads):
    result = threads.run(TIGHT, seed=7, events=False)
    assert result["stdout"] == "80000\n"
    assert result["outcome"]["mode"] == "gil"


def test_anywhere_mode_can_lose_updates_and_replays(threads):
    first = threads.run(TIGHT, mode="anywhere", seed=99, events=False)
    second = threads.run(TIGHT, mode="anywhere", seed=99, events=False)
    assert first["outcome"]["mode"] == "anywhere"
    assert int(first["stdout"]) < 80_000
    assert first["stdout"] == second["stdout"]


def test_event_stream_names_threads_and_lines(threads):
    result = threads.run((CORPUS / "sleepers.py").read_text(), filename="sleepers.py")
    events = result["events"]
    kinds = {e["type"] for e in events}
    assert {"thread-start", "thread-end", "sleep", "switch", "output", "exit"} <= kinds
    outputs = [(e["thread"], e["text"]) for e in events if e["type"] == "output"]
    assert outputs == [
        ("Thread-2 (sleeper)", "B woke after 0.1s"),
        ("Thread-1 (sleeper)", "A woke after 0.3s"),
        ("MainThread", "both done"),
    ]
    times = [e["t"] for e in events]
    assert times == sorted(times)


def test_no_jspi_gives_a_reason(browser, server):
    context = browser.new_context()
    try:
        page = ThreadsPage(context.new_page(), server.url + "index.html?nojspi=1")
        assert page.ready["jspi"] is False
        result = page.run("print('hi')")
        assert "JSPI" in result["unavailable"]
    finally:
        context.close()
