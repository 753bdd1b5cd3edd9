"""Every example of the site runs live in the page and agrees with its CPython recording.

How they must agree is declared per example (``live`` in examples/examples.toml):
``exact`` (the default for deterministic examples): the same stdout lines, printed by
threads of the same names; ``shape`` (the default for examples recorded several times):
the lines of one of its recordings (other CPythons' too) with any number allowed to
differ (a race's count, a Python version); ``last-line``: the same conclusion, the rest
depending on the Python version; ``none``: the example cannot run in a browser and the
page says so instead.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sitebuild import EXAMPLES_DIR, RECORDED_DIR
from sitebuild.examples import discover
from sitebuild.recorder import load_recording, recording_path
from tests.browser.site_page import site_page
from tests.browser.test_runner import example_paths

EXAMPLES = discover(EXAMPLES_DIR)
RUN_TIMEOUT = 90_000  # ms: a cold start plus the slowest example, on a loaded machine


@pytest.fixture(scope="module")
def example_pages(site) -> dict[str, str]:
    return example_paths(site.site_dir)


@pytest.fixture(scope="module")
def live_page(browser, site):
    """One page for the whole module: it moves from page to page like a reader."""
    with site_page(browser, site) as watched:
        yield watched


def shape(line: str) -> str:
    return re.sub(r"\d+(?:[.,_]\d+)*", "N", line)


def run_live(live_page, site, example_pages, name) -> tuple[dict, list[dict]]:
    page = live_page.page
    url = site.url + example_pages[name]
    if page.url != url:
        page.goto(url)
    block = page.locator(f'.example[data-example="{name}"]')
    page.evaluate(
        """(name) => new Promise((resolve) => {
            window.__live = null;
            document.querySelector(`.example[data-example="${name}"]`)
              .addEventListener("runner:done", (e) => { window.__live = e.detail; resolve(); },
                                { once: true });
        }) && null""",
        name,
    )
    block.get_by_role("button", name="Run", exact=True).click()
    page.wait_for_function("() => window.__live !== null", timeout=RUN_TIMEOUT)
    detail = page.evaluate("() => window.__live")
    stdout = block.evaluate(
        """(b) => [...b.querySelectorAll('.runner__output [data-stream="stdout"]')]
                   .map((s) => s.textContent).join('')"""
    )
    return detail["outcome"], detail["events"], stdout


LIVE = [n for n in sorted(EXAMPLES) if EXAMPLES[n].live_check != "none"]


@pytest.mark.parametrize("name", LIVE)
def test_example_runs_live_like_its_recording(live_page, site, example_pages, name):
    if name not in example_pages:
        pytest.fail(f"example {name} is on no page of the site")
    example = EXAMPLES[name]
    outcome, events, stdout = run_live(live_page, site, example_pages, name)
    assert outcome.get("exit_code") == example.exit_code, outcome
    assert outcome["status"] in ("ok", "exit"), outcome
    recorded = load_recording(recording_path(RECORDED_DIR, name))["runs"]
    if example.live_check != "exact":  # other CPythons' runs count for these checks
        for version in example.versions:
            other = load_recording(recording_path(RECORDED_DIR, name, version))
            recorded += other["runs"] if other else []
    if example.uses_threads:
        assert outcome["mode"] == "gil"  # the default: scheduled like CPython's GIL build
        # The event stream says which thread printed each line: compare that too.
        live = [
            (e["thread"], e["text"])
            for e in events
            if e["type"] == "output" and e["stream"] == "stdout"
        ]
        assert "".join(text + "\n" for _, text in live) == stdout
    else:
        live = [("MainThread", text) for text in stdout.splitlines()]
    if example.live_check == "exact":
        expected = [
            (line["thread"], line["text"])
            for line in recorded[0]["lines"]
            if line["stream"] == "stdout"
        ]
        assert live == expected
    elif example.live_check == "last-line":
        endings = {run["stdout"].splitlines()[-1] for run in recorded}
        assert live and live[-1][1] in endings, (live, endings)
    else:
        shapes = {tuple(shape(line) for line in run["stdout"].splitlines()) for run in recorded}
        assert tuple(shape(text) for _, text in live) in shapes, (live, shapes)
    live_page.assert_clean()


@pytest.mark.parametrize("name", [n for n in sorted(EXAMPLES) if n not in LIVE])
def test_example_that_cannot_run_live_says_why(live_page, site, example_pages, name):
    page = live_page.page
    page.goto(site.url + example_pages[name])
    block = page.locator(f'.example[data-example="{name}"]')
    expect(block.locator(".runner")).to_have_attribute("data-state", "not-live")
    # It can never run live: no Run to try, no schedule controls.
    assert block.get_by_role("button").filter(has_text="Run").count() == 0
    assert block.locator(".runner__sched").count() == 0
    expect(block.locator(".runner__status")).to_have_text(EXAMPLES[name].live_note)
