"""Without JavaScript every page still shows its code, recorded outputs, timelines and
quiz answers; printed, a page keeps all of that and drops the controls."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import watch
from tests.browser.test_runner import block_of, examples_in_site, wait_until_finished
from tests.browser.test_site import PAGES


@pytest.fixture(scope="module")
def no_js(browser, site):
    context = browser.new_context(java_script_enabled=False)
    watched = watch(context.new_page(), site.host)
    yield watched.page
    context.close()


def test_every_page_reads_without_javascript(no_js, site):
    page = no_js
    checked = {"examples": 0, "answers": 0}
    for path in PAGES:
        page.goto(site.url + path)
        assert page.evaluate("document.documentElement.classList.contains('no-js')"), path
        examples = page.locator(".example[data-example]:not(.example--playground)")
        for i in range(examples.count()):
            block = examples.nth(i)
            name = block.get_attribute("data-example")
            expect(block.locator(".example__code code"), f"/{path} {name}").to_be_visible()
            output = block.locator(".example__recorded .example__output").first
            expect(output, f"/{path} {name}: recorded output").to_be_visible()
            assert output.inner_text().strip(), f"/{path} {name}: empty recorded output"
            expect(block.locator(".example__nojs"), f"/{path} {name}").to_be_visible()
            checked["examples"] += 1
        timelines = page.locator("figure.timeline svg")
        for i in range(timelines.count()):
            expect(timelines.nth(i), f"/{path}: timeline {i + 1}").to_be_visible()
        questions = page.locator(".quiz__static-question")
        for i in range(questions.count()):
            question = questions.nth(i)
            expect(question).to_be_visible()
            question.locator("details.quiz__answer > summary").click()  # native, no JS
            answers = question.locator(".quiz__static-choice--right")
            expect(answers.first, f"/{path}: question {i + 1} answer").to_be_visible()
            checked["answers"] += 1
    assert checked["examples"] >= 10 and checked["answers"] >= 30, checked


def test_print_hides_the_controls_and_keeps_the_content(open_page, site):
    example = examples_in_site(site.site_dir, threads=True)[0]
    watched = open_page(example.path)
    page = watched.page
    page.wait_for_selector(".quiz.quiz--ready")
    block = block_of(page, example.name)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "ok")
    controls = [
        ".runner__bar",
        ".runner__sched",
        ".md-code__nav",
        ".quiz__check",
        ".quiz__actions",
        ".headerlink",
    ]
    shown = "els => els.filter(e => e.checkVisibility()).length"
    on_screen = {s: page.locator(s).evaluate_all(shown) for s in controls}
    assert all(on_screen.values()), f"controls missing on screen: {on_screen}"
    page.emulate_media(media="print")
    printed = {s: page.locator(s).evaluate_all(shown) for s in controls}
    assert not any(printed.values()), f"controls still printed: {printed}"
    for selector in (
        ".example__code",  # the static code, or the editor that replaced it
        ".example__recorded .example__output",
        ".runner__output",
    ):
        expect(block.locator(selector).first, selector).to_be_visible()
    expect(page.locator(".quiz__question").first).to_be_visible()
    watched.assert_clean()
