"""Load the quiz bank (``docs/quiz/*.yml``) and validate it against the schema.

Every problem in every file is collected before giving up, and each is reported as
``FILE:LINE: question 'ID': where: what``. Lines come from the YAML node tree
(``yaml.compose`` keeps each node's start mark), found by following the location
pydantic gives for the error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, SequenceNode

from sitebuild import ROOT, quiz_guards
from sitebuild.quiz_outputs import Recordings
from sitebuild.quiz_schema import TYPES, BankFile, OutputsQuestion

QUIZ_DIR = ROOT / "docs" / "quiz"


class QuizBankError(Exception):
    """The bank is invalid; ``errors`` holds one message per problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        count = f"{len(errors)} problem{'s' if len(errors) != 1 else ''}"
        super().__init__(f"quiz bank: {count}:\n" + "\n".join(f"  {e}" for e in errors))


@dataclass
class Bank:
    questions: list = field(default_factory=list)  # schema models, in file order
    files: dict[str, str] = field(default_factory=dict)  # question id -> bank file
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    recordings: Recordings | None = None

    def for_topic(self, topic: str) -> list:
        return [q for q in self.questions if q.topic == topic]


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _line_of(root: Node, loc: Iterable) -> int:
    """1-based line of the deepest node that ``loc`` reaches (keys: the key's line)."""
    node, line = root, root.start_mark.line
    for part in loc:
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if key.value == part:
                    node, line = value, key.start_mark.line
                    break
            # else: a union tag or a missing key; stay on this mapping
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
    return line + 1


def _question_id(data, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        questions = data.get("questions") if isinstance(data, dict) else None
        if isinstance(questions, list) and loc[1] < len(questions):
            q = questions[loc[1]]
            if isinstance(q, dict) and q.get("id") is not None:
                return str(q["id"])
            return f"#{loc[1] + 1} (no id)"
    return None


def _where(loc: tuple) -> str:
    """``('questions', 3, 'single', 'choices', 1, 'text')`` -> ``choices[2].text``."""
    parts = list(loc[2:]) if len(loc) >= 2 and loc[0] == "questions" else list(loc)
    if parts and parts[0] in TYPES:
        parts = parts[1:]
    text = ""
    for part in parts:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _message(error: dict) -> str:
    kind, loc = error["type"], error["loc"]
    last = loc[-1] if loc else ""
    if kind == "missing":
        return f"missing required key {last!r}"
    if kind == "extra_forbidden":
        return f"unknown key {last!r}"
    if kind == "union_tag_invalid":
        return f"unknown type {error['ctx']['tag']!r}; expected one of {', '.join(TYPES)}"
    if kind == "union_tag_not_found":
        return f"missing required key 'type' (one of {', '.join(TYPES)})"
    if kind == "too_short" and last == "choices":
        return f"needs at least 2 choices, found {error['ctx']['actual_length']}"
    if kind == "too_short" and last == "questions":
        return "the file has no questions"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return f"{error['msg']} (got {error['input']!r})"


def _yaml_error(text: str, name: str, exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else 1
    # The question the error is in (or follows): the last `id:` above the error.
    ids = re.findall(r"^\s*-?\s*id:\s*['\"]?([\w-]+)", "\n".join(text.splitlines()[:line]), re.M)
    where = f"question {ids[-1]!r} (or the one after it)" if ids else "before the first question"
    problem = getattr(exc, "problem", None) or str(exc)
    return f"{name}:{line}: {where}: YAML syntax error: {problem}"


def validate_file(path: Path, context: dict) -> tuple[BankFile | None, list[str]]:
    name = display_path(path)
    text, problems = quiz_guards.read(path, name)
    if text is None:
        return None, problems
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return None, [_yaml_error(text, name, exc)]
    if root is not None and (problems := quiz_guards.before_schema(root, name, context)):
        return None, problems  # checked before the (slow) schema validation
    if root is None or not isinstance(data, dict):
        return None, [f"{name}:1: the file must be a mapping with a 'questions' list"]
    context["file"] = name
    try:
        return BankFile.model_validate(data, context=context), []
    except ValidationError as exc:
        errors: list[tuple[int, str]] = []
        for error in exc.errors():
            loc = error["loc"]
            qid = _question_id(data, loc)
            who = f"question {qid!r}" if qid else "file"
            where = _where(loc)
            line = _line_of(root, loc)
            detail = f"{where}: {_message(error)}" if where else _message(error)
            errors.append((line, f"{name}:{line}: {who}: {detail}"))
        return None, [message for _, message in sorted(errors, key=lambda e: e[0])]


def load_bank(
    quiz_dir: Path,
    pages: dict[str, dict[str, str]],
    recordings: Recordings,
) -> Bank:
    """Validate every ``*.yml`` in ``quiz_dir``; raise QuizBankError with all problems."""
    files = sorted(Path(quiz_dir).glob("*.yml")) + sorted(Path(quiz_dir).glob("*.yaml"))
    if not files:
        raise QuizBankError([f"{display_path(Path(quiz_dir))}: no *.yml question files"])
    context: dict = {"pages": pages, "recordings": recordings, "seen_ids": {}}
    bank = Bank(pages=pages, recordings=recordings)
    errors: list[str] = []
    for path in files:
        parsed, problems = validate_file(path, context)
        errors += problems
        if parsed:
            bank.questions += parsed.questions
            bank.files.update({q.id: display_path(path) for q in parsed.questions})
    if errors:
        raise QuizBankError(errors)
    return bank


def outputs_questions(bank: Bank) -> list[OutputsQuestion]:
    return [q for q in bank.questions if isinstance(q, OutputsQuestion)]


def load_for_site(config=None) -> Bank:
    """Validate the site's bank, with anchors computed by the site's Markdown config."""
    from sitebuild import EXAMPLES_DIR, RECORDED_DIR
    from sitebuild.quiz_anchors import page_anchors

    if config is not None:
        docs_dir = Path(config["docs_dir"])
        pages = page_anchors(docs_dir, config["markdown_extensions"], config["mdx_configs"])
    else:
        docs_dir = ROOT / "docs"
        pages = page_anchors(docs_dir)
    return load_bank(docs_dir / "quiz", pages, Recordings(EXAMPLES_DIR, RECORDED_DIR))
