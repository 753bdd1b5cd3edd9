"""Whether a program needs the threads runtime."""

from __future__ import annotations

import ast

from browser_runtime.facts import THREAD_MODULES

# asyncio's ways to run a function in a thread (its default executor's).
ASYNCIO_THREADS = frozenset({"to_thread", "run_in_executor"})


def uses_threads(source: str) -> bool:
    """Whether the program imports a threading module or runs code in asyncio's threads:
    only then is the threads runtime worth its set-up (it re-imports threading & co.
    for every run)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False  # compile() reports it
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ASYNCIO_THREADS:
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "asyncio":
            if any(alias.name in ASYNCIO_THREADS for alias in node.names):
                return True
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        else:
            continue
        if any(name.split(".")[0] in THREAD_MODULES for name in names):
            return True
    return False
