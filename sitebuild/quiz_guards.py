"""Checks on a quiz bank file that come before the schema: size, encoding, duplicate keys.

Each problem is one ``FILE:LINE: …`` message that says how to fix it, like the schema's.
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import MappingNode, Node, SequenceNode

# Every question is validated (and "possible outputs" checked against recordings) at
# every build and every `make serve` rebuild, about 40 ms each: a 5,000-question bank
# took 209 s. The limits keep a build under half a minute.
MAX_FILE_BYTES = 256 * 1024
MAX_QUESTIONS = 500


def read(path: Path, name: str) -> tuple[str | None, list[str]]:
    """The file's text, or the reason it cannot be used."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            f"{name}:1: {len(raw) // 1024} KB; a bank file may have at most "
            f"{MAX_FILE_BYTES // 1024} KB (the build checks every question every time): "
            "split it into one file per topic"
        ]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            f"{name}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x} at column {column}); "
            f"save the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 {name} -o {name}.utf8 "
            f"&& mv {name}.utf8 {name}`"
        ]


def duplicate_keys(root: Node, name: str) -> list[str]:
    """YAML keeps only the last of two equal keys; the bank refuses both."""
    found: list[str] = []
    _walk(root, name, None, found)
    return found


def _walk(node: Node, name: str, qid: str | None, found: list[str]) -> None:
    if isinstance(node, SequenceNode):
        for item in node.value:
            _walk(item, name, _id_of(item) or qid, found)
    elif isinstance(node, MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in first:
                who = f"question {qid!r}" if qid else "file"
                found.append(
                    f"{name}:{line}: {who}: duplicate key {key.value!r} (first on line "
                    f"{first[key.value]}); YAML would keep only this one: delete or rename one"
                )
            first.setdefault(key.value, line)
            _walk(value, name, qid, found)


def _id_of(node: Node) -> str | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value.value, str):
                return value.value
    return None


def before_schema(root: Node, name: str, context: dict) -> list[str]:
    """Duplicate keys, and the bank's size so far (``context`` spans the bank's files)."""
    problems = duplicate_keys(root, name)
    questions = _questions(root)
    context["question_count"] = context.get("question_count", 0) + len(questions)
    if context["question_count"] > MAX_QUESTIONS:
        problems.append(
            f"{name}:{questions[0].start_mark.line + 1 if questions else 1}: the bank reaches "
            f"{context['question_count']} questions here; it may have at most {MAX_QUESTIONS} "
            "(each is checked at every build, about 40 ms each): keep the best, or raise "
            "MAX_QUESTIONS in sitebuild/quiz_guards.py knowing builds get slower"
        )
    return problems


def _questions(root: Node) -> list[Node]:
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if key.value == "questions" and isinstance(value, SequenceNode):
                return value.value
    return []
