"""CPython's own threading tests, run by the live runtime in the page.

The test files come from Debian's libpython3.11-testsuite at test time (never copied
into the repo): they are written into Pyodide's file system next to its standard
library, then one threaded run per test class imports them under the emulated
``threading`` and reports each test's outcome as JSON on stdout.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

SUITE_DIR = Path("/usr/lib/python3.11/test")
EXCLUDED = Path(__file__).with_name("excluded.toml")
FILES = ("__init__.py", "lock_tests.py", "test_threading.py", "support/*.py")

# The classes the issue names: lock_tests' classes through test_threading's subclasses,
# and the test_threading classes that apply to a threads runtime.
CLASSES = (
    "LockTests",
    "PyRLockTests",
    "CRLockTests",
    "EventTests",
    "ConditionAsRLockTests",
    "ConditionTests",
    "SemaphoreTests",
    "BoundedSemaphoreTests",
    "BarrierTests",
    "ThreadTests",
    "ThreadingExceptionTests",
    "ExceptHookTests",
    "TimerTests",
)

MARK = "@@cpython-suite@@"
# Where the page keeps the suite (a test package of its own, put on sys.path per run).
PAGE_DIR = PurePosixPath("/tmp/cpython_suite")

# The program each run executes as the reader's main thread. It runs one class with
# unittest and prints every test's outcome. test.support sees sys.platform
# "emscripten" and assumes no threads: this runtime provides them.
PROGRAM = """\
import json, sys, unittest
sys.path.insert(0, PAGE_DIR)
for _name in [m for m in sys.modules if m == "test" or m.startswith("test.")]:
    del sys.modules[_name]  # a fresh import binds this run's threading
from test.support import threading_helper
threading_helper.can_start_thread = True
from test import test_threading

class Collect(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcomes = {}
    def _put(self, test, outcome, detail=""):
        self.outcomes[test.id().rpartition(".")[0].rpartition(".")[2] + "." +
                      test.id().rpartition(".")[2]] = [outcome, detail[-2000:]]
    def addSuccess(self, test):
        self._put(test, "passed")
    def addFailure(self, test, err):
        self._put(test, "failed", self._exc_info_to_string(err, test))
    def addError(self, test, err):
        self._put(test, "error", self._exc_info_to_string(err, test))
    def addSkip(self, test, reason):
        self._put(test, "skipped", reason)
    def addExpectedFailure(self, test, err):
        self._put(test, "expected-failure")
    def addUnexpectedSuccess(self, test):
        self._put(test, "unexpected-success")

loader = unittest.TestLoader()
tests = unittest.TestSuite()
result = Collect()
for name in NAMES:
    for test in loader.loadTestsFromName(name, test_threading):
        if test.id().partition(".test_threading.")[2] in NOT_RUN:
            result._put(test, "not-run")
        else:
            tests.addTest(test)
tests.run(result)
print(MARK + json.dumps(result.outcomes))
for _name in [m for m in sys.modules if m == "test" or m.startswith("test.")]:
    del sys.modules[_name]
sys.path.remove(PAGE_DIR)
"""


def files() -> dict[str, str]:
    """Pyodide path (under the standard library's test/) -> text of each file."""
    out = {}
    for pattern in FILES:
        for path in sorted(SUITE_DIR.glob(pattern)):
            out[str(path.relative_to(SUITE_DIR))] = path.read_text()
    return out


def install_script() -> str:
    """Python for the page: write the suite into Pyodide's standard library dir."""
    return (
        "import os, json\n"
        f"root = {str(PAGE_DIR / 'test')!r}\n"
        f"for rel, text in json.loads({json.dumps(json.dumps(files()))}).items():\n"
        "    path = os.path.join(root, rel)\n"
        "    os.makedirs(os.path.dirname(path), exist_ok=True)\n"
        "    open(path, 'w').write(text)\n"
        "import importlib; importlib.invalidate_caches()\n"
        "root\n"
    )


def program(names, not_run=()) -> str:
    """The suite program for these classes; ``not_run`` tests are only listed."""
    return (
        PROGRAM.replace("NOT_RUN", repr(set(not_run)))
        .replace("NAMES", repr(list(names)))
        .replace("MARK", repr(MARK))
        .replace("PAGE_DIR", repr(str(PAGE_DIR)))
    )


def parse(stdout: str) -> dict[str, list[str]]:
    for line in stdout.splitlines():
        if line.startswith(MARK):
            return json.loads(line[len(MARK) :])
    raise ValueError("the suite program printed no results")


@dataclass(frozen=True)
class Excluded:
    reason: str
    not_run: bool = False  # it would hang or break the page, so it is not even started


def excluded() -> dict[str, Excluded]:
    """'Class.test_name' -> why it does not pass in the page (tests/cpython_suite/excluded.toml).

    An entry is a reason string, or a table ``{reason = "...", run = false}`` for a
    test that must not be started at all."""
    data = tomllib.loads(EXCLUDED.read_text())
    out = {}
    for cls, tests in data.items():
        for test, entry in tests.items():
            if isinstance(entry, str):
                out[f"{cls}.{test}"] = Excluded(entry)
            else:
                out[f"{cls}.{test}"] = Excluded(entry["reason"], not_run=not entry.get("run", True))
    return out


def count(outcomes: dict[str, list[str]], excluded_here) -> dict[str, int]:
    """passed / failed (not listed) / excluded, for the report."""
    passed = sum(1 for o, _ in outcomes.values() if o == "passed")
    listed = sum(1 for name in outcomes if name in excluded_here)
    return {"passed": passed, "failed": len(outcomes) - passed - listed, "excluded": listed}
