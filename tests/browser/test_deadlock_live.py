"""The deadlocks page: its detection example, edited into a real deadlock, is reported live.

The page tells readers to set both patiences to -1 ("wait forever") and press Run; CPython
would hang, the page must report each thread's wait instead.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sitebuild import EXAMPLES_DIR
from tests.browser.site_page import site_page
from tests.browser.test_runner import RUN_TIMEOUT, block_of, output_of, replace_code

NAME = "deadlock_timeout"


@pytest.fixture(scope="module")
def deadlocks_page(browser, site):
    with site_page(browser, site, "deadlocks/") as watched:
        yield watched


def test_waiting_forever_is_reported_as_a_deadlock(deadlocks_page):
    source = (EXAMPLES_DIR / f"{NAME}.py").read_text("utf-8")
    edited = source.replace('"B", 0.5)', '"B", -1)').replace('"A", 2)', '"A", -1)')
    assert edited.count("-1)") == 2, "the example no longer has the patiences the page names"
    block = block_of(deadlocks_page.page, NAME)
    replace_code(block, edited)
    block.get_by_role("button", name="Run", exact=True).click()
    runner = block.locator(".runner")
    expect(runner).to_have_attribute("data-state", "deadlock", timeout=RUN_TIMEOUT)
    out = output_of(block).inner_text()
    assert "one: holds A, wants B" in out and "two: holds B, wants A" in out
    report = out[out.index("Deadlock") :]
    # Each worker waits in acquire() on the line of the example, for a lock the other holds.
    line = 1 + source.splitlines().index(
        next(s for s in source.splitlines() if "acquire(timeout=patience)" in s)
    )
    assert "one waits in" in report and "(held by two)" in report, report
    assert "two waits in" in report and "(held by one)" in report, report
    assert f":{line}" in report, report
    expect(block.locator(".runner__status")).to_contain_text("Deadlock")
    deadlocks_page.assert_clean()
