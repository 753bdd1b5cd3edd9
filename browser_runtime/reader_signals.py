"""Signal handlers as the reader's program sees them during a threaded run.

The threads runtime handles SIGINT (the page's Stop) and SIGVTALRM (its time slices)
itself. CPython's program would see its own handlers there (``default_int_handler``,
``SIG_DFL``): while the runtime owns a signal, ``signal.signal``/``getsignal`` answer
for it from a table, so the program reads and sets what it would under CPython, and
the runtime's handler stays in place. (fresh_state.py puts back, after each run, every
handler the program changed.)
"""

from __future__ import annotations

import signal
import sys

_REAL_SIGNAL = signal.signal
_REAL_GETSIGNAL = signal.getsignal
_REAL_RAISE = signal.raise_signal
NOT_MAIN = "signal only works in main thread of the main interpreter"
BAD_HANDLER = "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"

# signum -> [handler before the runtime took it, handler the program set or sees,
#            how to run the program's handler in the main thread]
_owned: dict[int, list] = {}


def own(signum: int, runtime_handler, deliver) -> None:
    """Install ``runtime_handler``; the program keeps seeing the one it replaces, and
    ``raise_signal`` runs the program's through ``deliver(signum)`` (main thread)."""
    before = _REAL_SIGNAL(signum, runtime_handler)
    _owned[signum] = [before, before, deliver]
    signal.signal, signal.getsignal = _reader_signal, _reader_getsignal
    signal.raise_signal = _reader_raise_signal


def release_all() -> None:
    """The handlers from before ``own()``; the real functions back in ``signal``."""
    signal.signal, signal.getsignal = _REAL_SIGNAL, _REAL_GETSIGNAL
    signal.raise_signal = _REAL_RAISE
    for signum, (before, _, _) in _owned.items():
        _REAL_SIGNAL(signum, before)
    _owned.clear()


def reader_handler(signum: int):
    """The handler CPython would call for ``signum`` in this program."""
    entry = _owned.get(signum)
    return entry[1] if entry is not None else _REAL_GETSIGNAL(signum)


def _as_handler(value):
    try:
        return signal.Handlers(value)
    except (ValueError, TypeError):
        return value


def _in_main_thread() -> bool:
    # The emulated threads share one OS thread: ask the run's _thread which one runs.
    thread = sys.modules.get("_thread")
    main = getattr(thread, "_get_main_thread_ident", None)
    return main is None or thread.get_ident() == main()


def _reader_getsignal(signalnum, /):
    entry = _owned.get(signalnum)
    return _as_handler(entry[1]) if entry is not None else _REAL_GETSIGNAL(signalnum)


def _reader_signal(signalnum, handler, /):
    if not _in_main_thread():
        raise ValueError(NOT_MAIN)
    entry = _owned.get(signalnum)
    if entry is None:
        return _REAL_SIGNAL(signalnum, handler)
    if not callable(handler) and handler not in (signal.SIG_IGN, signal.SIG_DFL):
        raise TypeError(BAD_HANDLER)
    previous, entry[1] = entry[1], _as_handler(handler)
    return _as_handler(previous)


def _reader_raise_signal(signalnum, /):
    entry = _owned.get(signalnum)
    if entry is None:
        return _REAL_RAISE(signalnum)
    handler = entry[1]
    if callable(handler):
        entry[2](int(signalnum))  # CPython runs it in the main thread
    elif handler != signal.SIG_IGN:
        _REAL_RAISE(signalnum)  # SIG_DFL would end the process: the runtime stops the run
    return None


for _wrapper, _real in (
    (_reader_signal, _REAL_SIGNAL),
    (_reader_getsignal, _REAL_GETSIGNAL),
    (_reader_raise_signal, _REAL_RAISE),
):
    _wrapper.__doc__, _wrapper.__module__ = _real.__doc__, "signal"
    _wrapper.__name__ = _wrapper.__qualname__ = _real.__name__
