"""Accessibility gate: axe-core finds no serious or critical violation on any page.

Every page of the nav in light and dark (Material's slate scheme, chosen by the reader's
colour-scheme preference), then the states readers reach: after a live run (output,
stderr, the editor), and the quiz answered right and wrong. A failure lists every
violation with its rule, element and page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import axe
from tests.browser.conftest import watch
from tests.browser.test_runner import (
    RUN_TIMEOUT,
    block_of,
    examples_in_site,
    replace_code,
    wait_until_finished,
)
from tests.browser.test_site import PAGES

SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe_site(site):
    axe.install(site.site_dir)
    return site


@pytest.fixture(scope="module", params=list(SCHEMES))
def scheme_page(request, browser, axe_site):
    """One page per colour scheme, reused across this module's tests."""
    context = browser.new_context(color_scheme=request.param)
    watched = watch(context.new_page(), axe_site.host)
    yield request.param, watched
    context.close()


def open_in(scheme_page, site, path: str):
    scheme, watched = scheme_page
    page = watched.page
    page.goto(site.url + path)
    page.wait_for_load_state("networkidle")
    # Material applies the scheme from the preference; the test must check what it scans.
    assert axe.scheme_of(page) == SCHEMES[scheme], f"/{path}: not in the {scheme} scheme"
    return page


def test_every_page(scheme_page, axe_site):
    found = []
    for path in PAGES:
        page = open_in(scheme_page, axe_site, path)
        found += axe.run(page, axe_site.url, path)
    print_counts(found)
    assert axe.blocking(found) == [], axe.report(axe.blocking(found))


def test_after_live_runs(scheme_page, axe_site):
    example = examples_in_site(axe_site.site_dir, threads=False)[0]
    page = open_in(scheme_page, axe_site, example.path)
    block = block_of(page, example.name)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "ok")
    found = axe.run(page, axe_site.url, example.path + " after a run")
    # The editor, and a run that writes to stderr and fails.
    replace_code(block, "import sys\nprint('to stdout')\nprint('to stderr', file=sys.stderr)\n1/0")
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "error")
    expect(block.locator(".runner__output")).to_contain_text("ZeroDivisionError")
    found += axe.run(page, axe_site.url, example.path + " after a failing run in the editor")
    print_counts(found)
    assert axe.blocking(found) == [], axe.report(axe.blocking(found))


def test_quiz_answered(scheme_page, axe_site):
    page = open_in(scheme_page, axe_site, "lock/")  # a topic page shows its bank in order
    page.wait_for_selector(".quiz.quiz--ready", timeout=RUN_TIMEOUT)
    questions = page.evaluate(
        "JSON.parse(document.querySelector('.quiz').dataset.quizJson).questions"
    )
    forms = page.locator(".quiz__question")
    for i, correct in ((0, True), (1, False)):
        choices = questions[i]["choices"]
        index = next(n for n, c in enumerate(choices) if c["correct"] == correct)
        form = forms.nth(i)
        form.locator(f"input.quiz__input[value='{index}']").check()
        form.locator(".quiz__check").click()
        expect(form.locator(".quiz__result")).to_be_visible()
    found = axe.run(page, axe_site.url, "lock/ quiz answered")
    print_counts(found)
    assert axe.blocking(found) == [], axe.report(axe.blocking(found))


def print_counts(found: list[axe.Violation]) -> None:
    """Counts per impact and rule (shown with -s; the figures for the issue's notes)."""
    counts: dict[tuple[str, str], int] = {}
    for v in found:
        counts[(v.impact, v.rule)] = counts.get((v.impact, v.rule), 0) + 1
    for (impact, rule), n in sorted(counts.items()):
        print(f"axe: {impact:<9} {rule:<32} {n}")
