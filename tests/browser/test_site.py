"""Every page loads cleanly; every example shows code and recorded output; instant nav."""

from __future__ import annotations

import re

import pytest
import yaml

from sitebuild import ROOT


def nav_pages() -> list[str]:
    """Site paths of every page in mkdocs.yml's nav ('' for the home page)."""
    text = (ROOT / "mkdocs.yml").read_text()

    # mkdocs.yml uses !ENV tags; a plain loader that ignores tags is enough for nav.
    class Loader(yaml.SafeLoader):  # a subclass: the shared SafeLoader stays untouched
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load(text, Loader=Loader)["nav"]
    files = [next(iter(item.values())) for item in nav]
    return ["" if f == "index.md" else f.removesuffix(".md") + "/" for f in files]


PAGES = nav_pages()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(open_page, path):
    watched = open_page(path)
    watched.page.wait_for_load_state("networkidle")
    assert watched.page.locator("article h1").count() == 1
    watched.assert_clean()


@pytest.mark.parametrize("path", PAGES)
def test_every_example_shows_code_and_recorded_output(open_page, path):
    page = open_page(path).page
    blocks = page.locator(
        ".example[data-example]:not(.example--playground)"
    )  # the playground has no file
    for i in range(blocks.count()):
        block = blocks.nth(i)
        name = block.get_attribute("data-example")
        source = (ROOT / "examples" / f"{name}.py").read_text()
        shown = block.locator(".example__code code").inner_text()
        assert shown.strip() == source.strip(), f"{name}: code differs from examples/{name}.py"
        label = block.locator(".example__recorded .example__label").first.inner_text()
        assert re.search(r"Recorded on CPython \d+\.\d+\.\d+", label), label
        output = block.locator(".example__recorded .example__output").first
        assert output.is_visible() and output.inner_text().strip(), f"{name}: no output shown"


def test_instant_navigation_keeps_working(open_page):
    watched = open_page("")
    page = watched.page
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator("nav.md-nav--primary a[href*='lock/']").first.click()
    page.wait_for_url("**/lock/")
    assert page.locator("article h1").inner_text().strip()
    # Instant navigation swaps content without a reload: the marker survives.
    assert page.evaluate("window.__sameDocument === true")
    page.go_back()
    page.wait_for_url(re.compile(r".*/threading-in-python/$"))
    assert page.evaluate("window.__sameDocument === true")
    watched.assert_clean()


# Notes, when the first Run button appears, whether Material's bundle has run yet (it
# defines document$): site.js mounts the runner as soon as the HTML is parsed.
_FIRST_RUN_BUTTON = """
new MutationObserver((_, observer) => {
  if (!document.querySelector(".runner__run")) return;
  window.__materialRanFirst = typeof window.document$ !== "undefined";
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });
"""


def run_buttons_per_block(page) -> list[int]:
    return page.evaluate(
        "[...document.querySelectorAll('.example[data-example]')]"
        ".map((block) => block.querySelectorAll('.runner__run').length)"
    )


def test_runner_mounts_before_material_and_once(open_page):
    watched = open_page("playground/", init_script=_FIRST_RUN_BUTTON)
    page = watched.page
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)  # Material's document$ and the late features have run
    assert page.evaluate("window.__materialRanFirst") is False
    # document$ then emits the same page: the runner is not mounted a second time.
    assert run_buttons_per_block(page) == [1]
    page.evaluate("window.__sameDocument = true")
    page.locator("nav.md-nav--primary a[href*='race-conditions/']").first.click()
    page.wait_for_url("**/race-conditions/")
    # Wait for the mount itself (a loaded machine can take longer than any fixed pause),
    # then give a second, wrong mount time to show.
    page.wait_for_function(
        "[...document.querySelectorAll('.example[data-example]')]"
        ".every((block) => block.querySelector('.runner__run'))"
    )
    page.wait_for_timeout(200)
    counts = run_buttons_per_block(page)
    assert counts and all(n == 1 for n in counts), counts  # instant pages still mount
    assert page.evaluate("window.__sameDocument === true")
    watched.assert_clean()
