"""The pages of the site and their section anchors, computed as MkDocs computes them.

Each docs page is converted with the site's own Markdown extensions (the toc extension
assigns heading ids exactly as in the built page), so the quiz bank can be checked
against real anchors before any page is built. Macros are left unexpanded: they never
produce headings.
"""

from __future__ import annotations

from pathlib import Path

import markdown

# Used when no MkDocs config is at hand (unit tests); the build passes the site's list.
DEFAULT_EXTENSIONS = ["toc", "attr_list", "md_in_html", "pymdownx.superfences"]


def _flatten(tokens: list[dict], into: dict[str, str]) -> dict[str, str]:
    for token in tokens:
        into[token["id"]] = token["name"]
        _flatten(token["children"], into)
    return into


def page_anchors(
    docs_dir: Path,
    extensions: list | None = None,
    extension_configs: dict | None = None,
    exclude: tuple[str, ...] = ("quiz",),
) -> dict[str, dict[str, str]]:
    """``{"lock.md": {"with-lock": "Using with", ...}, ...}`` for every top-level page."""
    md = markdown.Markdown(
        extensions=list(extensions or DEFAULT_EXTENSIONS),
        extension_configs=extension_configs or {},
    )
    if "toc" not in md.treeprocessors:  # anchors need the toc extension whatever the config
        md = markdown.Markdown(
            extensions=[*(extensions or []), "toc"], extension_configs=extension_configs or {}
        )
    pages: dict[str, dict[str, str]] = {}
    for path in sorted(Path(docs_dir).glob("*.md")):
        if path.stem in exclude:
            continue
        md.reset().convert(path.read_text("utf-8"))
        pages[path.name] = _flatten(md.toc_tokens, {})
    return pages
