"""``time.sleep`` that hears the page's Stop, as CPython's hears Ctrl-C.

Pyodide's sleep suspends Python, and CPython polls its interrupt buffer only while
bytecode runs, so a Stop during ``time.sleep(10)`` would go unheard until the sleep
ends (and the page would throw Python away after its grace period). Sleeping in short
pieces and asking ``poll()`` (the worker's stop flag: SIGINT once per Stop) between
them ends the sleep the way CPython's does: the SIGINT handler runs, so by default
KeyboardInterrupt is raised from the ``time.sleep`` call.

While a piece sleeps, the Python that runs is called from JavaScript (the timer's
callback that wakes the sleep, timer_sleep.py, or others), so the stop flag is held
meanwhile: were CPython to read SIGINT there, the KeyboardInterrupt would escape into
JavaScript and the sleep never wake. ``stop_piece`` is one such piece (the asyncio
loop's waits are made of them too: page_asyncio.py).
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from typing import Protocol

PIECE = 0.05  # seconds between polls: well inside the page's 300 ms grace


class StopFlag(Protocol):
    """The worker's stop flag (runner/stop_channel.js StopFlag)."""

    def take(self) -> int:
        """SIGINT once per Stop, else 0."""

    def hold(self, on: bool) -> None:
        """While held, CPython's own polls of the flag read 0."""


def stop_piece(sleep: Callable[[float], object], stop: StopFlag) -> Callable[[float], None]:
    """One piece of a sleep (at most PIECE seconds): the flag held while it sleeps,
    then a Stop pressed meanwhile delivered."""

    def piece(secs: float) -> None:
        stop.hold(True)
        try:
            sleep(secs)
        finally:
            stop.hold(False)
        _deliver(stop.take())

    return piece


def sleep_in_pieces(
    sleep: Callable[[float], object],
    stop: StopFlag,
    clock: Callable[[], float] = time.monotonic,
) -> Callable[[float], None]:
    """Wrap ``sleep`` (which takes checked, non-negative seconds)."""
    piece = stop_piece(sleep, stop)

    def interruptible_sleep(secs: float) -> None:
        if secs <= PIECE:
            piece(secs)
            return
        end = clock() + secs
        while (left := end - clock()) > 0:
            piece(min(left, PIECE))

    return interruptible_sleep


def _deliver(signum: int) -> None:
    if signum != signal.SIGINT:
        return
    handler = signal.getsignal(signal.SIGINT)
    if callable(handler):
        frame = sys._getframe(1)  # the handler sees the reader's frame that slept
        while frame is not None and frame.f_globals.get("__name__", "").startswith(__package__):
            frame = frame.f_back
        handler(signal.SIGINT, frame)
