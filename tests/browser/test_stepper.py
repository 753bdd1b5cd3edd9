"""You are the scheduler: stepped runs driven from the keyboard, in Chromium.

The race page's challenge reaches a lost update by a scripted sequence of choices; the
Playground's stepper reaches a deadlock by another and shows the runtime's report; Back
re-runs the program with the earlier choices and lands on the same state.
"""

from __future__ import annotations

import random
import re

import pytest
from playwright.sync_api import expect

from tests.browser import axe
from tests.browser.site_page import site_page
from tests.browser.test_runner import RUN_TIMEOUT, block_of, replace_code

DEADLOCK = """\
import threading
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        with b:
            pass
def two():
    with b:
        with a:
            pass
t1 = threading.Thread(target=one, name="one")
t2 = threading.Thread(target=two, name="two")
t1.start()
t2.start()
t1.join()
t2.join()
"""
MAX_STEPS = 200


@pytest.fixture(scope="module")
def pages(browser, site):
    with site_page(browser, site) as watched:
        yield watched
        watched.assert_clean()


def threads(stepper) -> dict[str, dict]:
    """The thread list as the page shows it: name -> {text, runnable, checked}."""
    found = {}
    for option in stepper.locator(".stepper__thread").all():
        name = option.locator("strong").inner_text()
        found[name] = {
            "text": option.inner_text(),
            "runnable": option.get_attribute("aria-disabled") == "false",
            "checked": option.get_attribute("aria-checked") == "true",
        }
    return found


def wait_for_pause(stepper) -> None:
    expect(stepper).to_have_attribute(
        "data-state", re.compile("waiting|ended"), timeout=RUN_TIMEOUT
    )


def choose_by_keyboard(page, stepper, name: str) -> None:
    """Arrow keys move the choice to `name`; Enter runs its step."""
    stepper.locator('.stepper__thread[aria-checked="true"]').focus()
    for _ in range(10):
        if threads(stepper)[name]["checked"]:
            break
        page.keyboard.press("ArrowDown")
    assert threads(stepper)[name]["checked"], threads(stepper)
    page.keyboard.press("Enter")
    wait_for_pause(stepper)


def drive(page, stepper, policy) -> int:
    """Step with `policy(threads) -> name` until the run ends; returns the steps taken."""
    for n in range(MAX_STEPS):
        wait_for_pause(stepper)
        if stepper.get_attribute("data-state") == "ended":
            return n
        choose_by_keyboard(page, stepper, policy(threads(stepper)))
    raise AssertionError("the run did not end")


def first_runnable(stepper) -> str:
    return next(name for name, t in threads(stepper).items() if t["runnable"])


def open_stepper(block):
    block.get_by_role("button", name="Step through").click()
    stepper = block.locator(".stepper")
    wait_for_pause(stepper)
    return stepper


def lose_an_update(ts: dict) -> str:
    """A reads counter, B then runs to the end, then A stores its stale value."""
    a, b = ts.get("A"), ts.get("B")
    if a and a["runnable"] and "read counter" not in a["text"] and not b:
        return "A"  # until A holds a value of counter it has read
    if b and b["runnable"]:
        return "B"
    if a and "read counter" in a["text"] and b and "finished" not in b["text"]:
        return "MainThread"  # start B (A keeps its stale read)
    return next(name for name, t in ts.items() if t["runnable"])


def test_race_challenge_loses_an_update_step_by_step(pages, site):
    page = pages.page
    page.goto(site.url + "race-conditions/")
    stepper = open_stepper(block_of(page, "race_stepper"))
    expect(stepper.locator(".stepper__code li")).to_have_count(18)
    steps = drive(page, stepper, lose_an_update)
    expect(stepper).to_have_attribute("data-outcome", "ok")
    output = stepper.locator(".stepper__output").inner_text()
    got = int(re.search(r"expected 4, got (\d)", output).group(1))
    assert got < 4, output
    status = stepper.locator(".stepper__status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("lose")
    assert steps > 10


def test_back_replays_to_the_same_state(pages, site):
    page = pages.page
    page.goto(site.url + "race-conditions/")
    stepper = open_stepper(block_of(page, "race_stepper"))
    for _ in range(8):  # the main thread's lines, then A's first instructions
        name = next(n for n, t in threads(stepper).items() if t["runnable"])
        choose_by_keyboard(page, stepper, name)
    before = stepper.locator(".stepper__status").inner_text()
    name = next(n for n, t in threads(stepper).items() if t["runnable"])
    choose_by_keyboard(page, stepper, name)
    assert stepper.locator(".stepper__status").inner_text() != before
    stepper.get_by_role("button", name="Back").click()
    wait_for_pause(stepper)
    expect(stepper.locator(".stepper__status")).to_have_text(before)
    assert before.startswith("Step 8.")
    stepper.get_by_role("button", name="Close").click()
    expect(block_of(page, "race_stepper").locator(".stepper")).to_have_count(0)


def reach_deadlock(ts: dict) -> str:
    one, two = ts.get("one"), ts.get("two")
    holds_a = one and "line 6" in one["text"]
    holds_b = two and "line 10" in two["text"]
    if one and one["runnable"] and not holds_a:
        return "one"
    if two and two["runnable"] and not holds_b:
        return "two"
    if holds_a and holds_b and one["runnable"]:
        return "one"  # blocks on b, held by two
    if two and two["runnable"]:
        return "two"  # blocks on a, held by one
    return next(name for name, t in ts.items() if t["runnable"])


def stepper_in_playground(page, site, source: str):
    """The Playground with ``source`` in its editor and its stepper open."""
    page.goto(site.url + "playground/")
    block = block_of(page, "playground")
    replace_code(block, source)
    return open_stepper(block)


def test_playground_stepper_reaches_a_deadlock(pages, site):
    page = pages.page
    stepper = stepper_in_playground(page, site, DEADLOCK)
    drive(page, stepper, reach_deadlock)
    expect(stepper).to_have_attribute("data-outcome", "deadlock")
    output = stepper.locator(".stepper__output").inner_text()
    assert "Deadlock: every thread is blocked" in output
    assert re.search(r"one waits in .*line 6|one waits in .*:6", output), output
    expect(stepper.locator(".stepper__status")).to_contain_text("Deadlock")


def test_run_while_the_stepper_waits_is_not_held_up(pages, site):
    page = pages.page
    page.goto(site.url + "race-conditions/")
    block = block_of(page, "race_stepper")
    stepper = open_stepper(block)
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".runner")).to_have_attribute("data-state", "ok", timeout=RUN_TIMEOUT)
    expect(block.locator(".runner__output")).to_contain_text("expected 4, got 4")
    expect(stepper).to_have_attribute("data-outcome", "stopped")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_stepper_passes_axe(browser, site, scheme):
    axe.install(site.site_dir)
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site.url + "race-conditions/")
        assert axe.scheme_of(page) == {"light": "default", "dark": "slate"}[scheme]
        stepper = open_stepper(block_of(page, "race_stepper"))
        for _ in range(9):  # threads on several lines, a value read
            choose_by_keyboard(page, stepper, first_runnable(stepper))
        found = axe.run(page, site.url, f"race-conditions/ stepper open [{scheme}]")
        assert axe.blocking(found) == [], axe.report(axe.blocking(found))
    finally:
        context.close()


RANDOM_AND_CLOCK = """\
import random
import threading
import time
x = random.random()
t0 = time.time()
def work():
    global y
    y = random.random()
t = threading.Thread(target=work)
t.start()
t.join()
"""


def test_back_replays_random_numbers_and_clocks(pages, site):
    page = pages.page
    stepper = stepper_in_playground(page, site, RANDOM_AND_CLOCK)
    for _ in range(6):
        choose_by_keyboard(page, stepper, first_runnable(stepper))
    before = stepper.locator(".stepper__status").inner_text()
    assert f"x = {random.Random(0).random()!r}" in before  # the stepper's fixed seed
    assert "t0 = " in before
    choose_by_keyboard(page, stepper, first_runnable(stepper))
    stepper.get_by_role("button", name="Back").click()
    wait_for_pause(stepper)
    expect(stepper.locator(".stepper__status")).to_have_text(before)
