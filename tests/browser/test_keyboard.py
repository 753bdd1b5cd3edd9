"""Keyboard only: a page with a threaded example and a quiz can be used with Tab, Enter
and Space alone. Focus never falls to <body>, and wherever it is, it is visible.

"Visible" is checked by comparison: an element's outline, box-shadow, colours, border
and underline (and its first descendants') while focused must differ from the same
element after blur(); a visually hidden input must ring its label.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.test_runner import RUN_TIMEOUT, block_of, output_of, wait_until_finished

PAGE = "lock/"  # a threaded example (schedule controls) and a quiz

DESCRIBE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const name = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim();
  return `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${name.slice(0, 30)}"`;
}"""


FOCUS_SHOWN = """() => {
  const styleOf = (el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor, s.boxShadow,
            s.color, s.backgroundColor, s.textDecorationLine, s.borderColor, s.stroke,
            s.strokeWidth].join(" | ");
  };
  const ring = (el) => getComputedStyle(el).outlineStyle !== "none";
  const el = document.activeElement;
  if (el.closest(".cm-editor")) return ring(el.closest(".cm-editor")); // the editor's ring
  const box = el.getBoundingClientRect();
  if (!box.width || !box.height) {  // a visually hidden input: its label shows the focus
    const next = el.nextElementSibling?.tagName === "LABEL" ? [el.nextElementSibling] : [];
    const labelled = [...(el.labels || []), ...next].some((l) => l.checkVisibility() && ring(l));
    return labelled || (box.width + box.height > 0 && ring(el)); // a flat box: its ring shows
  }
  // The same element unfocused: blur, sample, focus again (the Tab order resumes from
  // it). Its first descendants count too: an SVG marker rings its circle, not the <g>.
  const sample = (e) => [e, ...e.querySelectorAll("*")].slice(0, 4).map(styleOf).join(" || ");
  const focused = sample(el);
  el.blur();
  const plain = sample(el);
  el.focus();
  if (focused !== plain) return true;
  // A roving-tabindex item (a timeline marker) stays "current" after blur: compare it
  // with a sibling of its kind that is neither focused nor current.
  const kind = el.classList[0];
  const peer = kind && [...el.parentElement.children].find(
    (p) => p !== el && p.classList.contains(kind) && p.tabIndex < 0);
  return Boolean(peer) && sample(peer) !== focused;
}"""


def focus_shown(page) -> bool:
    """The focused element looks different from itself unfocused. In the editor, the ring
    is CodeMirror's .cm-focused, which it sets a moment after the focus event (after a
    short timer of its own): that one is waited for, up to half a second."""
    for _ in range(25):
        if page.evaluate(FOCUS_SHOWN):
            return True
        if not page.evaluate("Boolean(document.activeElement.closest('.cm-editor'))"):
            return False
        page.wait_for_timeout(20)
    return False


def tab_to(page, predicate_js: str, limit: int = 120) -> list[str]:
    """Press Tab until the predicate holds for the focused element; every stop is
    checked on the way (never <body>, always visible). Returns the problems seen."""
    problems = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        where = page.evaluate(DESCRIBE)
        if where is None:
            problems.append("focus fell to <body>")
            continue
        if not focus_shown(page):
            problems.append(f"focus not visible on {where}")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return problems
    raise AssertionError(f"never reached {predicate_js}; problems on the way: {problems}")


def test_a_page_with_keyboard_only(open_page):
    watched = open_page(PAGE)
    page = watched.page
    page.wait_for_selector(".quiz.quiz--ready")
    name = page.locator(".example[data-threads='true']").first.get_attribute("data-example")
    block = block_of(page, name)
    problems = []

    # From the top of the page: to the example's code, then its Run.
    problems += tab_to(page, f"el.closest('.example[data-example=\"{name}\"] .example__code')")
    expect(block.locator(".cm-content")).to_be_visible(timeout=RUN_TIMEOUT)  # editor swapped in
    problems += tab_to(page, "el.classList.contains('runner__run')")
    page.keyboard.press("Enter")
    expect(block.locator(".runner")).not_to_have_attribute("data-state", "idle")
    assert page.evaluate(DESCRIBE) is not None, "focus fell to <body> after Run"
    wait_until_finished(block, "ok")
    assert page.evaluate("document.activeElement.classList.contains('runner__run')")
    assert output_of(block).inner_text().strip()

    # Reset, then the folded schedule controls: open them with Enter, pick with keys.
    problems += tab_to(page, "el.classList.contains('runner__reset')")
    page.keyboard.press("Enter")
    problems += tab_to(page, "el.classList.contains('runner__sched-summary')")
    page.keyboard.press("Enter")
    problems += tab_to(page, "el.classList.contains('runner__schedule')")
    page.keyboard.press("ArrowDown")  # a closed <select> changes value with arrows
    second = block.locator(".runner__schedule option").nth(1).inner_text()
    expect(block.locator(".runner__sched-summary")).to_have_text(f"Thread schedule: {second}")
    problems += tab_to(page, "el.classList.contains('runner__newseed')")
    page.keyboard.press("Enter")  # New seed runs again
    wait_until_finished(block, "ok")
    assert page.evaluate(DESCRIBE) is not None, "focus fell to <body> after New seed"

    # The quiz: first choice, Space to pick, Enter to check; the result takes focus.
    problems += tab_to(page, "el.classList.contains('quiz__input')")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page.locator(".quiz__result").first).to_be_visible()
    assert page.evaluate(DESCRIBE) is not None, "focus fell to <body> after checking"
    assert problems == [], "\n".join(problems)
    watched.assert_clean()
