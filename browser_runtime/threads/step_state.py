"""What the page shows at each pause of a stepped run: threads, lines, shared globals.

Plain data (JSON-ready). Nothing here runs the reader's code except ``repr`` of the
values it shows, which the stepper guards (a reader ``__repr__`` takes no step).
"""

from __future__ import annotations

import dis
import types

from .deadlock import describe_thread

MAX_REPR = 80
_NOT_SHARED = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type)
LOADS = frozenset({"LOAD_GLOBAL", "LOAD_NAME"})
STORES = frozenset({"STORE_GLOBAL", "STORE_NAME"})


def short_repr(value) -> str:
    try:
        text = repr(value)
    except Exception as exc:  # noqa: BLE001 - a broken __repr__ must not end the run
        text = f"<repr failed: {type(exc).__name__}>"
    return text if len(text) <= MAX_REPR else text[: MAX_REPR - 1] + "…"


def shared_globals(globals_dict) -> list[list[str]]:
    """The module globals the program defined: not dunders, modules, functions, classes."""
    return [
        [name, short_repr(value)]
        for name, value in list(globals_dict.items())
        if not name.startswith("__") and not isinstance(value, _NOT_SHARED)
    ]


class Instructions:
    """offset -> (line, "OPNAME argrepr", opname, argval) per code object, cached per run."""

    def __init__(self):
        self._by_code: dict = {}

    def at(self, code, offset: int):
        table = self._by_code.get(code)
        if table is None:
            table = {}
            line = code.co_firstlineno
            for ins in dis.get_instructions(code):
                line = ins.positions.lineno if ins.positions and ins.positions.lineno else line
                text = f"{ins.opname} {ins.argrepr}".rstrip()
                table[ins.offset] = (line, text, ins.opname, ins.argval)
            self._by_code[code] = table
        return table.get(offset, (None, "?", "?", None))


def thread_entry(sched, rec, where, reads, status: str) -> dict:
    """One thread as the page lists it."""
    entry = {
        "id": rec.native_id,
        "name": sched.thread_name(rec),
        "status": status,  # ready | new | blocked | done
        "line": None,
        "instr": None,
        "reads": sorted(reads.items()),
    }
    if status == "blocked":
        detail = describe_thread(sched, rec)
        entry["line"] = detail.get("line")
        entry["waiting_for"] = detail.get("waiting_for")
        for key in ("held_by", "target"):
            if key in detail:
                entry[key] = detail[key]
    elif where is not None:
        entry["line"], entry["instr"] = where[0], where[1]
    return entry
