"""sitebuild.csp: which scripts count as inline, and how a page gets its policy."""

from __future__ import annotations

import base64
import hashlib

import pytest

from sitebuild import csp

PAGE = """<html><head>
<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'inline-script-hashes'">
<script>var a = 1</script></head><body>
<script src="x.js"></script><script type="module" src="site.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
<script type="module">import "./y.js"</script>
</body></html>"""


def test_only_scripts_a_browser_runs_inline_are_hashed():
    assert csp.inline_scripts(PAGE) == ["var a = 1", 'import "./y.js"']


def test_hash_is_the_base64_sha256_of_the_exact_text():
    expected = base64.b64encode(hashlib.sha256(b"var a = 1").digest()).decode()
    assert csp.source_hash("var a = 1") == f"'sha256-{expected}'"


def test_fill_replaces_the_placeholder_with_every_hash():
    filled = csp.fill(PAGE, "index.md")
    assert csp.PLACEHOLDER not in filled
    assert csp.source_hash("var a = 1") in filled
    assert csp.source_hash('import "./y.js"') in filled


def test_an_inline_script_in_a_pages_markdown_stops_the_build():
    with pytest.raises(csp.CspError, match=r"lock\.md: inline <script>.*overrides/assets/js/"):
        csp.fill(PAGE, "lock.md", content="<p>x</p><script>alert(1)</script>")


def test_a_page_without_the_placeholder_is_an_error():
    with pytest.raises(csp.CspError, match="overrides/main.html"):
        csp.fill("<html></html>", "404.html")


def test_serve_drops_the_policy():
    assert "Content-Security-Policy" not in csp.strip(PAGE)
