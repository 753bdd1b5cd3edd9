"""The Playground: any threading program runs live, shares through a link, replays by
seed, and reports a deadlock instead of hanging."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.site_page import site_page
from tests.browser.test_runner import RUN_TIMEOUT, block_of, output_of, replace_code
from tests.programs import LOCK_ORDER_DEADLOCK as DEADLOCK
from tests.programs import RACE_ADD_ONE as RACE


@pytest.fixture(scope="module")
def playground(browser, site):
    with site_page(browser, site, "playground/") as watched:
        yield watched


def run(block, state="ok") -> str:
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".runner")).to_have_attribute("data-state", state, timeout=RUN_TIMEOUT)
    return output_of(block).inner_text()


def test_starter_program_runs_with_threads(playground):
    block = block_of(playground.page, "playground")
    # The editor bundle is not evaluated at load: it comes on intent, like everywhere.
    expect(block.locator(".example__code pre")).to_be_visible()
    assert block.locator(".cm-content").count() == 0
    out = run(block)
    assert out.splitlines() == [
        "T1 finished after 0.25 s",
        "T2 finished after 0.5 s",
        "T3 finished after 0.75 s",
        "all done",
    ]
    expect(block.locator(".runner__label")).to_contain_text("like CPython 3.10+ (GIL build)")
    playground.assert_clean()


def test_the_sites_code_loads_as_one_script(open_page):
    # sitebuild/scripts.py: the runner's modules come in the bundle, not one request each
    # (the Run button waited for the last of ~20 on six HTTP/1.1 connections).
    watched = open_page("playground/")
    page = watched.page
    page.wait_for_load_state("networkidle")
    expect(
        block_of(page, "playground").get_by_role("button", name="Run", exact=True)
    ).to_be_enabled()
    site_code = [url for url in watched.requests if "/assets/js/" in url]
    assert any(url.endswith("/assets/js/site.bundle.js") for url in site_code)
    assert [url for url in site_code if "/assets/js/runner/" in url] == []
    watched.assert_clean()


def test_share_link_reopens_the_program(playground, browser, site):
    block = block_of(playground.page, "playground")
    replace_code(block, 'import threading\nprint("shared", threading.active_count())')
    block.get_by_role("button", name="Share", exact=True).click()
    link = block.locator(".runner__link")
    expect(link).to_be_visible()
    url = link.input_value()
    assert url.startswith(site.url + "playground/#code=")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        other = block_of(page, "playground")
        expect(other.locator(".example__code")).to_contain_text('print("shared"')
        assert run(other).strip() == "shared 1"
    finally:
        context.close()


def test_same_seed_same_interleaving(playground):
    block = block_of(playground.page, "playground")
    replace_code(block, RACE)
    block.locator(".runner__schedule").select_option("replay")
    block.locator(".runner__seed").fill("42")
    first = run(block)
    second = run(block)
    assert first == second and first.startswith("counter: ")
    expect(block.locator(".runner__label")).to_contain_text("seed 42")
    block.locator(".runner__seed").fill("7")
    endings = {run(block) for _ in range(2)}
    assert len(endings) == 1  # seed 7 also replays itself


def test_deadlock_is_reported_with_threads_and_lines(playground):
    block = block_of(playground.page, "playground")
    replace_code(block, DEADLOCK)
    block.locator(".runner__schedule").select_option("gil")
    out = run(block, state="deadlock")
    assert "never printed" not in out
    assert "deadlock" in out.lower()
    assert "one" in out and "two" in out
    assert "playground.py:7" in out and "playground.py:12" in out  # where each waits
    expect(block.locator(".runner__status")).to_contain_text("Deadlock")


def test_stop_ends_a_threaded_run(playground):
    block = block_of(playground.page, "playground")
    replace_code(
        block,
        "import threading, time\n"
        "def spin():\n    while True:\n        pass\n"
        "threading.Thread(target=spin).start()\nprint('spinning')\n",
    )
    block.get_by_role("button", name="Run", exact=True).click()
    expect(output_of(block)).to_contain_text("spinning", timeout=RUN_TIMEOUT)
    block.get_by_role("button", name="Stop", exact=True).click()
    expect(block.locator('.runner[data-state="stopped"]')).to_be_attached(timeout=1_000)
    replace_code(block, "import threading\nprint('after stop', threading.active_count())")
    assert run(block).strip() == "after stop 1"  # a fresh Python, nothing left running


def test_new_seed_runs_again_with_another_seed(playground):
    block = block_of(playground.page, "playground")
    replace_code(block, RACE)
    block.locator(".runner__schedule").select_option("replay")
    block.locator(".runner__seed").fill("42")
    run(block)
    block.get_by_role("button", name="New seed", exact=True).click()
    expect(block.locator(".runner")).to_have_attribute("data-state", "ok", timeout=RUN_TIMEOUT)
    seed = block.locator(".runner__seed").input_value()
    assert seed != "42"
    expect(block.locator(".runner")).to_have_attribute("data-seed", seed)
    expect(block.locator(".runner__label")).to_contain_text(f"seed {seed}")


def test_switch_anywhere_mode_splits_counter_increments(playground):
    block = block_of(playground.page, "playground")
    replace_code(
        block,
        "import threading\ncounter = 0\n"
        "def work():\n    global counter\n    for _ in range(10_000):\n        counter += 1\n"
        "threads = [threading.Thread(target=work) for _ in range(4)]\n"
        "for t in threads:\n    t.start()\nfor t in threads:\n    t.join()\n"
        "print('lost', 40_000 - counter)\n",
    )
    block.locator(".runner__schedule").select_option("gil")
    assert run(block).strip() == "lost 0"  # like CPython 3.10+: the loop keeps every update
    block.locator(".runner__schedule").select_option("anywhere")
    block.locator(".runner__seed").fill("99")
    first = run(block).strip()
    assert first != "lost 0" and first.startswith("lost ")  # a switch fell inside +=
    assert run(block).strip() == first  # and the seed replays it
    expect(block.locator(".runner__label")).to_contain_text(
        "switching anywhere (free-threaded-like worst case), seed 99"
    )
