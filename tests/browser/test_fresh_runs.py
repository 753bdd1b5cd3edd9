"""Every Run in the page is a fresh ``python file.py`` (issue 8).

Each program of tests/threads_corpus/ and tests/fresh_run_corpus/ (logging, atexit,
concurrent.futures, warnings, interpreter state) runs twice in one page, through the
site's own runner (session.js -> worker.js -> browser_runtime.execute): both runs must
print the same, and what CPython printed (recorded by tests/threads_corpus_record.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.runner_session import open_runner_session
from tests.threads_corpus_record import CORPUS, stderr_ends

FRESH = Path(__file__).parents[1] / "fresh_run_corpus"
CORPORA = (CORPUS, FRESH)
PROGRAMS = [(corpus, p.stem) for corpus in CORPORA for p in sorted(corpus.glob("*.py"))]


@pytest.fixture(scope="module")
def runner(browser, site):
    with open_runner_session(browser, site) as session:
        yield session


def test_fresh_run_corpus_is_recorded():
    expected = json.loads((FRESH / "expected.json").read_text())
    assert sorted(expected) == sorted(p.stem for p in FRESH.glob("*.py")), (
        "run python -m tests.threads_corpus_record tests/fresh_run_corpus"
    )


@pytest.mark.parametrize(("corpus", "name"), PROGRAMS, ids=[n for _, n in PROGRAMS])
def test_each_program_prints_the_same_twice_and_as_cpython(runner, corpus, name):
    expected = json.loads((corpus / "expected.json").read_text())[name]
    source = (corpus / f"{name}.py").read_text()
    first = runner.threaded(source, f"{name}.py")
    second = runner.threaded(source, f"{name}.py")
    for run in (first, second):
        assert run["result"].get("status") in ("ok", "exit", "error"), run
        assert run["stdout"] == expected["stdout"]
        assert stderr_ends(run["stderr"]) == expected["stderr_ends"]
        assert run["result"]["exit_code"] == expected["exit_code"]
    assert (second["stdout"], second["stderr"]) == (first["stdout"], first["stderr"])


def test_logging_records_name_the_emulated_thread(runner):
    source = (FRESH / "logging_thread_name.py").read_text()
    run = runner.threaded(source, "logging_thread_name.py")
    lines = ["worker-0: step 0", "worker-1: step 1", "worker-2: step 2", "MainThread: done"]
    assert run["stderr"].splitlines() == lines
    assert "handler lock is threading's: True" in run["stdout"]


def test_a_plain_run_gets_fresh_logging_too(runner):
    # No thread module imported: the plain runner, which must not keep run 1's handler.
    source = 'import logging\nlogging.basicConfig(format="%(message)s")\nlogging.warning("hi")\n'
    assert runner.run(source)["stderr"] == "hi\n"
    assert runner.run(source)["stderr"] == "hi\n"


def test_plain_runs_run_atexit_handlers_once(runner):
    source = "import atexit\natexit.register(print, 'bye')\nprint('main')\nraise SystemExit(2)\n"
    for _ in range(2):
        run = runner.run(source)
        assert run["stdout"] == "main\nbye\n"
        assert (run["result"]["status"], run["result"]["exit_code"]) == ("exit", 2)
