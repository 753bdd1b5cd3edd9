"""A watched site page kept for a whole test module (the module-scoped page fixtures)."""

from __future__ import annotations

from contextlib import contextmanager

from tests.browser.conftest import watch


@contextmanager
def site_page(browser, site, path: str | None = None, **context_args):
    """A watched page in a browser context of its own, kept for a whole module's tests;
    opened at ``path`` (relative to the site root), or left blank when path is None."""
    context = browser.new_context(**context_args)
    watched = watch(context.new_page(), site.host)
    if path is not None:
        watched.page.goto(site.url + path)
    yield watched
    context.close()
