"""``_thread._local``: per-thread attributes (threading.local is this class).

The pure-Python ``_threading_local`` cannot stand in: it imports threading while
threading.py is still importing it. Each access points the instance's ``__dict__``
at the running thread's dict, creating it (and calling ``__init__`` with the
constructor's arguments, as CPython does) on a thread's first access.
"""

from __future__ import annotations

from . import scheduler as _sched


def _ident() -> int:
    sched = _sched.ACTIVE
    return sched.running.ident if sched is not None and sched.running is not None else 0


def _select(self) -> None:
    dicts = object.__getattribute__(self, "_local__dicts")
    key = _ident()
    d = dicts.get(key)
    if d is None:
        d = dicts[key] = {}
        object.__setattr__(self, "__dict__", d)
        args, kwargs = object.__getattribute__(self, "_local__args")
        cls = type(self)
        if cls.__init__ is not object.__init__:
            cls.__init__(self, *args, **kwargs)
    elif object.__getattribute__(self, "__dict__") is not d:
        object.__setattr__(self, "__dict__", d)


class _local:  # noqa: N801 - the name CPython gives this type
    __slots__ = ("_local__dicts", "_local__args", "__dict__", "__weakref__")

    def __new__(cls, /, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__args", (args, kwargs))
        object.__setattr__(
            self, "_local__dicts", {_ident(): object.__getattribute__(self, "__dict__")}
        )
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
