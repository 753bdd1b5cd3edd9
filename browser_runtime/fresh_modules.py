"""Each run imports modules as a fresh ``python file.py`` would, and leaves none behind.

Before a run, the modules that captured ``threading`` or ``_thread`` when they were
imported (``logging`` above all: its handlers' locks, ``%(threadName)s``), the modules
that hold those, and their parent packages are taken out of ``sys.modules``: the
program's ``import logging`` loads a new copy, which sees the threads runtime and has
no handlers from an earlier run. After the run every module it imported is forgotten
and the originals come back, so the next run starts from the same state.
"""

from __future__ import annotations

import sys
import types

# Modules the runner itself stands on (the event loop that drives runs, the import
# system, Pyodide's bridge, this package): never replaced, never forgotten.
KEEP = (
    "asyncio",
    "importlib",
    "_frozen_importlib",
    "encodings",
    "functools",
    "warnings",
    "_py_warnings",
    "pyodide",
    "_pyodide",
    "pyodide_js",
    "js",
    "browser_runtime",
    "tests",
    "_pytest",
    "pytest",
    "sys",
    "builtins",
    "__main__",
    # The threads runtime swaps these itself (threads/install.py).
    "threading",
    "_thread",
)
THREAD_MODULES = frozenset({"_thread", "threading", "_threading_local"})


def _kept(name: str) -> bool:
    return any(name == k or name.startswith(k + ".") for k in KEEP)


def _holds_threading(module: types.ModuleType) -> bool:
    """Whether the module's globals hold a thread module or something taken from one
    (``from _thread import get_ident``, a lock made at import)."""
    for value in list(_namespace(module).values()):
        if isinstance(value, types.ModuleType):
            if value.__name__ in THREAD_MODULES:
                return True
        elif isinstance(value, (type, types.FunctionType, types.BuiltinFunctionType)):
            if getattr(value, "__module__", None) in THREAD_MODULES:
                return True
        elif type(value).__module__ in THREAD_MODULES:
            return True
    return False


def _holds_module(module: types.ModuleType, names: set[str]) -> bool:
    return any(
        isinstance(value, types.ModuleType) and value.__name__ in names
        for value in list(_namespace(module).values())
    )


def _namespace(module) -> dict:
    namespace = getattr(module, "__dict__", None)
    return namespace if isinstance(namespace, dict) else {}


def _is_python_source(module) -> bool:
    return str(getattr(module, "__file__", None) or "").endswith(".py")


def captured_threading(modules: dict[str, types.ModuleType]) -> set[str]:
    """Names of the modules to import afresh: those holding threading state, the
    Python modules holding those modules, and their packages."""
    candidates = {
        n: m for n, m in modules.items() if m is not None and not _kept(n) and _is_python_source(m)
    }
    found = {n for n, m in candidates.items() if _holds_threading(m)}
    stale: set[str] = set()
    while found:
        for name in list(found):
            parent = name.rpartition(".")[0]
            while parent and parent in candidates:
                found.add(parent)
                parent = parent.rpartition(".")[0]
        stale |= found
        found = {n for n, m in candidates.items() if n not in stale and _holds_module(m, stale)}
    return stale


class ModuleSnapshot:
    """``sys.modules`` as it was before a run; ``restore()`` puts it back."""

    def __init__(self) -> None:
        self.before = dict(sys.modules)

    def refresh(self) -> set[str]:
        """Take the modules that captured threading out of ``sys.modules``."""
        stale = captured_threading(self.before)
        for name in stale:
            sys.modules.pop(name, None)
        return stale

    def restore(self) -> None:
        for name in [n for n in sys.modules if n not in self.before and not _kept(n)]:
            module = sys.modules.pop(name)
            parent, _, child = name.rpartition(".")
            holder = sys.modules.get(parent) if parent else None
            if holder is not None and getattr(holder, child, None) is module:
                try:
                    delattr(holder, child)
                except (AttributeError, TypeError):
                    pass
        for name, module in self.before.items():
            if sys.modules.get(name) is not module:
                sys.modules[name] = module
        # A package restored above may have had a fresh submodule set on it.
        for name, module in self.before.items():
            parent, _, child = name.rpartition(".")
            holder = self.before.get(parent) if parent else None
            if holder is not None and child in getattr(holder, "__dict__", {}):
                if getattr(holder, child) is not module:
                    setattr(holder, child, module)
