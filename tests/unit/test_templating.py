"""The build's one Jinja2 environment: escaped by default, trusted HTML only when marked."""

from __future__ import annotations

import re

import pytest
from jinja2 import UndefinedError
from markupsafe import Markup

from sitebuild import templating
from sitebuild.example_html import code_html

SOURCE = 'print("<script>alert(1)</script> & {{ x }}")\n'


def test_text_is_escaped_and_trusted_html_is_not():
    env = templating.environment()
    template = env.from_string("<p>{{ text }}</p>{{ html }}")
    out = template.render(text="<b>&</b>", html=templating.trusted("<i>ok</i>"))
    assert out == "<p>&lt;b&gt;&amp;&lt;/b&gt;</p><i>ok</i>"


def test_a_rendered_template_composes_without_double_escaping():
    inner = code_html(SOURCE)
    assert isinstance(inner, Markup)
    outer = templating.environment().from_string("<div>{{ inner }}</div>").render(inner=inner)
    assert "&lt;script&gt;" in outer and "&amp;lt;" not in outer and "<script>" not in outer


def test_undefined_names_fail_loudly():
    with pytest.raises(UndefinedError):
        templating.environment().from_string("{{ missing }}").render()


def test_template_line_breaks_are_dropped_but_values_keep_theirs():
    template = templating.environment().from_string("<pre>\n    {{ text }}\n</pre>\n")
    assert template.render(text="a\nb") == "<pre>a\nb</pre>"


def test_every_template_renders_markup_in_one_line_outside_pre():
    for path in templating.TEMPLATES_DIR.glob("*.html"):
        source = templating.environment().preprocess(path.read_text(), path.name)
        assert "\n" not in source, path.name


def test_trusted_is_the_only_place_html_is_marked_safe():
    marked = []
    for path in sorted(templating.TEMPLATES_DIR.parent.glob("*.py")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"\bMarkup\(|\|\s*safe\b", line):
                marked.append(f"{path.name}:{number}")
    for path in templating.TEMPLATES_DIR.glob("*.html"):
        assert "|safe" not in path.read_text().replace(" ", ""), path.name
    assert [m.split(":")[0] for m in marked] == ["templating.py", "templating.py"], marked
