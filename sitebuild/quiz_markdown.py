"""Render quiz Markdown (prompts, choices, feedback) to safe HTML at build time.

Raw HTML in the bank is never passed through: the HTML block preprocessor and the
inline HTML pattern are removed, so ``<img src=x onerror=...>`` becomes visible text.
Extensions that could add attributes (attr_list, md_in_html) are left out for the same
reason. Code is highlighted by the same pymdownx extensions the site uses.

Links are written in the bank as doc paths (``lock.md#with-lock``). Rendering collects
every link and image so the bank validator can check them, and rewrites doc links into
URLs relative to the page the quiz appears on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from sitebuild.templating import trusted

EXTENSIONS = ["pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite"]
EXTERNAL_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class DocLink:
    """A link to a page of the site: ``page`` is a docs file like ``lock.md``."""

    page: str
    anchor: str


def parse_doc_link(href: str) -> DocLink | None:
    """``lock.md#with-lock`` -> DocLink; anything else (URLs, bare anchors) -> None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.endswith(".md") or "/" in parts.path:
        return None
    return DocLink(parts.path, parts.fragment)


def is_external(href: str) -> bool:
    parts = urlsplit(href)
    return parts.scheme in EXTERNAL_SCHEMES and bool(parts.netloc)


def page_url(doc: str) -> str:
    """Site URL of a docs file with directory URLs: ``lock.md`` -> ``lock/``."""
    return "" if doc == "index.md" else doc.removesuffix(".md") + "/"


def relative_href(link: DocLink, from_url: str) -> str:
    """The href for ``link`` on the page served at ``from_url`` (``""`` or ``slug/``)."""
    target = page_url(link.page)
    fragment = f"#{link.anchor}" if link.anchor else ""
    if target == from_url and fragment:
        return fragment
    href = "../" * from_url.count("/") + target + fragment
    return href or "./"


class _Links(Treeprocessor):
    """Record every link and image; rewrite doc links through the renderer's resolver."""

    def __init__(self, md, renderer: MarkdownRenderer):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root):
        for el in root.iter():
            if el.tag == "a":
                href = el.get("href", "")
                self.renderer.links.append(href)
                link = parse_doc_link(href)
                if link and self.renderer.from_url is not None:
                    el.set("href", relative_href(link, self.renderer.from_url))
                elif is_external(href):
                    el.set("rel", "noopener")
            elif el.tag == "img":
                self.renderer.images.append(el.get("src", ""))


class MarkdownRenderer:
    """One Markdown instance, reset per call; ``render`` returns HTML plus what it linked."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=EXTENSIONS)
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        self.md.treeprocessors.register(_Links(self.md, self), "quiz_links", 1)
        self.links: list[str] = []
        self.images: list[str] = []
        self.from_url: str | None = None

    def render(self, text: str, from_url: str | None = None) -> tuple[str, list[str], list[str]]:
        """HTML for ``text``; doc links are rewritten only when ``from_url`` is given."""
        self.links, self.images, self.from_url = [], [], from_url
        html = self.md.reset().convert(text)
        return html, self.links, self.images


@cache  # one Markdown instance per process: building it is slow, and render() resets it
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def to_html(text: str, from_url: str) -> Markup:
    """The bank's Markdown as HTML, with any raw HTML in it escaped: safe to insert."""
    return trusted(renderer().render(text, from_url)[0])


def link_problems(text: str, has_anchor: Callable[[DocLink], str | None]) -> list[str]:
    """Every unacceptable link or image in ``text``; ``has_anchor`` says what is wrong
    with a doc link (None when it exists)."""
    _, links, images = renderer().render(text)
    found = [f"images are not allowed in the quiz ({src!r})" for src in images]
    for href in links:
        link = parse_doc_link(href)
        if link is None:
            if not is_external(href):
                found.append(
                    f"link {href!r} is neither a page of the site (like 'lock.md#with-lock') "
                    "nor an http(s) URL"
                )
            continue
        problem = has_anchor(link)
        if problem:
            found.append(problem)
    return found
