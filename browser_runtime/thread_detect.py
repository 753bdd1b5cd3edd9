"""Whether a program needs the threads runtime."""

from __future__ import annotations

import ast

from browser_runtime.facts import THREAD_MODULES


def uses_threads(source: str) -> bool:
    """Whether the program imports a threading module: only then is the threads runtime
    worth its set-up (it re-imports threading & co. for every run)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False  # compile() reports it
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        else:
            continue
        if any(name.split(".")[0] in THREAD_MODULES for name in names):
            return True
    return False
