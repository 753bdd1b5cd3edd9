"""What a page cannot do, said plainly: no network, no keyboard, no other programs.

Pyodide would otherwise try: its sockets open a WebSocket to the host named (the site
must reach no other host), ``input()`` fails with a bare ``EOFError`` after the
prompt, and ``os.system()`` returns -1 without a word. During a run these say why.
"""

from __future__ import annotations

import builtins
import errno
import os
import socket
import sys
import time

from browser_runtime.facts import NO_NETWORK
from browser_runtime.sleep_args import sleep_seconds
from browser_runtime.stop_sleep import sleep_in_pieces
from browser_runtime.timer_sleep import timer_sleep

NO_INPUT = "input() is not available in this page: it has no keyboard input"
NO_SYSTEM = "os.system() is not available in this page: it cannot run other programs"


def _no_network(*args, **kwargs):
    # OSError(ENETUNREACH, ...) is what CPython raises on a machine with no route out.
    raise OSError(errno.ENETUNREACH, f"Network is unreachable: {NO_NETWORK}")


def _no_network_ex(*args, **kwargs) -> int:
    return errno.ENETUNREACH


def _no_input(prompt: object = "") -> str:
    text = str(prompt)
    if text:
        # The prompt, then the error on a line of its own.
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    raise EOFError(f"EOF when reading a line ({NO_INPUT})")


def _no_system(command) -> int:
    print(NO_SYSTEM, file=sys.stderr)
    return -1


def _checked_sleep(pyodide_sleep, stop=None):
    pyodide_sleep = timer_sleep(pyodide_sleep)
    if stop is not None:
        pyodide_sleep = sleep_in_pieces(pyodide_sleep, stop)

    def sleep(secs):
        return pyodide_sleep(sleep_seconds(secs))

    return sleep


# (owner, attribute, replacement) for the length of a run.
PATCHES = (
    (socket.socket, "connect", _no_network),
    (socket.socket, "connect_ex", _no_network_ex),
    (socket.socket, "sendto", _no_network),
    (socket, "create_connection", _no_network),
    (builtins, "input", _no_input),
    (os, "system", _no_system),
)
# Wrappers of what is there when the run starts.
WRAPPERS = ((time, "sleep", _checked_sleep),)


_MISSING = object()


class PageLimits:
    """Context manager: the replacements above, undone on exit (socket.socket's
    methods are inherited from _socket.socket: the override is simply removed).
    ``stop`` is the worker's stop flag, which sleeps ask (stop_sleep.py)."""

    def __init__(self, stop=None) -> None:
        self.stop = stop

    def __enter__(self) -> PageLimits:
        self.saved = [(o, name, vars(o).get(name, _MISSING)) for o, name, _ in PATCHES]
        for owner, name, replacement in PATCHES:
            setattr(owner, name, replacement)
        for owner, name, wrap in WRAPPERS:
            self.saved.append((owner, name, vars(owner)[name]))
            setattr(owner, name, wrap(getattr(owner, name), self.stop))
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original in self.saved:
            if original is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
