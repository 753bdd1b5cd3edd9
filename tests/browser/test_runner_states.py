"""The runner's states and texts never confuse: focus stays on a control, the deadlock
status points where the report is, phones are not told about Ctrl Enter, Reset does
not hide a running program, and without JSPI nothing pretends to be a live run."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.site_page import site_page
from tests.browser.test_runner import (
    NO_JSPI,
    RUN_TIMEOUT,
    block_of,
    examples_in_site,
    output_of,
    replace_code,
    wait_until_finished,
)
from tests.programs import LOCK_ORDER_DEADLOCK


def focused(page, class_name: str) -> bool:
    return page.evaluate(f"document.activeElement.classList.contains('{class_name}')")


@pytest.fixture(scope="module")
def playground(browser, site):
    with site_page(browser, site, "playground/") as watched:
        yield watched


def test_focus_moves_run_to_stop_and_back_never_to_body(playground):
    page = playground.page
    block = block_of(page, "playground")
    replace_code(block, 'import time\nprint("looping")\nwhile True:\n    time.sleep(0.05)')
    block.get_by_role("button", name="Run", exact=True).focus()
    page.keyboard.press("Enter")
    expect(output_of(block)).to_contain_text("looping", timeout=RUN_TIMEOUT)
    assert focused(page, "runner__stop")  # Run was disabled under it
    page.keyboard.press("Enter")  # Stop, from the keyboard
    wait_until_finished(block, "stopped")
    assert focused(page, "runner__run")
    # And the end of a run that finishes by itself (Stop had focus while it ran).
    replace_code(block, 'print("quick")')
    block.get_by_role("button", name="Run", exact=True).focus()
    page.keyboard.press("Enter")
    wait_until_finished(block, "ok")
    assert page.evaluate("document.activeElement !== document.body")
    assert focused(page, "runner__run")
    playground.assert_clean()


def test_reset_during_a_run_keeps_its_status(playground):
    page = playground.page
    block = block_of(page, "playground")
    replace_code(block, 'import time\nprint("working")\ntime.sleep(30)')
    block.get_by_role("button", name="Run", exact=True).click()
    expect(output_of(block)).to_contain_text("working", timeout=RUN_TIMEOUT)
    block.get_by_role("button", name="Reset", exact=True).click()
    expect(block.locator(".runner__status")).to_have_text("Running…")
    expect(block.locator(".runner")).to_have_attribute("data-state", "running")
    block.get_by_role("button", name="Stop", exact=True).click()
    wait_until_finished(block, "stopped")
    block.get_by_role("button", name="Reset", exact=True).click()  # idle: now it says so
    expect(block.locator(".runner__status")).to_have_text("Starting code restored.")


def test_deadlock_status_points_down_to_the_report(playground):
    page = playground.page
    block = block_of(page, "playground")
    replace_code(block, LOCK_ORDER_DEADLOCK)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "deadlock")
    status = block.locator(".runner__status")
    expect(status).to_contain_text("The report below")
    report_after_status = status.evaluate(
        "(s) => !!(s.compareDocumentPosition(s.closest('.runner').querySelector("
        "'.runner__output')) & Node.DOCUMENT_POSITION_FOLLOWING)"
    )
    assert report_after_status


@pytest.mark.parametrize("phone", [True, False])
def test_ctrl_enter_is_named_only_with_a_keyboard(browser, site, phone):
    context = browser.new_context(
        **(
            {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
            if phone
            else {}
        )
    )
    try:
        page = context.new_page()
        page.goto(site.url + "playground/")
        block = block_of(page, "playground")
        hint = block.locator(".runner__hint")
        expect(hint).to_have_text("Edit the code, then Run" + ("" if phone else " (Ctrl Enter)"))
        title = block.get_by_role("button", name="Run", exact=True).get_attribute("title")
        assert ("Ctrl Enter" in title) is not phone
    finally:
        context.close()


def test_without_jspi_nothing_claims_a_live_run(open_page, site):
    example = examples_in_site(site.site_dir, threads=True)[0]
    watched = open_page(example.path, init_script=NO_JSPI)
    block = block_of(watched.page, example.name)
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".runner")).to_have_attribute("data-state", "threads")
    expect(block.locator(".runner__label")).to_be_hidden()  # no "Live run in this browser"
    status = block.locator(".runner__status").inner_text()
    block_text = block.inner_text()
    assert block_text.count("JSPI") == 1, "the reason is given once"
    assert "JSPI" in status
    watched.assert_clean()


def test_a_run_waiting_for_python_or_for_another_run_says_so(open_page, site):
    examples = examples_in_site(site.site_dir, threads=False)
    examples += examples_in_site(site.site_dir, threads=True)
    by_page: dict[str, list[str]] = {}
    for e in examples:
        by_page.setdefault(e.path, []).append(e.name)
    path, (first, second) = next((p, n[:2]) for p, n in by_page.items() if len(n) >= 2)
    watched = open_page(path)
    page = watched.page
    one, two = block_of(page, first), block_of(page, second)
    replace_code(one, 'import time\nprint("busy")\ntime.sleep(30)')
    one.get_by_role("button", name="Run", exact=True).click()
    # Cold: the click is kept while Python loads, and the reader is told.
    expect(one.locator(".runner__status")).to_contain_text("starts as soon as it is ready")
    expect(output_of(one)).to_contain_text("busy", timeout=RUN_TIMEOUT)
    two.get_by_role("button", name="Run", exact=True).click()
    expect(two.locator(".runner__status")).to_contain_text("Queued")
    one.get_by_role("button", name="Stop", exact=True).click()
    wait_until_finished(two, "ok")  # the queued run goes once the other is stopped
    watched.assert_clean()


def test_schedule_controls_fold_behind_one_control_with_an_explanation(open_page, site):
    example = examples_in_site(site.site_dir, threads=True)[0]
    watched = open_page(example.path)
    block = block_of(watched.page, example.name)
    sched = block.locator("details.runner__sched")
    expect(sched).to_be_attached()
    assert sched.get_attribute("open") is None
    expect(block.locator(".runner__schedule")).to_be_hidden()
    summary = sched.locator("summary")
    chosen = "() => document.querySelector('.runner__schedule').selectedOptions[0].text"
    expect(summary).to_have_text("Thread schedule: " + watched.page.evaluate(chosen))
    summary.click()
    expect(block.locator(".runner__schedule")).to_be_visible()
    link = sched.get_by_role("link", name="What the choices mean")
    assert link.get_attribute("href") == site.url + "playground/#where-threads-switch"
    block.locator(".runner__schedule").select_option("replay")
    replay = block.locator(".runner__schedule option[value='replay']").inner_text()
    expect(summary).to_have_text(f"Thread schedule: {replay}")
    # The playground, where schedules are the subject, shows them unfolded.
    watched.page.goto(site.url + "playground/")
    expect(block_of(watched.page, "playground").locator(".runner__schedule")).to_be_visible()
    watched.assert_clean()


def test_the_editor_has_a_copy_button_and_shows_overflow(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(site.url + "playground/")
        block = block_of(page, "playground")
        replace_code(block, "print('short')")
        editor = block.locator(".runner__editor")
        expect(editor).not_to_have_class("runner__editor runner__editor--more")
        block.get_by_role("button", name="Copy", exact=True).click()
        expect(block.locator(".runner__copy")).to_have_text("Copied")
        assert page.evaluate("() => navigator.clipboard.readText()") == "print('short')"
        replace_code(block, "print('" + "x" * 400 + "')")
        expect(editor).to_have_class("runner__editor runner__editor--more")
    finally:
        context.close()
