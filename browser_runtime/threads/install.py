"""Swap the cooperative ``_thread`` (and friends) into ``sys.modules`` for one run.

The standard library's threading.py, queue.py and concurrent.futures are then
imported fresh on top of it, so each run starts with new threading state; on the
way out the originals come back and every stdlib module imported during the run
is forgotten (it may hold the run's threading module).
"""

from __future__ import annotations

import sys
import time
import types

from . import thread_module
from .code_origin import _STDLIB_DIR

# Modules bound to threading state: always re-imported inside a run.
REFRESH = (
    "threading",
    "queue",
    "_threading_local",
    "concurrent.futures",
    "concurrent.futures._base",
    "concurrent.futures.thread",
    "concurrent.futures.process",
    "concurrent.futures.interpreter",
)


def _queue_module() -> types.ModuleType:
    """``_queue`` without the C SimpleQueue (whose get() would block the whole
    interpreter), so queue.py uses its pure-Python SimpleQueue."""
    mod = types.ModuleType("_queue")
    try:
        import _queue

        mod.Empty = _queue.Empty
    except ImportError:
        pass
    return mod


class Installation:
    """``clocks``: replacements for ``time``'s clock functions (replayable runs), set
    before threading/queue are re-imported so their ``from time import monotonic``
    sees them too."""

    def __init__(self, sleep, clocks=None):
        self.sleep = sleep
        self.clocks = dict(clocks or {})
        self.saved: dict[str, types.ModuleType | None] = {}
        self.before: set[str] = set()
        self.original_sleep = None
        self.original_clocks: dict = {}

    def __enter__(self) -> Installation:
        for name in (*REFRESH, "_thread", "_queue"):
            self.saved[name] = sys.modules.pop(name, None)
        sys.modules["_thread"] = thread_module.build()
        sys.modules["_queue"] = _queue_module()
        self.before = set(sys.modules)
        self.original_sleep = time.sleep
        self.original_clocks = {name: getattr(time, name) for name in self.clocks}
        time.sleep = self.sleep
        for name, function in self.clocks.items():
            setattr(time, name, function)
        return self

    def __exit__(self, *exc) -> None:
        time.sleep = self.original_sleep
        for name, function in self.original_clocks.items():
            setattr(time, name, function)
        for name in set(sys.modules) - self.before:
            module = sys.modules.get(name)
            path = getattr(module, "__file__", None) or ""
            if name in REFRESH or (path and path.startswith(_STDLIB_DIR)):
                del sys.modules[name]
        for name in (*REFRESH, "_thread", "_queue"):
            sys.modules.pop(name, None)
        for name, module in self.saved.items():
            if module is None:
                continue
            sys.modules[name] = module
            parent, _, child = name.rpartition(".")
            if parent and parent in sys.modules:
                setattr(sys.modules[parent], child, module)
