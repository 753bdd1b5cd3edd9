"""The one Jinja2 environment for the HTML the build writes into pages.

Templates live in ``sitebuild/templates/`` (the way Material keeps ``partials/``).
Autoescape is on for every template: text from examples, recordings and the quiz bank is
escaped by default. HTML made elsewhere that is already safe (Pygments output, Markdown
rendered by the build) is marked with :func:`trusted` where it is made, and a rendered
template is itself ``Markup``, so templates compose without double escaping. Undefined
names fail loudly.

Templates are written one tag per line for reading, but a page's block must reach
Markdown as one line (a raw HTML block, even inside an indented admonition), so a line
break and the indentation after it are dropped from template *sources*; write a space
explicitly where one is meant. Newlines inside rendered values (``<pre>``) are kept.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from markupsafe import Markup

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


class _OneLine(Extension):
    """Drop each line break of a template source and the indentation that follows it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return re.sub(r"\n[ \t]*", "", source)


@cache  # one environment per process; Jinja still re-reads a template file that changed
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=[_OneLine],
        keep_trailing_newline=False,
    )


def trusted(html: str) -> Markup:
    """Mark HTML the build made itself (Pygments, rendered Markdown) as safe to insert.

    The only place trusted HTML is marked: grep for ``trusted(`` to audit every source.
    """
    return Markup(html)


def render(name: str, /, **context) -> Markup:
    """Render ``templates/NAME`` with ``context`` (autoescaped, so the result is safe)."""
    return Markup(environment().get_template(name).render(**context))
