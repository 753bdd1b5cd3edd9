"""Keep Material's script off the page's rendering path.

Material puts its bundle at the end of <body> as a classic script, which still blocks
the parser there and counts as render-blocking for Lighthouse. Deferred, it runs at the
same point of the page's life (after parsing, before DOMContentLoaded, after the site's
own module script, which is deferred too and comes first in the document), so nothing
changes but the first paint.
"""

from __future__ import annotations

import re

_BUNDLE = re.compile(
    r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>'
)


def defer_material_bundle(html: str) -> str:
    return _BUNDLE.sub(r'<script src="\1" defer></script>', html, count=1)
