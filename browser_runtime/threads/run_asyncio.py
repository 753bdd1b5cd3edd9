"""asyncio in a threaded run, as in ``python file.py``: page_asyncio's CPython loops,
each waiting in its own thread, and asyncio's threads (``to_thread``,
``run_in_executor``, the default executor's shutdown) the run's cooperative threads.

Each thread's stack has a thread state of its own, so each has its own running loop
and current task, as a CPython thread does (starting with none: backend.py). asyncio
was imported before the run, bound to the threading and concurrent.futures of the
page's one real thread (threads/install.py re-imports them for each run): during the
run, its modules' ``threading`` and ``concurrent`` are the run's own.
"""

from __future__ import annotations

import importlib
import sys
import types

from ..page_asyncio import PageAsyncio
from ..thread_detect import ASYNCIO_THREADS

# A loop's wait without a timeout is timed all the same: a loop that waits for nothing
# blocks its thread as CPython's select() would, and is never taken for a deadlock.
LONGEST_WAIT = 3600.0


class EventWait:
    """A loop's selector: its thread waits on an Event of the run's threading, which a
    wake-up (call_soon_threadsafe) sets, as it would write to the loop's self-pipe."""

    def __init__(self, loop) -> None:
        import threading  # the run's own, made when the loop is

        self._loop = loop
        self._event = threading.Event()

    def select(self, timeout: float | None = None) -> list:
        if (timeout is None or timeout > 0) and not self._loop._ready:
            self._event.wait(LONGEST_WAIT if timeout is None else min(timeout, LONGEST_WAIT))
        self._event.clear()
        return []

    def wake(self) -> None:
        self._event.set()

    def close(self) -> None:
        pass


class _RunModule:
    """Stands for ``threading`` in asyncio's modules: whatever ``import threading``
    gives now (during a run, the run's)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)


class _RunConcurrent:
    """Stands for the ``concurrent`` package: ``concurrent.futures`` is the run's,
    imported at first use (the package's attribute still names the page's)."""

    @property
    def futures(self):
        return importlib.import_module("concurrent.futures")


_THREADING = _RunModule("threading")
_STAND_INS = {"threading": _THREADING, "concurrent": _RunConcurrent()}


class _LoopPerThread:
    """The policy's ``_local``: its class is a threading.local of the page's one real
    thread, so its loop (set_event_loop, get_event_loop) is kept per run's thread."""

    def __init__(self) -> None:
        self._loops: dict[int, object] = {}

    @property
    def _loop(self):
        return self._loops.get(_THREADING.get_ident())

    @_loop.setter
    def _loop(self, loop) -> None:
        self._loops[_THREADING.get_ident()] = loop


def _names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _names(const)
    return names


def preload_executor(code: types.CodeType) -> None:
    """Import the run's concurrent.futures before a program that uses asyncio's threads
    starts: compiled from source in each threaded run, it takes a good part of a second
    in the page, which the program's clock would count against its first to_thread."""
    if _names(code) & ASYNCIO_THREADS:
        importlib.import_module("concurrent.futures.thread")


class ThreadedAsyncio(PageAsyncio):
    """Context manager around a threaded run (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(make_wait=EventWait, own_stack=False)
        self.policy._local = _LoopPerThread()

    def __enter__(self) -> ThreadedAsyncio:
        super().__enter__()
        self.rebound = []
        for name, module in list(sys.modules.items()):
            if module is None or not name.startswith("asyncio."):
                continue
            for attr, stand_in in _STAND_INS.items():
                if getattr(vars(module).get(attr), "__name__", None) == attr:  # the module
                    self.rebound.append((module, attr, vars(module)[attr]))
                    setattr(module, attr, stand_in)
        return self

    def __exit__(self, *exc) -> None:
        for module, attr, original in self.rebound:
            setattr(module, attr, original)
        super().__exit__(*exc)
