"""The quick reference: one data source, covering every primitive the pages teach."""

from __future__ import annotations

import re

import pytest
import yaml
from markupsafe import escape

from sitebuild import ROOT, quick_reference
from sitebuild.quick_reference import ReferenceError

DOCS = ROOT / "docs"
# Official pages of the modules whose primitives the site teaches.
PRIMITIVE_LINK = re.compile(
    r"https://docs\.python\.org/3/library/"
    r"(?:threading|queue|concurrent\.futures|concurrent\.interpreters|contextvars)\.html"
    r"(?:#[\w.\-]+)?"
)
GROUPS = quick_reference.load()
ROWS = quick_reference.rows(GROUPS)


def nav_pages() -> dict[str, str]:
    """Nav title by docs file, from mkdocs.yml (its !ENV tag needs a loader that knows it)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    return {page: title for entry in config["nav"] for title, page in entry.items()}


def official_links(path) -> set[str]:
    return set(PRIMITIVE_LINK.findall(path.read_text("utf-8")))


def test_every_official_primitive_link_on_a_page_has_a_row():
    covered = {url for row in ROWS for url in row.official_urls}
    sources = [*DOCS.glob("*.md"), *(DOCS / "quiz").glob("*.yml")]
    missing = {
        f"{path.relative_to(ROOT)}: {url}"
        for path in sources
        for url in official_links(path)
        if url not in covered
    }
    assert not missing, f"links to primitives without a quick reference row: {sorted(missing)}"


def test_every_primitive_page_has_a_row():
    taught_on = {row.page.split("#")[0] for row in ROWS}
    primitive_pages = {
        page
        for page, title in nav_pages().items()
        # a page named for a primitive, or one linking a primitive's own entry (#anchor)
        if title.startswith("threading.") or any("#" in u for u in official_links(DOCS / page))
    }
    primitive_pages.discard("quick-reference.md")
    assert primitive_pages, "no primitive pages found: the test would prove nothing"
    assert not primitive_pages - taught_on, sorted(primitive_pages - taught_on)


def test_the_page_renders_every_row_once_with_both_links():
    class Page:
        url = "quick-reference/"

    html = quick_reference.render(page=Page())
    for row in ROWS:
        page, anchor = row.page.split("#")
        href = f"../{page.removesuffix('.md')}/#{anchor}"
        cell = f'<a href="{href}"><code>{escape(row.name)}</code></a>'
        assert html.count(cell) == 1, cell
    assert html.count('rel="noopener">docs</a>') == len(ROWS)
    assert html.count('<div class="quick-reference">') == len(GROUPS)
    # Markdown in the cells is rendered, and their doc links resolved for this page.
    assert "<code>start()</code>" in html and "`" not in html


def test_rows_point_at_sections_and_official_docs():
    for row in ROWS:
        assert re.fullmatch(r"[\w-]+\.md#[\w-]+", row.page), row.page
        assert row.docs.startswith("https://docs.python.org/3/library/"), row.docs


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("groups:\n  - title: T\n    rows:\n      - name: x\n", r"ref\.yml:4: row missing"),
        (
            "groups:\n  - title: T\n    rows:\n      - {name: a|b, purpose: p, details: d,"
            " page: lock.md#x, docs: 'https://docs.python.org/3/x'}\n",
            r"ref\.yml:4: name must be one line of text without '\|'",
        ),
        (
            "groups:\n  - title: T\n    rows:\n      - {name: a, purpose: p, details: d,"
            " page: nowhere.md#x, docs: 'https://docs.python.org/3/x'}\n",
            r"ref\.yml:4: page 'nowhere\.md#x' is not docs/FILE\.md#anchor",
        ),
        (
            "groups:\n  - title: T\n    rows:\n      - {name: a, purpose: p, details: d,"
            " page: lock.md#x, docs: 'https://example.com/'}\n",
            r"ref\.yml:4: docs and also must start with",
        ),
        ("groups:\n  - title: T\n", r"ref\.yml:2: a group needs a title and rows"),
        ("groups: [\n", r"ref\.yml: not valid YAML"),
    ],
)
def test_bad_data_names_file_and_line(tmp_path, text, message):
    path = tmp_path / "ref.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(ReferenceError, match=message):
        quick_reference.load(path)
