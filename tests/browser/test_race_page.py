"""The race page: recordings of 3.9 and 3.13 side by side, and the live race under the
CPython <= 3.9 schedule (its label says so), without touching the example's code."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.site_page import site_page
from tests.browser.test_runner import RUN_TIMEOUT, block_of, output_of


@pytest.fixture(scope="module")
def race_page(browser, site):
    with site_page(browser, site, "race-conditions/") as watched:
        yield watched
        watched.assert_clean()


def run(block) -> str:
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".runner")).to_have_attribute("data-state", "ok", timeout=RUN_TIMEOUT)
    return output_of(block).inner_text()


def test_recordings_side_by_side(race_page):
    figure = race_page.page.locator("#compare-race_counter")
    expect(figure).to_be_visible()
    cols = figure.locator(".version-compare__col")
    expect(cols).to_have_count(2)
    expect(cols.nth(0)).to_contain_text("CPython 3.9 (GIL build)")
    expect(cols.nth(1)).to_contain_text("CPython 3.13 (GIL build)")
    assert "lost updates: 0" not in cols.nth(0).inner_text()
    expect(cols.nth(1).locator("tbody tr")).to_have_count(10)
    assert cols.nth(1).inner_text().count("lost updates: 0") == 10


def test_page_leads_with_the_race_that_loses_updates_today(race_page):
    names = race_page.page.locator(".example[data-example]").evaluate_all(
        "blocks => blocks.map(b => b.dataset.example)"
    )
    assert names[0] == "race_read_call_write", names


def test_tight_loop_loses_updates_live_under_the_39_schedule(race_page):
    block = block_of(race_page.page, "race_counter")
    block.locator(".runner__sched-summary").click()  # the Threads controls unfold
    block.locator(".runner__schedule").select_option("gil39")
    text = run(block)
    lost = int(re.search(r"lost updates: (\d+)", text).group(1))
    assert lost > 0, text
    expect(block.locator(".runner__label")).to_contain_text("CPython ≤ 3.9")
    expect(block.get_by_role("link", name="What the choices mean")).to_have_attribute(
        "href", re.compile(r"/playground/#where-threads-switch$")
    )
