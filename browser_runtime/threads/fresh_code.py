"""Fresh copies of the runtime's code for each replayable run.

Counted time slices (seeded runs) end after a number of the interpreter's eval-breaker
checks, and runtime code runs inside a slice too (a lock, a wake-up, a write). How many
checks a piece of code makes depends on how far the specializing interpreter has
adapted it: a generic CALL or an unquickened RESUME checks, its specialized form does
not. The runtime's functions live as long as the page, so their specialization carried
over from earlier runs: the first run of a seed could switch elsewhere than its replays.
Giving every runtime function a never-run copy of its code at the start of each such run
makes that warm-up the same in every run. The same goes for the few stdlib modules that
outlive runs and that threaded programs call into all the time; refreshing every module
instead would cost about 0.4 s a run.
"""

from __future__ import annotations

import sys
import types

_PACKAGE = __name__.split(".")[0]  # browser_runtime
# Not re-imported per run (install.py REFRESH is): threading's Thread() adds itself to a
# WeakSet (_weakrefset.py); programs draw random numbers (random.py).
PERSISTENT_STDLIB = frozenset({"_weakrefset", "random"})


def _refreshed(name: str) -> bool:
    return name == _PACKAGE or name.startswith(_PACKAGE + ".") or name in PERSISTENT_STDLIB


def refresh_runtime_code() -> int:
    """Give every function of this package (and PERSISTENT_STDLIB) fresh code; returns
    how many got one (about 300, in a few ms)."""
    count = 0
    for name, module in list(sys.modules.items()):
        if module is None or not _refreshed(name):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, type) and value.__module__ == name:
                for member in list(vars(value).values()):
                    count += _refresh(member)
            else:
                count += _refresh(value)
    return count


def _refresh(obj) -> int:
    if isinstance(obj, property):
        return sum(_refresh(f) for f in (obj.fget, obj.fset, obj.fdel) if f is not None)
    func = getattr(obj, "__func__", obj)  # staticmethod, classmethod
    if not isinstance(func, types.FunctionType):
        return 0
    func.__code__ = _fresh(func.__code__)
    return 1


def _fresh(code: types.CodeType) -> types.CodeType:
    # Nested functions (lambdas, closures) are made from the code in co_consts.
    consts = tuple(_fresh(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_consts=consts)
