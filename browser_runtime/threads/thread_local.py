"""``_thread._local``: per-thread attributes (threading.local is this class).

The pure-Python ``_threading_local`` cannot stand in: it imports threading while
threading.py is still importing it. Each access points the instance's ``__dict__``
at the running thread's dict, creating it (and calling ``__init__`` with the
constructor's arguments, as CPython does) on a thread's first access. If that
``__init__`` fails, the new dict is dropped again (the next access retries it), and
a thread's dicts go away when the thread ends (``ThreadRec.at_exit``).
"""

from __future__ import annotations

import functools
import weakref

from . import scheduler as _sched


def _running():
    sched = _sched.ACTIVE
    return sched.running if sched is not None else None


def _ident() -> int:
    rec = _running()
    return rec.ident if rec is not None else 0


def _track(self, rec) -> None:
    if rec is not None:
        rec.at_exit.append(functools.partial(_forget, weakref.ref(self), rec.ident))


def _select(self) -> None:
    dicts = object.__getattribute__(self, "_local__dicts")
    rec = _running()
    key = rec.ident if rec is not None else 0
    d = dicts.get(key)
    if d is None:
        d = dicts[key] = {}
        object.__setattr__(self, "__dict__", d)
        args, kwargs = object.__getattribute__(self, "_local__args")
        cls = type(self)
        if cls.__init__ is not object.__init__:
            try:
                cls.__init__(self, *args, **kwargs)
            except BaseException:
                del dicts[key]  # not half-made: the next access runs __init__ again
                object.__setattr__(self, "__dict__", {})
                raise
        _track(self, rec)
    elif object.__getattribute__(self, "__dict__") is not d:
        object.__setattr__(self, "__dict__", d)


def _forget(ref, ident) -> None:
    """The thread ``ident`` ended: drop its dict, as CPython does."""
    local = ref()
    if local is None:
        return
    d = object.__getattribute__(local, "_local__dicts").pop(ident, None)
    if d is not None and object.__getattribute__(local, "__dict__") is d:
        object.__setattr__(local, "__dict__", {})


class _local:  # noqa: N801 - the name CPython gives this type
    __slots__ = ("_local__dicts", "_local__args", "__dict__", "__weakref__")

    def __new__(cls, /, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__args", (args, kwargs))
        rec = _running()
        object.__setattr__(
            self,
            "_local__dicts",
            {rec.ident if rec is not None else 0: object.__getattribute__(self, "__dict__")},
        )
        _track(self, rec)
        return self

    def __getattribute__(self, name):
        _select(self)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError(
                f"{type(self).__name__!r} object attribute '__dict__' is read-only"
            )
        _select(self)
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == "__dict__":
            raise AttributeError(
                f"{type(self).__name__!r} object attribute '__dict__' is read-only"
            )
        _select(self)
        return object.__delattr__(self, name)


_local.__module__ = "_thread"
