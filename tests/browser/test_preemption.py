"""Time slices still fire: preemption.js's Pyodide internals are there and do their job.

If Pyodide dropped the signal clock or the interrupt buffer, installPreemption throws
(naming the symbol; tests/js/preemption.test.js) and the harness never gets ready; if the
slices silently stopped, these programs would spin forever and the run would time out.
"""

from __future__ import annotations

import pytest

from tests.browser.threads_page import ThreadsPage, harness_server
from tests.programs import BOTH_SPIN


@pytest.fixture(scope="module")
def threads(browser):
    with harness_server() as server:
        context = browser.new_context()
        page = ThreadsPage(context.new_page(), server.url + "index.html")
        yield page
        assert page.errors == [], page.errors
        context.close()


@pytest.mark.parametrize("seed", [None, 7], ids=["wall-clock", "seeded"])
def test_a_spinning_thread_is_preempted_so_another_runs(threads, seed):
    result = threads.run(BOTH_SPIN, filename="spin.py", seed=seed)
    assert "error" not in result, result.get("error")
    assert result["stdout"] == "main ran while the other thread spun: True\n"
    outcome = result["outcome"]
    assert outcome["status"] == "ok" and outcome["preemptive"] is True
    assert outcome["switches"] >= 2
