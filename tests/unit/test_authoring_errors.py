"""Authoring mistakes give FILE:LINE (or file and example) and the fix, never a traceback:
duplicate YAML keys and non-UTF-8 bank files, an oversized bank, and recordings that are
valid JSON of the wrong shape."""

from __future__ import annotations

import json

import pytest

from sitebuild import quiz_guards
from sitebuild.examples import discover
from sitebuild.recorder import RecordError, load_recording, record_all, recording_path
from sitebuild.staleness import problems
from tests.unit.helpers import make_examples
from tests.unit.test_quiz_bank import GOOD_QUESTION, errors_of, load, site, write

__all__ = ["site"]  # the fixture, imported for these tests


# --- quiz bank -----------------------------------------------------------------------


def test_duplicate_key_names_file_line_question_and_fix(site):
    body = "questions:\n" + GOOD_QUESTION.format(id="dup").replace(
        "    section: lock.md#with-lock\n",
        "    section: lock.md#with-lock\n    prompt: A second prompt?\n",
    )
    write(site, "a.yml", body)
    (error,) = errors_of(site)
    line = body.splitlines().index("    prompt: A second prompt?") + 1
    assert f"docs/quiz/a.yml:{line}: question 'dup': duplicate key 'prompt'" in error
    assert "first on line 5" in error and "delete or rename one" in error


def test_duplicate_top_level_key(site):
    write(site, "a.yml", "questions: []\nquestions:\n" + GOOD_QUESTION.format(id="x"))
    (error,) = errors_of(site)
    assert "docs/quiz/a.yml:2: file: duplicate key 'questions'" in error


def test_bank_file_that_is_not_utf8(site):
    text = "questions:\n" + GOOD_QUESTION.format(id="latin").replace("Nothing", "Rien à faire")
    (site / "docs" / "quiz" / "a.yml").write_bytes(text.encode("latin-1"))
    (error,) = errors_of(site)
    line = text.splitlines().index("      - text: Rien à faire") + 1
    assert f"docs/quiz/a.yml:{line}: not UTF-8 (byte 0xe0 at column 20)" in error
    assert "iconv -f latin1 -t utf-8 " in error and "a.yml.utf8" in error


def test_a_bank_over_the_question_limit_stops_before_validating(site, monkeypatch):
    monkeypatch.setattr(quiz_guards, "MAX_QUESTIONS", 3)
    write(
        site, "a.yml", "questions:\n" + "".join(GOOD_QUESTION.format(id=f"a{i}") for i in range(2))
    )
    write(
        site, "b.yml", "questions:\n" + "".join(GOOD_QUESTION.format(id=f"b{i}") for i in range(2))
    )
    (error,) = errors_of(site)
    assert "docs/quiz/b.yml:2: the bank reaches 4 questions here" in error
    assert "at most 3" in error and "MAX_QUESTIONS in sitebuild/quiz_guards.py" in error


def test_a_huge_bank_file_is_refused_by_size(site, monkeypatch):
    monkeypatch.setattr(quiz_guards, "MAX_FILE_BYTES", 1024)
    write(
        site, "a.yml", "questions:\n" + "".join(GOOD_QUESTION.format(id=f"q{i}") for i in range(5))
    )
    (error,) = errors_of(site)
    assert "docs/quiz/a.yml:1: " in error and "split it into one file per topic" in error


def test_the_limits_fit_the_real_bank():
    from sitebuild import quiz_bank

    assert len(quiz_bank.load_for_site().questions) <= quiz_guards.MAX_QUESTIONS


def test_a_good_bank_still_loads(site):
    write(site, "a.yml", "questions:\n" + GOOD_QUESTION.format(id="fine"))
    assert [q.id for q in load(site).questions] == ["fine"]


# --- recordings ----------------------------------------------------------------------


@pytest.fixture
def recorded(tmp_path):
    examples = make_examples(tmp_path, {"one": "print(1)\n"})
    recorded = tmp_path / "recorded"
    assert record_all(examples, recorded, log=lambda *_: None) == []
    return examples, recorded


@pytest.mark.parametrize(
    "mangle, expected",
    [
        (lambda r: [], "a recording is a JSON object with 'runs', not list"),
        (lambda r: {**r, "runs": []}, "wrong shape: runs: list should have at least 1 item"),
        (
            lambda r: {
                **r,
                "runs": [r["runs"][0], {k: v for k, v in r["runs"][0].items() if k != "stdout"}],
            },
            "wrong shape: runs[1].stdout: missing",
        ),
        (
            lambda r: {**r, "runs": [{**r["runs"][0], "stdout": None}]},
            "wrong shape: runs[0].stdout",
        ),
        (lambda r: {k: v for k, v in r.items() if k != "source_sha256"}, "source_sha256: missing"),
    ],
)
def test_wrong_shape_recording_names_file_example_and_fix(recorded, mangle, expected):
    examples, recorded_dir = recorded
    path = recording_path(recorded_dir, "one")
    path.write_text(json.dumps(mangle(json.loads(path.read_text()))))
    with pytest.raises(RecordError, match=r"one\.json: "):
        load_recording(path)
    (found,) = problems(discover(examples), recorded_dir)
    assert found.startswith(f"example one: {path}: ") and expected in found
    assert "run `make record`" in found


def test_make_record_replaces_a_wrong_shape_recording(recorded):
    examples, recorded_dir = recorded
    path = recording_path(recorded_dir, "one")
    path.write_text("[]")
    assert record_all(examples, recorded_dir, log=lambda *_: None) == []
    assert load_recording(path)["runs"][0]["stdout"] == "1\n"


def test_recording_that_is_not_utf8(recorded):
    examples, recorded_dir = recorded
    recording_path(recorded_dir, "one").write_bytes(b'{"example": "caf\xe9"}')
    (found,) = problems(discover(examples), recorded_dir)
    assert "one.json: not UTF-8" in found and "run `make record`" in found
