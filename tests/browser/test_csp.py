"""The strict Content Security Policy: every page loads, navigates and runs code with no
violation, and with every other host blocked nothing even tries to reach one.

Violations are caught twice: the page's own ``securitypolicyviolation`` events (recorded
from before the first script runs) and Chromium's console messages about the policy.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import watch
from tests.browser.test_runner import (
    block_of,
    examples_in_site,
    replace_code,
    wait_until_finished,
)
from tests.browser.test_site import PAGES

VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}` +
                    ` at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture(scope="module")
def guarded(browser, site):
    """A page whose requests to any other host are refused and recorded."""
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    foreign: list[str] = []

    def refuse(route):
        foreign.append(route.request.url)
        route.abort()

    context.route(lambda url: urlsplit(url).netloc not in ("", site.host), refuse)
    watched = watch(context.new_page(), site.host)
    console: list[str] = []
    watched.page.on(
        "console", lambda m: "Content Security Policy" in m.text and console.append(m.text)
    )
    yield watched, foreign, console
    context.close()


def parse(policy: str) -> dict[str, list[str]]:
    directives = (d.split() for d in policy.split(";") if d.strip())
    return {d[0]: d[1:] for d in directives}


def violations(page, console: list[str]) -> list[str]:
    return page.evaluate("window.__csp") + console


def test_every_page_has_the_policy_and_no_violation(guarded, site):
    watched, foreign, console = guarded
    page = watched.page
    found = []
    for path in PAGES:
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        directives = parse(policy)
        assert directives["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"], f"/{path}"
        assert all(v.startswith("'sha256-") for v in directives["script-src"][2:]), f"/{path}"
        for name in ("default-src", "connect-src", "worker-src"):
            assert directives[name] == ["'self'"], f"/{path}: {name}"
        found += [f"/{path}: {v}" for v in violations(page, console)]
        console.clear()
    assert found == [], "\n".join(found)
    assert foreign == [], f"requests to other hosts attempted: {foreign}"


def test_instant_navigation_runs_materials_scripts_under_the_first_pages_policy(guarded, site):
    watched, foreign, console = guarded
    page = watched.page
    page.goto(site.url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator("nav.md-nav--primary a[href*='race-conditions/']").first.click()
    page.wait_for_url("**/race-conditions/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__sameDocument === true")
    assert violations(page, console) == []
    assert foreign == []


def test_running_examples_and_the_editor_break_no_rule(guarded, site):
    watched, foreign, console = guarded
    page = watched.page
    plain = examples_in_site(site.site_dir, threads=False)[0]
    page.goto(site.url + plain.path)
    block = block_of(page, plain.name)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "ok")
    # The editor bundle, and the threads runtime (JSPI, preemption) in the worker.
    replace_code(
        block,
        "import threading\nt = threading.Thread(target=print, args=('hi',))\nt.start()\nt.join()",
    )
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "ok")
    expect(block.locator(".runner__output")).to_contain_text("hi")
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == []
    assert foreign == [], f"requests to other hosts attempted: {foreign}"
    watched.assert_clean()
