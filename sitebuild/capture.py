"""Run one example and log every output line with its time and thread.

Started by the recorder as ``python capture.py EVENTS_FILE EXAMPLE.py`` in a fresh
interpreter (any CPython 3.8+, so it imports nothing from this package). The example
runs unmodified as ``__main__``; stdout and stderr still go to the real streams, and
each completed line is also appended to EVENTS_FILE as one JSON object.
"""

import json
import os
import platform
import runpy
import sys
import sysconfig
import threading
import time

START = time.perf_counter()


class LineLogger:
    """A text stream that passes writes through and logs whole lines per thread.

    A partial line is kept per thread (a dict keyed by thread id needs no lock under
    the GIL), so two threads' halves of a line are not glued together in the log.
    No lock is taken, so the example's own scheduling is disturbed as little as possible.
    """

    def __init__(self, stream, name, events_fd):
        self._stream = stream
        self._name = name
        self._fd = events_fd
        self._partial = {}

    def write(self, text):
        self._stream.write(text)
        ident = threading.get_ident()
        pending = self._partial.pop(ident, "") + text
        *lines, rest = pending.split("\n")
        if lines:
            stamp = round(time.perf_counter() - START, 6)
            thread = threading.current_thread().name
            for line in lines:
                self._log({"t": stamp, "thread": thread, "stream": self._name, "text": line})
        if rest:
            self._partial[ident] = rest
        return len(text)

    def _log(self, event):
        # One os.write per event: whole lines, no interleaving between threads.
        os.write(self._fd, (json.dumps(event) + "\n").encode("utf-8"))

    def flush_partials(self):
        for rest in self._partial.values():
            self._log(
                {
                    "t": round(time.perf_counter() - START, 6),
                    "stream": self._name,
                    "thread": "?",
                    "text": rest,
                }
            )
        self._partial.clear()

    def flush(self):
        self._stream.flush()

    def __getattr__(self, attr):
        return getattr(self._stream, attr)


def provenance():
    gil_disabled = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    return {
        "implementation": platform.python_implementation(),
        "version": platform.python_version(),
        "build": "free-threaded" if gil_disabled else "GIL",
        "gil_enabled": is_gil_enabled() if is_gil_enabled else True,
        "compiler": platform.python_compiler(),
        "platform": f"{platform.system()} {platform.machine()}",
    }


def trimmed(tb, filename):
    """Drop this wrapper's and runpy's frames so the traceback starts in the example."""
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    return tb


def main():
    events_path, example = sys.argv[1], sys.argv[2]
    fd = os.open(events_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.write(fd, (json.dumps({"provenance": provenance()}) + "\n").encode("utf-8"))
    out = LineLogger(sys.stdout, "stdout", fd)
    err = LineLogger(sys.stderr, "stderr", fd)
    sys.stdout, sys.stderr = out, err
    sys.argv = [example]
    sys.path[0] = os.path.dirname(os.path.abspath(example))

    def finish():
        # atexit runs after the interpreter has joined non-daemon threads.
        out.flush_partials()
        err.flush_partials()
        done = {"end": round(time.perf_counter() - START, 6)}
        os.write(fd, (json.dumps(done) + "\n").encode("utf-8"))

    import atexit

    atexit.register(finish)
    try:
        runpy.run_path(example, run_name="__main__")
    except SystemExit:
        raise
    except BaseException as exc:  # report like the interpreter would, from the example down
        # Newer CPythons print exc.__traceback__ whatever tb is passed, so replace it.
        exc = exc.with_traceback(trimmed(exc.__traceback__, example) or exc.__traceback__)
        sys.excepthook(type(exc), exc, exc.__traceback__)
        sys.exit(1)


if __name__ == "__main__":
    main()
