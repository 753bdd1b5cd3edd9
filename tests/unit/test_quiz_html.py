"""Rendering quizzes: Markdown is rendered at build time with raw HTML escaped, doc links
become URLs relative to the page, and the page gets both the no-JS answers and the JSON."""

from __future__ import annotations

import html
import json
import re
from types import SimpleNamespace

import pytest

from sitebuild import quiz_bank, quiz_html
from sitebuild.quiz_markdown import DocLink, relative_href, to_html
from sitebuild.quiz_outputs import normalise

ATTACK = "<img src=x onerror=alert(1)>"


def test_raw_html_in_markdown_is_shown_as_text():
    out = to_html(f"Look: {ATTACK} and <script>alert(2)</script>", "lock/")
    assert "<img" not in out and "<script" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_code_is_highlighted_like_the_site():
    out = to_html("```python\nprint('<b>')\n```", "")
    assert 'class="highlight"' in out and "&lt;b&gt;" in out


@pytest.mark.parametrize(
    "link, page, expected",
    [
        (DocLink("lock.md", "with-lock"), "rlock/", "../lock/#with-lock"),
        (DocLink("lock.md", "with-lock"), "lock/", "#with-lock"),
        (DocLink("lock.md", "with-lock"), "", "lock/#with-lock"),
        (DocLink("index.md", "what-a-thread-is"), "gil/", "../#what-a-thread-is"),
        (DocLink("index.md", ""), "", "./"),
    ],
)
def test_doc_links_resolve_relative_to_the_page(link, page, expected):
    assert relative_href(link, page) == expected


def test_links_in_markdown_are_rewritten_for_the_page():
    out = to_html("See [Lock](lock.md#mutual-exclusion).", "knowledge-check/")
    assert 'href="../lock/#mutual-exclusion"' in out


def test_outputs_are_compared_after_normalising():
    assert normalise("A  \r\nB\n\n") == "A\nB"
    assert normalise("x 1\nkeep 2\ny\nkeep 3\n", r"^keep") == "keep 2\nkeep 3"


def _payload(out: str) -> dict:
    match = re.search(r'data-quiz-json="([^"]*)"', out)
    return json.loads(html.unescape(match.group(1)))


def test_topic_quiz_has_static_answers_and_json():
    bank = quiz_bank.load_for_site()
    out = quiz_html.render(topic="lock", page=SimpleNamespace(url="lock/"))
    data = _payload(out)
    lock_ids = [q.id for q in bank.for_topic("lock")]
    assert [q["id"] for q in data["questions"]] == lock_ids
    # Without JavaScript: every question, with its answer inside <details>.
    assert out.count('<details class="quiz__answer">') == len(lock_ids)
    assert "<script" not in out
    assert "\n\n" not in out.split("<pre")[0]  # one raw HTML block for Markdown
    first = data["questions"][0]
    assert sum(c["correct"] for c in first["choices"]) == 1
    assert first["section"]["href"].startswith("#")  # same page: a plain fragment


def test_knowledge_check_has_every_question_and_the_count():
    out = quiz_html.render(count=10, page=SimpleNamespace(url="knowledge-check/"))
    data = _payload(out)
    assert data["count"] == 10 and data["scope"] == "all"
    assert len(data["questions"]) == len(quiz_bank.load_for_site().questions)
    assert all(q["section"]["href"].startswith("../") for q in data["questions"])


def test_outputs_questions_say_how_often_each_output_was_seen():
    out = quiz_html.render(topic="race-conditions", page=SimpleNamespace(url="race-conditions/"))
    question = next(q for q in _payload(out)["questions"] if q["type"] == "outputs")
    notes = [c["note"] for c in question["choices"]]
    assert any(n.startswith("Printed in ") for n in notes)
    assert any(n.startswith("Never printed") for n in notes)
    assert 'class="language-python highlight"' in question["prompt"]  # the example's code


def test_unknown_topic_fails_the_build():
    with pytest.raises(ValueError, match="no questions with topic: nothing"):
        quiz_html.render(topic="nothing", page=SimpleNamespace(url=""))
