"""The one Jinja2 environment for the HTML the build writes into pages.

Templates live in ``sitebuild/templates/`` (the way Material keeps ``partials/``).
Autoescape is on for every template: text from examples, recordings and the quiz bank is
escaped by default, and HTML that is already safe (Pygments output, Markdown rendered by
the build) must be passed as ``markupsafe.Markup`` by the caller: that is the one place
where trusted HTML is marked as such. Undefined names fail loudly.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, /, **context) -> str:
    """Render ``templates/NAME`` with ``context``."""
    return environment().get_template(name).render(**context)
