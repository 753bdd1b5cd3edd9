"""Time slices still fire: preemption.js's Pyodide internals are there and do their job.

If Pyodide dropped the signal clock or the interrupt buffer, installPreemption throws,
naming the symbol (tests/js/preemption.test.js; on the page: the last test here); if the
slices silently stopped, the spinning programs here would never end.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_runner import RUN_TIMEOUT, block_of, examples_in_site
from tests.browser.threads_page import open_threads_page
from tests.programs import BOTH_SPIN

SIGNAL_CLOCK = 'Module["__Py_emscripten_signal_clock"]='


@pytest.fixture(scope="module")
def threads(browser):
    with open_threads_page(browser) as page:
        yield page


@pytest.mark.parametrize("seed", [None, 7], ids=["wall-clock", "seeded"])
def test_a_spinning_thread_is_preempted_so_another_runs(threads, seed):
    result = threads.run(BOTH_SPIN, filename="spin.py", seed=seed)
    assert "error" not in result, result.get("error")
    assert result["stdout"] == "main ran while the other thread spun: True\n"
    outcome = result["outcome"]
    assert outcome["status"] == "ok" and outcome["preemptive"] is True
    assert outcome["switches"] >= 2


def test_a_missing_pyodide_internal_is_named_on_the_page(open_page, site):
    """A Pyodide without the signal clock: Run says so, instead of threads never switching."""
    example = examples_in_site(site.site_dir, threads=False)[0]
    watched = open_page(example.path)
    page = watched.page

    def without_signal_clock(route):
        response = route.fetch()
        body = response.text()
        assert body.count(SIGNAL_CLOCK) == 1, "Pyodide changed: update this test"
        route.fulfill(response=response, body=body.replace(SIGNAL_CLOCK, 'Module["gone"]='))

    page.context.route("**/pyodide.asm.mjs", without_signal_clock)
    block = block_of(page, example.name)
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".runner")).to_have_attribute("data-state", "failed", timeout=RUN_TIMEOUT)
    expect(block.locator(".runner__status")).to_contain_text(
        "Pyodide internal Module.__Py_emscripten_signal_clock is missing"
    )
