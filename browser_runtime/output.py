"""Where a run's output goes: the capped sink and the sys.stdout/sys.stderr that feed it."""

from __future__ import annotations

import io
from collections.abc import Callable

Emit = Callable[[str, str], object]


class OutputLimitReached(BaseException):
    """Raised from print() once the output cap is hit, to stop the program.

    A BaseException so that the reader's ``except Exception`` does not swallow it.
    """


class OutputSink:
    """Forwards writes in order to ``emit`` and enforces the output cap.

    Past the cap the text is cut at the limit, ``truncated`` is set and the writer
    raises OutputLimitReached: the program stops rather than printing into the void.
    """

    def __init__(self, emit: Emit, max_lines: int, max_chars: int, on_limit=None):
        self.emit = emit
        self.max_lines = max_lines
        self.max_chars = max_chars
        self.lines = 0
        self.chars = 0
        self.truncated = False
        # Threaded runs stop through their scheduler: raising in one thread would only
        # end that thread (and its excepthook would print into the full sink again).
        self.on_limit = on_limit

    def _limit(self) -> None:
        first = not self.truncated
        self.truncated = True
        if self.on_limit is None:
            raise OutputLimitReached
        if first:
            self.on_limit()

    def write(self, stream: str, text: str) -> None:
        if self.truncated or self.lines >= self.max_lines or self.chars >= self.max_chars:
            self._limit()
            return
        kept = text[: self.max_chars - self.chars]
        room = self.max_lines - self.lines
        if kept.count("\n") >= room:
            # Keep up to and including the newline that ends the last allowed line.
            end = -1
            for _ in range(room):
                end = kept.index("\n", end + 1)
            kept = kept[: end + 1]
        if kept:
            self.emit(stream, kept)
        self.lines += kept.count("\n")
        self.chars += len(kept)
        if len(kept) < len(text):
            self._limit()


class StreamWriter(io.TextIOBase):
    """sys.stdout / sys.stderr replacement that hands each write to the sink."""

    def __init__(self, sink: OutputSink, name: str):
        self._sink = sink
        self._name = name

    @property
    def encoding(self) -> str:
        return "utf-8"

    @property
    def name(self) -> str:
        return f"<{self._name}>"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            self._sink.write(self._name, text)
        return len(text)
