"""The quick reference table, rendered from ``docs/reference.yml`` (its one source).

Cells are short Markdown, rendered by the quiz's Markdown renderer (raw HTML escaped, doc
links like ``lock.md#anchor`` made relative to the page), then laid out by an HTML
template. The data is checked first: a bad row stops the build with the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitebuild import ROOT, templating
from sitebuild.quiz_markdown import parse_doc_link, relative_href, to_html

REFERENCE_FILE = ROOT / "docs" / "reference.yml"
DOCS_DIR = ROOT / "docs"
OFFICIAL = "https://docs.python.org/3/"
REQUIRED = ("name", "purpose", "details", "page", "docs")
KNOWN = (*REQUIRED, "also")


class ReferenceError(Exception):
    """A problem in the reference data; the message names the file and line."""


@dataclass(frozen=True)
class Row:
    name: str
    purpose: str
    details: str
    page: str
    docs: str
    also: tuple[str, ...] = ()
    line: int = 0

    @property
    def official_urls(self) -> tuple[str, ...]:
        return (self.docs, *self.also)


@dataclass(frozen=True)
class Group:
    title: str
    rows: tuple[Row, ...] = field(default_factory=tuple)


def _value(node: yaml.Node) -> object:
    """Plain data of a composed node (composing first keeps the line numbers)."""
    return yaml.SafeLoader("").construct_document(node)


def _row(node: yaml.MappingNode, where: str) -> Row:
    line = node.start_mark.line + 1
    data = _value(node)
    if not isinstance(data, dict):
        raise ReferenceError(f"{where}:{line}: a row must be a mapping")
    missing = [key for key in REQUIRED if not data.get(key)]
    unknown = sorted(set(data) - set(KNOWN))
    if missing or unknown:
        raise ReferenceError(f"{where}:{line}: row missing {missing} or with unknown {unknown}")
    if "`" in str(data["name"]):
        raise ReferenceError(f"{where}:{line}: name is shown as code: no backticks in it")
    for key in ("name", "purpose", "details"):
        if not isinstance(data[key], str) or any(c in data[key] for c in "|\n"):
            raise ReferenceError(f"{where}:{line}: {key} must be one line of text without '|'")
    also = tuple(data.get("also") or ())
    if not all(str(url).startswith(OFFICIAL) for url in (data["docs"], *also)):
        raise ReferenceError(f"{where}:{line}: docs and also must start with {OFFICIAL}")
    page = str(data["page"]).split("#")[0]
    if not (DOCS_DIR / page).is_file() or "#" not in data["page"]:
        raise ReferenceError(f"{where}:{line}: page {data['page']!r} is not docs/FILE.md#anchor")
    return Row(**{**data, "also": also}, line=line)


def load(path: Path = REFERENCE_FILE) -> tuple[Group, ...]:
    """Every group and row of the reference, validated."""
    try:
        root = yaml.compose(path.read_text("utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise ReferenceError(f"{path}: not valid YAML: {exc}") from exc
    data = _value(root) if root is not None else None
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise ReferenceError(f"{path}:1: expected a mapping with a 'groups' list")
    groups_node = next(v for k, v in root.value if k.value == "groups")
    groups = []
    for group in groups_node.value:
        title = next((v.value for k, v in group.value if k.value == "title"), "")
        rows_node = next((v for k, v in group.value if k.value == "rows"), None)
        if not title or rows_node is None or not rows_node.value:
            line = group.start_mark.line + 1
            raise ReferenceError(f"{path}:{line}: a group needs a title and rows")
        groups.append(Group(title, tuple(_row(node, str(path)) for node in rows_node.value)))
    return tuple(groups)


def rows(groups: tuple[Group, ...]) -> list[Row]:
    return [row for group in groups for row in group.rows]


def _inline(text: str, from_url: str):
    """One cell's Markdown as inline HTML (without the paragraph around it)."""
    html = to_html(text, from_url)
    return html.removeprefix("<p>").removesuffix("</p>") if html.count("<p>") == 1 else html


def render(path: Path = REFERENCE_FILE, page=None) -> str:
    """One table per group, each in a scrolling wrapper, for the quick reference page."""
    from_url = getattr(page, "url", "") or ""
    groups = [
        {
            "title": group.title,
            "rows": [
                {
                    "name": row.name,
                    "href": relative_href(parse_doc_link(row.page), from_url),
                    "purpose": _inline(row.purpose, from_url),
                    "details": _inline(row.details, from_url),
                    "docs": row.docs,
                }
                for row in group.rows
            ],
        }
        for group in load(path)
    ]
    return templating.render("quick_reference.html", groups=groups)
