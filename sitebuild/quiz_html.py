"""Render a quiz into a page: the ``{{ quiz("SLUG") }}`` and ``{{ quiz() }}`` macros.

The output is one raw HTML block with two parts:

* the questions with their answers and explanations in ``<details>``, readable without
  JavaScript (and by the search index);
* a ``data-quiz-json`` attribute with everything the widget needs (Markdown already
  rendered to HTML here, with raw HTML from the bank escaped), from which
  ``assets/js/quiz/mount.js`` builds the interactive quiz and hides the static part.

Not a ``<script type="application/json">``: Material's instant navigation re-creates
scripts in new content without their type and would run the JSON as code.
"""

from __future__ import annotations

import hashlib
import json
from html import escape

from sitebuild import quiz_bank
from sitebuild.example_html import code_html
from sitebuild.quiz_markdown import parse_doc_link, relative_href, to_html
from sitebuild.quiz_outputs import normalise
from sitebuild.quiz_schema import OutputsQuestion

TYPE_HINTS = {
    "single": "Choose one answer.",
    "multiple": "Select all that apply.",
    "outputs": "Which outputs are possible? Select every output this example can print.",
}


def _fingerprint(question) -> str:
    """Changes when the question's choices change, so saved answers are not misapplied."""
    data = question.model_dump_json(include={"type", "choices"})
    return hashlib.sha256(data.encode()).hexdigest()[:10]


def _section(question, bank, from_url: str) -> dict:
    link = parse_doc_link(question.section)
    title = bank.pages[link.page][link.anchor]
    return {"href": relative_href(link, from_url), "title": title}


def _outputs_parts(question: OutputsQuestion, bank, from_url: str) -> tuple[str, list[dict]]:
    source = bank.recordings.source(question.example)
    observed = bank.recordings.observed(question.example, question.lines_matching)
    scope = (
        f" (only the lines matching <code>{escape(question.lines_matching)}</code>)"
        if question.lines_matching
        else ""
    )
    prompt = (
        to_html(question.prompt, from_url)
        + f'<p class="quiz__example-name">examples/{escape(question.example)}.py</p>'
        + code_html(source)
        + f'<p class="quiz__example-note">Choices show what the program prints{scope}.</p>'
    )
    choices = []
    for choice in question.choices:
        seen = observed.seen(normalise(choice.output))
        if seen:
            note = f"Printed in {seen} of the {observed.runs} recorded CPython runs."
        elif choice.possible:
            note = f"Not among the {observed.runs} recorded runs, but possible: {choice.reason}"
        else:
            note = f"Never printed in the {observed.runs} recorded runs, and it cannot be."
        choices.append(
            {
                "html": f'<pre class="quiz__output"><code>{escape(choice.output)}</code></pre>',
                "correct": choice.possible,
                "feedback": to_html(choice.feedback, from_url),
                "note": note,  # plain text: the page inserts it with textContent
            }
        )
    return prompt, choices


def question_data(question, bank, from_url: str) -> dict:
    if isinstance(question, OutputsQuestion):
        prompt, choices = _outputs_parts(question, bank, from_url)
    else:
        prompt = to_html(question.prompt, from_url)
        choices = [
            {
                "html": to_html(c.text, from_url),
                "correct": c.correct,
                "feedback": to_html(c.feedback, from_url),
            }
            for c in question.choices
        ]
    return {
        "id": question.id,
        "type": question.type,
        "hint": TYPE_HINTS[question.type],
        "fp": _fingerprint(question),
        "prompt": prompt,
        "choices": choices,
        "explanation": to_html(question.explanation, from_url),
        "section": _section(question, bank, from_url),
    }


def _verdict(choice: dict) -> str:
    return "right" if choice["correct"] else "wrong"


def _static_question(number: int, q: dict) -> str:
    """One question as plain HTML: prompt, choices, and the answer in <details>."""
    choices = "".join(f"<li>{c['html']}</li>" for c in q["choices"])
    answers = "".join(
        f'<li class="quiz__static-choice quiz__static-choice--{_verdict(c)}">'
        f"<strong>{'Correct' if c['correct'] else 'Wrong'}:</strong> {c['html']}"
        f"{c['feedback']}{'<p>' + escape(c['note']) + '</p>' if c.get('note') else ''}</li>"
        for c in q["choices"]
    )
    section = q["section"]
    return (
        f'<li class="quiz__static-question" id="quiz-static-{q["id"]}">'
        f'<p class="quiz__static-number">Question {number}. {escape(q["hint"])}</p>'
        f'<div class="quiz__prompt">{q["prompt"]}</div>'
        f'<ul class="quiz__static-choices">{choices}</ul>'
        f'<details class="quiz__answer"><summary>Show the answer</summary>'
        f'<ul class="quiz__static-answers">{answers}</ul>'
        f'<div class="quiz__explanation">{q["explanation"]}'
        f'<p class="quiz__section">Revisit: <a href="{escape(section["href"])}">'
        f"{escape(section['title'])}</a></p></div></details></li>"
    )


def render(topic: str | None = None, count: int | None = None, page=None) -> str:
    bank = quiz_bank.current()
    questions = bank.for_topic(topic) if topic else list(bank.questions)
    if not questions:
        raise ValueError(
            f"quiz({topic!r}): the bank (docs/quiz/*.yml) has no questions with topic: {topic}"
        )
    if count is not None and (not isinstance(count, int) or count < 1):
        raise ValueError(f"quiz(count={count!r}): count must be a positive whole number")
    from_url = getattr(page, "url", "") or ""
    data = [question_data(q, bank, from_url) for q in questions]
    payload = {"version": 1, "scope": topic or "all", "count": count, "questions": data}
    attr = escape(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), quote=True)
    static = "".join(_static_question(i, q) for i, q in enumerate(data, 1))
    # One line, no blank lines outside <pre>: Markdown must see a single raw HTML block.
    return (
        f'<div class="quiz" data-quiz="{escape(topic or "all")}" data-quiz-json="{attr}">'
        f'<ol class="quiz__static">{static}</ol></div>'
    )
