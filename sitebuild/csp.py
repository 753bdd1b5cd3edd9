"""The Content Security Policy of every page: allow exactly the inline scripts it has.

overrides/main.html puts the policy in a ``<meta http-equiv="Content-Security-Policy">``
with a placeholder where script hashes go. The site's own scripts are files; the only
inline scripts are Material's small bootstrap snippets (storage helpers, palette,
tabs), whose text depends on the page's depth, so their sha256 hashes are computed from
each finished page and written in place of the placeholder.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "'inline-script-hashes'"
# Script elements the browser executes: no src, and a JavaScript type (or none).
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?(?!text/javascript|module)[\w/+.-]+""", re.I)


class CspError(Exception):
    pass


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = match["attrs"]
        if re.search(r"\bsrc\s*=", attrs, re.I) or _DATA_TYPE.search(attrs):
            continue
        found.append(match["body"])
    return found


def source_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def fill(html: str, where: str, content: str | None = None) -> str:
    """Put the page's inline-script hashes into its policy.

    ``content``: the page's Markdown rendered to HTML, if any. Inline scripts there are
    refused: a script in a page would run under the policy of whichever page the reader
    opened first (instant navigation keeps that page's <meta>), so it must be a file.
    """
    if content and inline_scripts(content):
        raise CspError(
            f"{where}: inline <script> in the page's Markdown; the Content Security "
            "Policy allows none: put the code in overrides/assets/js/ and mount it from site.js"
        )
    if PLACEHOLDER not in html:
        raise CspError(f"{where}: no Content Security Policy placeholder (overrides/main.html)")
    hashes = sorted({source_hash(s) for s in inline_scripts(html)})
    return html.replace(PLACEHOLDER, " ".join(hashes), 1)


def strip(html: str) -> str:
    """``mkdocs serve`` injects an inline live-reload script: no policy while authoring."""
    return re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html, count=1)
