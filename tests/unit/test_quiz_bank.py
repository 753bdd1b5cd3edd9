"""The quiz bank: the site's own bank validates; each kind of broken bank is reported
with its file, line and question id; all problems come out at once."""

from __future__ import annotations

import hashlib
import json
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from sitebuild import ROOT, quiz_bank
from sitebuild.quiz_anchors import page_anchors
from sitebuild.quiz_bank import QuizBankError, load_bank
from sitebuild.quiz_outputs import Recordings

TOPIC_PAGES = [
    "index",
    "creating-threads",
    "passing-arguments",
    "daemon-threads",
    "race-conditions",
    "lock",
    "rlock",
    "gil",
    "event",
    "semaphore",
    "thread-local",
]


# --- the real bank -------------------------------------------------------------------


def test_site_bank_validates():
    bank = quiz_bank.load_for_site()
    assert len(bank.questions) >= 30
    per_topic = Counter(q.topic for q in bank.questions)
    for topic in TOPIC_PAGES:
        assert per_topic[topic] >= 2, f"{topic}: only {per_topic[topic]} questions"
    types = {q.type for q in bank.questions}
    assert types == {"single", "multiple", "outputs"}


def test_site_bank_has_the_original_three_questions():
    bank = quiz_bank.load_for_site()
    prompts = {q.id: q.prompt for q in bank.questions}
    assert "race condition" in prompts["race-what-is"]
    assert "GIL" in prompts["gil-best-for"]
    assert "RLock" in prompts["rlock-vs-lock"]


def test_every_topic_page_calls_its_quiz():
    for topic in TOPIC_PAGES:
        text = (ROOT / "docs" / f"{topic}.md").read_text()
        assert f'{{{{ quiz("{topic}") }}}}' in text, topic


# --- fixture banks -------------------------------------------------------------------

PAGE = "# threading.Lock\n\n## With lock\n\nText.\n\n```python\n# not a heading\n```\n"

GOOD_QUESTION = """\
  - id: {id}
    topic: lock
    type: single
    prompt: What does `with lock:` do?
    choices:
      - text: Acquires, then releases
        correct: true
        feedback: Right.
      - text: Nothing
        feedback: It does.
    explanation: See [the section](lock.md#with-lock).
    section: lock.md#with-lock
"""


@pytest.fixture
def site(tmp_path):
    """A tiny docs tree (one page) and one example recorded twice, 'A B' then 'B A'."""
    docs = tmp_path / "docs"
    (docs / "quiz").mkdir(parents=True)
    (docs / "lock.md").write_text(PAGE)
    examples = tmp_path / "examples"
    (examples / "recorded").mkdir(parents=True)
    source = "print('A')\nprint('B')\n"
    (examples / "two.py").write_text(source)
    recording = {
        "example": "two",
        "source_sha256": hashlib.sha256(source.encode()).hexdigest(),
        "runs": [{"exit_code": 0, "stdout": "A\nB\n"}, {"exit_code": 0, "stdout": "B\nA\n"}],
    }
    (examples / "recorded" / "two.json").write_text(json.dumps(recording))
    return tmp_path


def write(site: Path, name: str, body: str) -> None:
    (site / "docs" / "quiz" / name).write_text(textwrap.dedent(body))


def load(site: Path):
    return load_bank(
        site / "docs" / "quiz",
        page_anchors(site / "docs"),
        Recordings(site / "examples", site / "examples" / "recorded"),
    )


def errors_of(site: Path) -> list[str]:
    with pytest.raises(QuizBankError) as info:
        load(site)
    return info.value.errors


def test_fixture_bank_validates(site):
    write(site, "a.yml", "questions:\n" + GOOD_QUESTION.format(id="good"))
    bank = load(site)
    assert [q.id for q in bank.questions] == ["good"]


OUTPUTS = """\
questions:
  - id: two-order
    topic: lock
    type: outputs
    example: two
    prompt: Which?
    choices:
      - output: "A\\nB"
        possible: {ab}
        feedback: f
      - output: |-
          C
        possible: {c}
        feedback: f{reason}
    explanation: e
    section: lock.md#with-lock
"""

# (file text, expected line, id, expected message part)
BROKEN = {
    "unknown key": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1").replace("    type:", "    colour: red\n    type:"),
        4,
        "q1",
        "colour: unknown key 'colour'",
    ),
    "missing field": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1").replace(
            "    explanation: See [the section](lock.md#with-lock).\n", ""
        ),
        2,
        "q1",
        "explanation: missing required key 'explanation'",
    ),
    "no correct choice": (
        "questions:\n" + GOOD_QUESTION.format(id="q1").replace("correct: true", "correct: false"),
        2,
        "q1",
        "needs exactly one correct choice; 0 are marked correct",
    ),
    "several correct on single": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1").replace(
            "feedback: It does.", "correct: true\n        feedback: It does."
        ),
        2,
        "q1",
        "needs exactly one correct choice; 2 are marked correct",
    ),
    "no correct on multiple": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1")
        .replace("correct: true", "correct: false")
        .replace("type: single", "type: multiple"),
        2,
        "q1",
        "no choice is marked correct",
    ),
    "fewer than two choices": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1").replace(
            "      - text: Nothing\n        feedback: It does.\n", ""
        ),
        6,
        "q1",
        "choices: needs at least 2 choices, found 1",
    ),
    "link to missing page": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1").replace("(lock.md#with-lock)", "(nolock.md#with-lock)"),
        12,
        "q1",
        "explanation: link to 'nolock.md': no such page",
    ),
    "link to missing anchor": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1").replace(
            "feedback: It does.", "feedback: See [x](lock.md#nope)."
        ),
        11,
        "q1",
        "choices[2].feedback: link to 'lock.md#nope': no such anchor",
    ),
    "section anchor missing": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1").replace(
            "section: lock.md#with-lock", "section: lock.md#gone"
        ),
        13,
        "q1",
        "section: link to 'lock.md#gone': no such anchor",
    ),
    "javascript link": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1").replace(
            "feedback: Right.", "feedback: '[x](javascript:alert(1))'"
        ),
        9,
        "q1",
        "is neither a page of the site",
    ),
    "unknown type": (
        "questions:\n" + GOOD_QUESTION.format(id="q1").replace("type: single", "type: essay"),
        2,
        "q1",
        "unknown type 'essay'",
    ),
    "YAML syntax error": (
        "questions:\n"
        + GOOD_QUESTION.format(id="q1")
        + "  - id: q2\n    prompt: [unclosed\n    topic: lock\n",
        16,  # where the parser notices: the line after the unclosed bracket
        "q2",
        "YAML syntax error",
    ),
    "observed output marked impossible": (
        OUTPUTS.format(ab="false", c="false", reason=""),
        8,
        "two-order",
        "printed in 1 of the 2 recorded runs of 'two', but the choice says possible: false",
    ),
    "possible output never observed, no reason": (
        OUTPUTS.format(ab="true", c="true", reason=""),
        11,
        "two-order",
        "none of the 2 recorded runs of 'two' printed this output",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_bank_names_file_line_and_id(site, case):
    text, line, qid, message = BROKEN[case]
    write(site, "a.yml", text)
    errors = errors_of(site)
    assert len(errors) == 1, errors
    assert (
        errors[0].startswith(f"docs/quiz/a.yml:{line}: ")
        or f"/docs/quiz/a.yml:{line}: " in errors[0]
    ), errors[0]
    assert f"question '{qid}'" in errors[0], errors[0]
    assert message in errors[0], errors[0]


def test_unobserved_output_is_fine_with_a_reason(site):
    write(
        site,
        "a.yml",
        OUTPUTS.format(ab="true", c="true", reason="\n        reason: a later version might"),
    )
    assert load(site).questions[0].id == "two-order"


def test_duplicate_ids_across_files(site):
    write(site, "a.yml", "questions:\n" + GOOD_QUESTION.format(id="same"))
    write(
        site,
        "b.yml",
        "questions:\n" + GOOD_QUESTION.format(id="other") + GOOD_QUESTION.format(id="same"),
    )
    errors = errors_of(site)
    assert len(errors) == 1, errors
    assert "b.yml:14: question 'same': id: duplicate id 'same': already used in" in errors[0]
    assert "a.yml" in errors[0]


def test_all_problems_are_reported_at_once(site):
    write(
        site,
        "a.yml",
        "questions:\n" + GOOD_QUESTION.format(id="q1").replace("type: single", "type: essay"),
    )
    write(site, "b.yml", "questions:\n  - id: q2\n    prompt: [oops\n")
    write(
        site,
        "c.yml",
        "questions:\n"
        + GOOD_QUESTION.format(id="q3").replace("topic: lock", "topic: lock\n    extra: 1")
        + GOOD_QUESTION.format(id="q4").replace("section: lock.md#with-lock", "section: nowhere"),
    )
    errors = errors_of(site)
    assert len(errors) == 4, errors
    joined = "\n".join(errors)
    for where in ("a.yml:2: question 'q1'", "b.yml:", "c.yml:4: question 'q3'", "question 'q4'"):
        assert where in joined, joined
    assert str(QuizBankError(errors)).startswith("quiz bank: 4 problems:")


def test_empty_directory_is_an_error(site):
    assert "no *.yml question files" in errors_of(site)[0]
