"""Render a quiz into a page: the ``{{ quiz("SLUG") }}`` and ``{{ quiz() }}`` macros.

The output is one raw HTML block with two parts:

* the questions with their answers and explanations in ``<details>``, readable without
  JavaScript (and by the search index);
* a ``data-quiz-json`` attribute with everything the widget needs (Markdown already
  rendered to HTML here, with raw HTML from the bank escaped), from which
  ``assets/js/quiz/mount.js`` builds the interactive quiz and hides the static part.

The markup is in ``sitebuild/templates/quiz*.html``. Not a ``<script
type="application/json">``: Material's instant navigation re-creates scripts in new
content without their type and would run the JSON as code.
"""

from __future__ import annotations

import hashlib
import json

from markupsafe import Markup

from sitebuild import quiz_bank
from sitebuild.example_html import code_html
from sitebuild.quiz_bank import Bank
from sitebuild.quiz_markdown import parse_doc_link, relative_href, to_html
from sitebuild.quiz_outputs import normalise
from sitebuild.quiz_schema import OutputsQuestion
from sitebuild.templating import render as render_template

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
    prompt = render_template(
        "quiz_outputs_prompt.html",
        prompt=to_html(question.prompt, from_url),
        example=question.example,
        code=code_html(source),
        lines_matching=question.lines_matching,
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
                "html": render_template("quiz_output_choice.html", output=choice.output),
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


def render(
    topic: str | None = None, count: int | None = None, page=None, bank: Bank | None = None
) -> Markup:
    """The quiz block for ``topic`` (or every question); ``bank`` defaults to the site's."""
    bank = bank if bank is not None else quiz_bank.load_for_site()
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
    return render_template(
        "quiz.html",
        scope=topic or "all",
        payload_json=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
        questions=data,
    )
