"""The quiz bank's schema: pydantic models that say what a valid question is.

Checks that need to know about the rest of the site (pages and their anchors, example
recordings, ids used in other files) read a validation ``context`` dict:

* ``pages``: ``{"lock.md": {"anchor": "Heading", ...}}`` (see quiz_anchors)
* ``recordings``: a quiz_outputs.Recordings
* ``seen_ids``: ``{id: file}``, shared by every file of the bank, to catch duplicates
* ``file``: the file being validated (for duplicate-id messages)

Without a context those cross-checks are skipped; the shape is still checked.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from sitebuild.quiz_markdown import DocLink, link_problems, parse_doc_link
from sitebuild.quiz_outputs import normalise

TYPES = ("single", "multiple", "outputs")


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


def anchor_problem(pages: dict[str, dict[str, str]], link: DocLink) -> str | None:
    if link.page not in pages:
        return f"link to {link.page!r}: no such page in docs/"
    if link.anchor and link.anchor not in pages[link.page]:
        known = ", ".join(sorted(pages[link.page])) or "none"
        return f"link to '{link.page}#{link.anchor}': no such anchor (anchors there: {known})"
    return None


def _check_markdown(text: str, info: ValidationInfo) -> str:
    pages = _context(info).get("pages")
    if pages is not None:
        problems = link_problems(text, lambda link: anchor_problem(pages, link))
        if problems:
            raise ValueError("; ".join(problems))
    return text


def _check_section(text: str, info: ValidationInfo) -> str:
    link = parse_doc_link(text)
    if link is None or not link.anchor:
        raise ValueError(f"{text!r} is not a section link like 'lock.md#with-lock'")
    pages = _context(info).get("pages")
    problem = pages is not None and anchor_problem(pages, link)
    if problem:
        raise ValueError(problem)
    return text


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[Text, AfterValidator(_check_markdown)]
Section = Annotated[str, AfterValidator(_check_section)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(Strict):
    """A choice of a single- or multiple-answer question."""

    text: Markdown
    correct: bool = False
    feedback: Markdown


class OutputChoice(Strict):
    """One output an example might print; ``possible`` is checked against recordings."""

    output: Text
    possible: bool
    reason: Text | None = None  # why an output never recorded can still happen
    feedback: Markdown

    @model_validator(mode="after")
    def _against_recordings(self, info: ValidationInfo) -> OutputChoice:
        ctx = _context(info)
        question = ctx.get("outputs_question")
        recordings = ctx.get("recordings")
        if not question or recordings is None:
            return self
        example, lines_matching = question
        observed = recordings.observed(example, lines_matching)
        if observed is None:
            return self  # reported once, on the question's `example`
        seen = observed.seen(normalise(self.output))
        if seen and not self.possible:
            raise ValueError(
                f"this output was printed in {seen} of the {observed.runs} recorded runs of "
                f"{example!r}, but the choice says possible: false"
            )
        if not seen and self.possible and not self.reason:
            raise ValueError(
                f"possible: true, but none of the {observed.runs} recorded runs of {example!r} "
                "printed this output; record more runs or add a `reason` saying why it can happen"
            )
        if self.reason and not self.possible:
            raise ValueError(
                "`reason` explains an unobserved possible output; this one is impossible"
            )
        return self


class QuestionBase(Strict):
    id: Id
    topic: str
    prompt: Markdown
    explanation: Markdown
    section: Section

    @field_validator("id")
    @classmethod
    def _unique(cls, value: str, info: ValidationInfo) -> str:
        ctx = _context(info)
        seen = ctx.get("seen_ids")
        if seen is not None:
            if value in seen:
                raise ValueError(f"duplicate id {value!r}: already used in {seen[value]}")
            seen[value] = ctx.get("file", "this bank")
        return value

    @field_validator("topic")
    @classmethod
    def _topic_page(cls, value: str, info: ValidationInfo) -> str:
        pages = _context(info).get("pages")
        if pages is not None and f"{value}.md" not in pages:
            raise ValueError(f"topic {value!r}: there is no page docs/{value}.md")
        return value


class SingleQuestion(QuestionBase):
    type: Literal["single"]
    choices: list[Choice] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleQuestion:
        correct = sum(c.correct for c in self.choices)
        if correct != 1:
            raise ValueError(
                f"a single-answer question needs exactly one correct choice; {correct} are "
                "marked correct (use type: multiple for several)"
            )
        return self


class MultipleQuestion(QuestionBase):
    type: Literal["multiple"]
    choices: list[Choice] = Field(min_length=2)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleQuestion:
        if not any(c.correct for c in self.choices):
            raise ValueError("no choice is marked correct: at least one must be")
        return self


class OutputsQuestion(QuestionBase):
    """A "which outputs are possible?" question; its key is checked against the runs."""

    type: Literal["outputs"]
    example: str
    lines_matching: str | None = None
    choices: list[OutputChoice] = Field(min_length=2)

    @model_validator(mode="wrap")
    @classmethod
    def _share_example(cls, data: Any, handler, info: ValidationInfo):
        # Each choice checks itself against the recordings, so that an error names the
        # choice's own line; it learns the example through the context.
        ctx = _context(info)
        if isinstance(data, dict) and isinstance(data.get("example"), str):
            pattern = data.get("lines_matching")
            try:
                re.compile(pattern or "")
            except (re.error, TypeError):
                pattern = False  # reported on the field; choices cannot be compared
            if pattern is not False:
                ctx["outputs_question"] = (data["example"], pattern)
        try:
            return handler(data)
        finally:
            ctx.pop("outputs_question", None)

    @field_validator("lines_matching")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from None
        return value

    @field_validator("example")
    @classmethod
    def _recorded(cls, value: str, info: ValidationInfo) -> str:
        recordings = _context(info).get("recordings")
        if recordings is None:
            return value
        if recordings.source(value) is None:
            raise ValueError(f"no such example: examples/{value}.py does not exist")
        if recordings.stdouts(value) is None:
            raise ValueError(f"example {value!r} has no current recording; run `make record`")
        return value

    @model_validator(mode="after")
    def _some_possible(self) -> OutputsQuestion:
        if not any(c.possible for c in self.choices):
            raise ValueError("no choice is marked possible: at least one must be")
        return self


Question = Annotated[
    SingleQuestion | MultipleQuestion | OutputsQuestion, Field(discriminator="type")
]


class BankFile(Strict):
    """One YAML file of the bank: a mapping with a ``questions`` list."""

    questions: list[Question] = Field(min_length=1)
