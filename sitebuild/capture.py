"""Run one example and log what each thread did: its timeline.

Started by the recorder as ``python capture.py EVENTS_FILE EXAMPLE.py`` in a fresh
interpreter (any CPython 3.8+, so it imports nothing from this package: its helpers
are loaded by file path). The example runs unmodified as ``__main__``; stdout and
stderr still go to the real streams. EVENTS_FILE gets JSON lines: the provenance, the
events (capture_events.py: output lines, thread start/end, sleeps, lock, event,
condition, join and queue waits, see capture_sync.py), then the end time.
"""

import importlib.util
import json
import os
import platform
import runpy
import sys
import sysconfig
import threading
import time

START = time.perf_counter()
HERE = os.path.dirname(os.path.abspath(__file__))


def sibling(name):
    """A helper module next to this file, without putting this folder on sys.path."""
    spec = importlib.util.spec_from_file_location("_capture_" + name, os.path.join(HERE, name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class LineLogger:
    """A text stream that passes writes through and logs whole lines per thread.

    A partial line is kept per thread (a dict keyed by thread id needs no lock under
    the GIL), so two threads' halves of a line are not glued together in the log.
    No lock is taken, so the example's own scheduling is disturbed as little as possible.
    """

    def __init__(self, stream, name, log):
        self._stream = stream
        self._name = name
        self._log = log
        self._partial = {}

    def write(self, text):
        self._stream.write(text)
        ident = threading.get_ident()
        thread = threading.current_thread().name
        pending = self._partial.pop(ident, (thread, ""))[1] + text
        *lines, rest = pending.split("\n")
        if lines:
            line = self._log.reader_line()
            for text_line in lines:
                self._log.emit("output", stream=self._name, text=text_line, line=line)
        if rest:
            self._partial[ident] = (thread, rest)
        return len(text)

    def flush_partials(self):
        for thread, rest in self._partial.values():
            self._log.emit("output", thread=thread, stream=self._name, text=rest)
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
    log = sibling("capture_events.py").EventLog(START, {example, os.path.abspath(example)})
    log.emit("thread-start", daemon=False)
    sibling("capture_sync.py").install(log)
    out = LineLogger(sys.stdout, "stdout", log)
    err = LineLogger(sys.stderr, "stderr", log)
    sys.stdout, sys.stderr = out, err
    sys.argv = [example]
    sys.path[0] = os.path.dirname(os.path.abspath(example))

    def finish():
        # atexit runs after the interpreter has joined non-daemon threads.
        out.flush_partials()
        err.flush_partials()
        lines = [{"provenance": provenance()}] + log.finished()
        lines.append({"end": round(time.perf_counter() - START, 6)})
        with open(events_path, "w", encoding="utf-8") as file:
            file.write("".join(json.dumps(line) + "\n" for line in lines))

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
    finally:  # its own code is done; the interpreter still waits for non-daemon threads
        log.emit("thread-end")


if __name__ == "__main__":
    main()
