"""What a program may change in the interpreter, put back after its run.

A run is a fresh ``python file.py``: whatever one run changes (hooks, limits,
``builtins``, the environment, the working directory, warning filters, the garbage
collector's settings, ``atexit`` handlers, imported modules) must not be seen by the
next. ``InterpreterState`` snapshots those before the run and restores them after.
"""

from __future__ import annotations

import atexit
import builtins
import gc
import os
import random
import signal
import sys
import warnings

from browser_runtime.fresh_modules import ModuleSnapshot

SYS_HOOKS = ("excepthook", "unraisablehook", "displayhook", "breakpointhook")
SYS_LISTS = ("path", "meta_path", "path_hooks", "warnoptions")


def start_exit_handlers() -> None:
    """A run starts with no ``atexit`` handler. The worker's interpreter never exits,
    so none registered before the run (the runner's own ``logging.shutdown``) is lost."""
    atexit._clear()


def run_exit_handlers() -> None:
    """What CPython does at exit after joining non-daemon threads: the handlers, last
    registered first; an exception in one is printed by the interpreter and ignored."""
    atexit._run_exitfuncs()
    atexit._clear()


def seed_random(seed: int | None) -> None:
    """``random``'s module-level functions: a fresh process seeds them from the OS;
    a replayable run seeds them from its seed."""
    random.seed(seed)


class InterpreterState:
    def __init__(self) -> None:
        self.hooks = {name: getattr(sys, name) for name in SYS_HOOKS}
        # The list objects themselves (importlib holds sys.path_hooks) and their items.
        self.lists = {name: (getattr(sys, name), list(getattr(sys, name))) for name in SYS_LISTS}
        self.limits = (sys.getrecursionlimit(), sys.getswitchinterval())
        self.int_digits = sys.get_int_max_str_digits()
        self.builtins = dict(builtins.__dict__)
        self.environ = dict(os.environ)
        self.cwd = os.getcwd()
        self.gc = (gc.isenabled(), gc.get_threshold())
        # catch_warnings saves and restores the filters and showwarning, as tests do.
        self.warnings = warnings.catch_warnings()
        self.modules = ModuleSnapshot()
        # Handlers a program installs (signal.signal) would outlive it: Stop's SIGINT above all.
        self.signals = {
            n: h for n in signal.valid_signals() if (h := signal.getsignal(n)) is not None
        }

    def __enter__(self) -> InterpreterState:
        # Pyodide installs traceback.print_exception as sys.excepthook; a fresh CPython
        # has the built-in one (a program may test for it, or chain to it).
        sys.excepthook = sys.__excepthook__
        self.warnings.__enter__()
        warnings.onceregistry.clear()
        self.modules.refresh()
        start_exit_handlers()
        return self

    def __exit__(self, *exc) -> None:
        atexit._clear()
        self.modules.restore()
        self.warnings.__exit__(*exc)
        warnings.onceregistry.clear()
        for name, value in self.hooks.items():
            setattr(sys, name, value)
        for name, (original, items) in self.lists.items():
            original[:] = items
            setattr(sys, name, original)
        sys.setrecursionlimit(self.limits[0])
        sys.setswitchinterval(self.limits[1])
        sys.set_int_max_str_digits(self.int_digits)
        builtins.__dict__.clear()
        builtins.__dict__.update(self.builtins)
        if dict(os.environ) != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        try:
            os.chdir(self.cwd)
        except OSError:
            pass  # the program removed it: stay where it left us
        for signum, handler in self.signals.items():
            if signal.getsignal(signum) is not handler:
                signal.signal(signum, handler)
        (gc.enable if self.gc[0] else gc.disable)()
        gc.set_threshold(*self.gc[1])
