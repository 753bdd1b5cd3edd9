"""The quiz widget in Chromium: keyboard use, feedback and score, saved progress across
reloads and instant navigation, review links, the Knowledge check page, and markup from
the bank shown as text."""

from __future__ import annotations

import re
from types import SimpleNamespace

from playwright.sync_api import expect

from sitebuild import quiz_bank, quiz_html
from sitebuild.quiz_anchors import page_anchors
from sitebuild.quiz_bank import load_bank
from sitebuild.quiz_markdown import parse_doc_link, relative_href
from sitebuild.quiz_outputs import Recordings

READY = ".quiz.quiz--ready"


def quiz_data(page) -> dict:
    return page.evaluate("JSON.parse(document.querySelector('.quiz').dataset.quizJson)")


def choice_values(form) -> list[int]:
    """Original choice indexes of a question's inputs, in the (shuffled) order shown."""
    return [
        int(v)
        for v in form.locator("input.quiz__input").evaluate_all("els => els.map(e => e.value)")
    ]


def pick(form, question: dict, correct: bool) -> int:
    index = next(i for i, c in enumerate(question["choices"]) if c["correct"] == correct)
    form.locator(f"input.quiz__input[value='{index}']").check()
    return index


def test_keyboard_only_answer_shows_feedback_and_score(open_page):
    watched = open_page("lock/")
    page = watched.page
    page.wait_for_selector(READY)
    question = quiz_data(page)["questions"][0]
    form = page.locator(".quiz__question").first
    order = choice_values(form)
    target = order.index(next(i for i, c in enumerate(question["choices"]) if c["correct"]))

    # From the "Check yourself" heading, Tab into the quiz like a keyboard user.
    page.evaluate("const h = document.getElementById('check-yourself'); h.tabIndex = -1; h.focus()")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('quiz__input')"):
            break
    assert page.evaluate("document.activeElement.value") == str(order[0])
    page.keyboard.press("Space")  # select the first choice
    for _ in range(target):
        page.keyboard.press("ArrowDown")  # radio groups move the selection with arrows
    page.keyboard.press("Enter")  # implicit submission of the question's form

    result = form.locator(".quiz__result")
    assert result.is_visible()
    assert form.locator(".quiz__verdict").inner_text() == "Correct."
    assert page.evaluate("document.activeElement.classList.contains('quiz__result')")
    total = len(quiz_data(page)["questions"])
    assert page.locator(".quiz__score").inner_text() == f"Score: 1 of {total} correct (1 answered)."
    page.wait_for_function(  # a function: the page's CSP refuses eval of expression strings
        "() => document.querySelector('.quiz__live').textContent.startsWith('Correct.')"
    )
    # Per-choice feedback is shown for every choice, with text, not only colour.
    assert form.locator(".quiz__feedback:visible").count() == len(question["choices"])
    assert form.locator(".quiz__status", has_text="✓ Correct — you chose it").count() == 1

    page.keyboard.press("Shift+Tab")  # back to "Try again"
    assert page.evaluate("document.activeElement.textContent") == "Try again"
    page.keyboard.press("Enter")
    assert result.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('quiz__input')")
    assert page.locator(".quiz__score").inner_text() == f"Score: 0 of {total} correct (0 answered)."
    watched.assert_clean()


def test_progress_survives_reload_and_instant_navigation(open_page):
    watched = open_page("lock/")
    page = watched.page
    page.wait_for_selector(READY)
    question = quiz_data(page)["questions"][0]
    form = page.locator(".quiz__question").first
    wrong = pick(form, question, correct=False)
    form.locator(".quiz__check").click()
    assert form.locator(".quiz__verdict").inner_text().startswith("Not quite")
    order = choice_values(form)

    def assert_restored():
        page.wait_for_selector(READY)
        again = page.locator(".quiz__question").first
        assert again.locator(f"input.quiz__input[value='{wrong}']").is_checked()
        assert again.locator(".quiz__verdict").inner_text().startswith("Not quite")
        assert choice_values(again) == order  # same shuffle: the seed is kept too
        assert page.locator(".quiz__app").count() == 1

    page.reload()
    assert_restored()

    page.evaluate("window.__sameDocument = true")
    page.locator("nav.md-nav--primary a[href$='rlock/']").first.click()
    page.wait_for_url("**/rlock/")
    page.wait_for_selector(READY)
    page.locator("nav.md-nav--primary a[href$='/lock/']").first.click()
    page.wait_for_url(re.compile(r".*/threading-in-python/lock/$"))
    assert_restored()
    assert page.evaluate("window.__sameDocument === true")  # instant, not a reload
    watched.assert_clean()


def test_review_links_a_wrong_answer_to_its_section(open_page, site):
    watched = open_page("knowledge-check/")
    page = watched.page
    page.wait_for_selector(READY)
    page.select_option(".quiz__count", "0")  # all questions, in bank order
    form = page.locator(".quiz__question").first
    qid = form.get_attribute("data-qid")
    question = next(q for q in quiz_data(page)["questions"] if q["id"] == qid)
    pick(form, question, correct=False)
    form.locator(".quiz__check").click()
    page.get_by_role("button", name="Review my mistakes").click()

    review = page.locator(".quiz__review")
    assert review.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('quiz__review')")
    link = review.locator("a.quiz__review-section")
    assert link.count() == 1
    # The section the bank names for this question, as a URL relative to this page.
    section = next(q for q in quiz_bank.load_for_site().questions if q.id == qid).section
    doc = parse_doc_link(section)
    assert link.get_attribute("href") == relative_href(doc, "knowledge-check/")
    assert link.inner_text() == quiz_bank.load_for_site().pages[doc.page][doc.anchor]
    link.click()
    slug = doc.page.removesuffix(".md")
    target = "" if slug == "index" else f"{slug}/"
    page.wait_for_url(f"{site.url}{target}#{doc.anchor}")
    # Instant navigation may change the URL before it swaps the page's content in.
    expect(page.locator(f"[id='{doc.anchor}']")).to_have_count(1)
    watched.assert_clean()


def test_knowledge_check_page_works(open_page):
    watched = open_page("knowledge-check/")
    page = watched.page
    page.wait_for_selector(READY)
    data = quiz_data(page)
    total = len(data["questions"])
    assert total >= 30
    # The static fallback (answers in <details>) is hidden once the widget runs.
    assert page.locator(".quiz__static").is_hidden()
    assert page.locator(".quiz__question").count() == data["count"] == 10
    assert page.locator(".quiz__legend").first.inner_text() == "Question 1 of 10"

    page.select_option(".quiz__count", "0")
    assert page.locator(".quiz__question").count() == total
    form = page.locator(".quiz__question").nth(2)
    qid = form.get_attribute("data-qid")
    question = next(q for q in data["questions"] if q["id"] == qid)
    for i, choice in enumerate(question["choices"]):  # every correct choice, and only those
        if choice["correct"]:
            form.locator(f"input.quiz__input[value='{i}']").check()
    form.locator(".quiz__check").click()
    assert form.locator(".quiz__verdict").inner_text() == "Correct."
    assert page.locator(".quiz__score").inner_text() == f"Score: 1 of {total} correct (1 answered)."

    page.select_option(".quiz__count", "5")
    first_set = page.locator(".quiz__question").evaluate_all("fs => fs.map(f => f.dataset.qid)")
    assert len(first_set) == 5
    page.get_by_role("button", name="New set of questions").click()
    second_set = page.locator(".quiz__question").evaluate_all("fs => fs.map(f => f.dataset.qid)")
    assert len(second_set) == 5
    page.get_by_role("button", name="Reset quiz").click()
    assert page.locator(".quiz__result:visible").count() == 0
    watched.assert_clean()


def test_no_javascript_shows_questions_with_answers(open_page):
    page = open_page("lock/", java_script_enabled=False).page
    static = page.locator(".quiz__static")
    assert static.is_visible()
    details = static.locator("details.quiz__answer")
    assert details.count() == static.locator(".quiz__static-question").count() >= 2
    details.first.locator("summary").click()
    assert details.first.locator(".quiz__static-choice--right").first.is_visible()
    assert details.first.locator(".quiz__section a").is_visible()


ATTACK = "<img src=x onerror=window.__xss=1;alert(1)>"
MALICIOUS = f"""\
questions:
  - id: xss
    topic: lock
    type: single
    prompt: 'Is this markup shown as text? {ATTACK}'
    choices:
      - text: '{ATTACK}'
        correct: true
        feedback: '{ATTACK}'
      - text: '<b onmouseover=alert(2)>bold</b>'
        feedback: 'no'
    explanation: '{ATTACK}'
    section: lock.md#mutual-exclusion
"""


def test_markup_from_the_bank_is_shown_as_text(open_page, tmp_path):
    from sitebuild import EXAMPLES_DIR, RECORDED_DIR, ROOT

    (tmp_path / "q.yml").write_text(MALICIOUS)
    bank = load_bank(tmp_path, page_anchors(ROOT / "docs"), Recordings(EXAMPLES_DIR, RECORDED_DIR))
    block = quiz_html.render(topic="lock", page=SimpleNamespace(url="lock/"), bank=bank)

    watched = open_page("lock/")
    page = watched.page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.wait_for_selector(READY)
    # Put the build's output for the malicious bank in the page, as the build would, and
    # let the page's own quiz module mount it.
    page.evaluate(
        """async (html) => {
          const host = document.createElement("div");
          host.id = "xss-host";
          host.innerHTML = html;
          document.querySelector("article").append(host);
          const { mount } = await import(new URL("../assets/js/quiz/mount.js", location.href));
          mount(host);
        }""",
        block,
    )
    quiz = page.locator("#xss-host .quiz.quiz--ready")
    form = quiz.locator(".quiz__question")
    pick(form, quiz_data_of(page, "#xss-host .quiz")["questions"][0], correct=True)
    form.locator(".quiz__check").click()
    page.wait_for_timeout(200)

    assert dialogs == []
    assert page.evaluate("window.__xss") is None
    assert page.locator("#xss-host img, #xss-host b").count() == 0
    text = quiz.locator(".quiz__app").inner_text()
    assert text.count(ATTACK) >= 4  # prompt, choice, feedback, explanation
    assert "<b onmouseover=alert(2)>bold</b>" in text
    static_html = page.locator("#xss-host .quiz__static").inner_html()
    assert "<img" not in static_html and "&lt;img src=x" in static_html
    watched.assert_clean()


def quiz_data_of(page, selector: str) -> dict:
    return page.evaluate(f"JSON.parse(document.querySelector('{selector}').dataset.quizJson)")


STORE_KEY = "threading-in-python:quiz"


def test_corrupt_or_old_progress_is_discarded(open_page):
    for bad in ["{not json", '{"v": 0, "seed": 1, "answers": {}}', '{"v": 1, "seed": "x"}']:
        script = f"localStorage.setItem({STORE_KEY!r}, {bad!r})"
        watched = open_page(
            "lock/",
            init_script=f"if (!sessionStorage.seeded) {{ {script}; sessionStorage.seeded = 1 }}",
        )
        page = watched.page
        page.wait_for_selector(READY)
        saved = page.evaluate(f"JSON.parse(localStorage.getItem({STORE_KEY!r}))")
        assert saved["v"] == 1 and isinstance(saved["seed"], int) and saved["answers"] == {}
        watched.assert_clean()


def test_saved_progress_is_size_capped(open_page):
    huge = (
        "{const answers = {}; for (let i = 0; i < 5000; i++) answers['q-' + i] = "
        "{s: [0, 1, 2], d: true, f: 'x'.repeat(10), t: i};"
        "const state = {v: 1, seed: 7, answers, check: {count: 0, round: 0}};"
        f"localStorage.setItem({STORE_KEY!r}, JSON.stringify(state));}}"
    )
    watched = open_page(
        "lock/", init_script=f"if (!sessionStorage.seeded) {{ {huge}; sessionStorage.seeded = 1 }}"
    )
    page = watched.page
    page.wait_for_selector(READY)
    text = page.evaluate(f"localStorage.getItem({STORE_KEY!r})")
    assert len(text) <= 50_000
    saved = page.evaluate(f"JSON.parse(localStorage.getItem({STORE_KEY!r}))")
    assert saved["seed"] == 7 and 0 < len(saved["answers"]) <= 200
    assert "q-4999" in saved["answers"]  # the newest are kept
    watched.assert_clean()
