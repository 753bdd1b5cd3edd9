"""``_thread._excepthook``: what ``threading.excepthook`` is by default, as in CPython.

CPython's is C: "Exception in thread NAME:", then the traceback as the interpreter
prints an uncaught one (traceback._print_exception_bltin). This one prints the same
text through tracebacks.CollapsingStack (a 100,000-deep recursion takes well under a
second instead of about 20 s) without the runtime's own frames, and lets a deep
traceback be freed safely once printed.
"""

from __future__ import annotations

import _thread as _real_thread
import sys

from ..tracebacks import print_uncaught, unchain

# The C struct sequence type CPython's threading.ExceptHookArgs is.
ExceptHookArgs = _real_thread._ExceptHookArgs


def excepthook(args, /) -> None:
    """Handle uncaught Thread.run() exception."""
    if type(args) is not ExceptHookArgs:
        raise TypeError("_thread._excepthook argument type must be ExceptHookArgs")
    exc_type, exc, tb, thread = args
    if exc_type is SystemExit:
        return
    file = sys.stderr if sys.stderr is not None else getattr(thread, "_stderr", None)
    if file is None:
        return
    from .thread_module import get_ident  # it imports this module

    name = getattr(thread, "name", None) if thread is not None else None
    file.write(f"Exception in thread {get_ident() if name is None else name}:\n")
    file.flush()
    print_uncaught(exc, file, exc_type, tb)
    file.flush()
    unchain(exc)
