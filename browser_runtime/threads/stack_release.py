"""Free a suspended thread stack without resuming it (Pyodide's stack switching).

CPython never resumes a daemon thread once the interpreter exits: ``Py_FinalizeEx``
clears the leftover thread states (``PyThreadState_Clear``) and drops them, frames and
all, without unwinding them. A suspended stack here is three things, and each is
released the same way, without running a line of it:

- its PyThreadState (``pystate.c``: each promising task owns one; ``saveState`` keeps
  it while suspended). ``PyThreadState_Clear`` + ``PyThreadState_Delete``, as CPython's
  finalization does, unlink it: the cycle collector no longer walks its frames (gc_guard.py)
  and its frame memory is freed. What its frames referenced is never released (CPython's
  process would have exited): no reader ``__del__`` runs.
- its WebAssembly stack, held by JS only through the promise ``run_sync`` awaits, whose
  resolve callback the gate keeps: ``Gate.abandon()`` drops it and JS's collector frees
  the rest.
- its slice of the C (argument) stack: ``stack_state.mjs`` keeps every suspended
  continuation's slice in place in ``stackStates`` until some other stack needs the room,
  and places new stacks below the slices it keeps. ``evict_all()`` copies every kept slice
  into its own ``StackState._copy`` (what Pyodide does when a stack needs the room), so
  the abandoned ones hold no C stack; live ones are put back by Pyodide when they resume.
"""

from __future__ import annotations

# The Pyodide internals this uses (on its Emscripten module); checked before a run, so
# an upgrade that drops one fails with its name instead of crashing at a run's end.
NEEDS = ("_PyThreadState_Get", "_PyThreadState_Clear", "_PyThreadState_Delete",
         "StackState", "stackSave", "HEAP8")  # fmt: skip

# Below the caller's stack pointer: restore() moves the stack pointer there, and only
# deeper is harmless (the caller's C frames reset it when they return).
_SP_MARGIN = 4096


def _module():
    from pyodide_js import _module  # type: ignore[import-not-found]

    return _module


def check_internals() -> None:
    module = _module()
    missing = [name for name in NEEDS if not hasattr(module, name)]
    if missing:
        raise RuntimeError(
            f"this Pyodide lacks {', '.join(missing)}, which freeing the stacks of threads "
            "left at a run's end needs (browser_runtime/threads/stack_release.py)"
        )


def current_stack() -> int:
    """The running stack's PyThreadState (a promising task's own, for its whole life)."""
    return _module()._PyThreadState_Get()


def delete_thread_state(tstate: int) -> None:
    """What CPython's finalization does to a daemon thread's state (never the running one)."""
    module = _module()
    module._PyThreadState_Clear(tstate)
    module._PyThreadState_Delete(tstate)


def evict_all() -> None:
    """Copy every C-stack slice Pyodide keeps for a suspended stack out of the C stack.

    ``StackState.restore()`` is the only public way into ``evictStackUpTo``: a state whose
    ``stop`` is above the whole stack evicts every kept slice; its own copy is empty."""
    module = _module()
    saved_stop = module.stackStop
    sp = module.stackSave()
    module.stackStop = sp  # a zero-size state: not listed, adds nothing to the size average
    state = module.StackState.new()
    state.stop = module.HEAP8.length
    state.start = sp - _SP_MARGIN
    try:
        state.restore()
    finally:
        module.stackStop = saved_stop
