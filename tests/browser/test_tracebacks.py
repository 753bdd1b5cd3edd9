"""Uncaught exceptions in the page print what ``python file.py`` prints: the standard
library's frames with their source lines, chained exceptions and groups alike, the
program's own sys.excepthook, and never the runtime's frames, in plain and threaded
runs (browser_runtime/tracebacks.py); the stack that traceback.print_stack shows starts
where the program's does (program_stack.py). Expected outputs are CPython 3.13's, the
library's frames compared through stdlib_frames.as_cpython."""

from __future__ import annotations

import re

import pytest

from tests import programs
from tests.browser.runner_session import open_runner_session
from tests.browser.stdlib_frames import as_cpython


@pytest.fixture(scope="module")
def session(browser, site):
    with open_runner_session(browser, site) as runner:
        yield runner


JSON_DECODES = """\
  File "STDLIB/json/__init__.py", line N, in loads
    return _default_decoder.decode(s)
           ~~~~~~~~~~~~~~~~~~~~~~~^^^
  File "STDLIB/json/decoder.py", line N, in decode
    obj, end = self.raw_decode(s, idx=_w(s, 0).end())
               ~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^
"""
JSON_LOADS_X = (
    JSON_DECODES
    + '  File "STDLIB/json/decoder.py", line N, in raw_decode\n'
    + '    raise JSONDecodeError("Expecting value", s, err.value) from None\n'
)

LIBRARY_RAISES = (
    """\
Traceback (most recent call last):
  File "main.py", line 4, in <module>
    load('x')
    ~~~~^^^^^
  File "main.py", line 3, in load
    return json.loads(text)
           ~~~~~~~~~~^^^^^^
"""
    + JSON_LOADS_X
    + "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n"
)

LIBRARY_CHAIN = (
    """\
Traceback (most recent call last):
  File "main.py", line 3, in <module>
    json.loads('{')
    ~~~~~~~~~~^^^^^
"""
    + JSON_DECODES
    + """\
  File "STDLIB/json/decoder.py", line N, in raw_decode
    obj, end = self.scan_once(s, idx)
               ~~~~~~~~~~~~~~^^^^^^^^
json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: \
line 1 column 2 (char 1)

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "main.py", line 6, in <module>
    raise RuntimeError('bad config') from e
RuntimeError: bad config

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "main.py", line 8, in <module>
    random.choice([])
    ~~~~~~~~~~~~~^^^^
  File "STDLIB/random.py", line N, in choice
    raise IndexError('Cannot choose from an empty sequence')
IndexError: Cannot choose from an empty sequence
"""
)


def group_member(char: int) -> str:
    frames = (
        "Traceback (most recent call last):\n"
        '  File "main.py", line 5, in <module>\n'
        "    json.loads(text)\n"
        "    ~~~~~~~~~~^^^^^^\n" + JSON_LOADS_X
    )
    error = f"json.decoder.JSONDecodeError: Expecting value: line 1 column {char + 1} (char {char})"
    return "".join(f"    | {line}\n" for line in (frames + error).splitlines())


LIBRARY_GROUP = (
    """\
  + Exception Group Traceback (most recent call last):
  |   File "main.py", line 8, in <module>
  |     raise ExceptionGroup('parse', errors)
  | ExceptionGroup: parse (2 sub-exceptions)
  +-+---------------- 1 ----------------
"""
    + group_member(0)
    + "    +---------------- 2 ----------------\n"
    + group_member(1)
    + "    +------------------------------------\n"
)

OWN_EXCEPTHOOK = """\
hook: ValueError x
  File "main.py", line 8, in <module>
    f()
    ~^^
  File "main.py", line 7, in f
    raise ValueError('x')
"""

CASES = {
    "LIBRARY_RAISES": LIBRARY_RAISES,
    "LIBRARY_CHAIN": LIBRARY_CHAIN,
    "LIBRARY_GROUP": LIBRARY_GROUP,
    "OWN_EXCEPTHOOK": OWN_EXCEPTHOOK,
}


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("threaded", [False, True], ids=["plain", "threaded"])
def test_an_uncaught_exception_prints_as_python_file_py(session, name, threaded):
    out = session.plain_or_threaded(getattr(programs, name), threaded)
    assert (out["result"]["status"], out["result"]["exit_code"]) == ("error", 1)
    assert out["stdout"] == ""
    assert as_cpython(out["stderr"]) == CASES[name]


def test_a_threaded_run_shows_no_frame_of_the_pages_own_input(session):
    # The page's input() (page_limits.py) raises EOFError as CPython's does at the end
    # of its input; the frames are the program's and threading's.
    out = session.threaded(programs.ASKS_IN_A_THREAD)
    assert out["stdout"] == "x? \ny? \n"
    thread, main = as_cpython(out["stderr"]).split("\nEOFError: EOF when reading a line")[:2]
    assert thread.startswith("Exception in thread Thread-1 (ask):\nTraceback")
    assert thread.count('File "STDLIB/threading.py"') == 2
    assert thread.endswith("  File \"main.py\", line 3, in ask\n    input('x? ')\n    ~~~~~^^^^^^^")
    assert main.split("\n", 1)[1] == (
        "Traceback (most recent call last):\n"
        '  File "main.py", line 7, in <module>\n'
        "    input('y? ')\n"
        "    ~~~~~^^^^^^^"
    )


@pytest.mark.parametrize("threaded", [False, True], ids=["plain", "threaded"])
def test_a_programs_stack_starts_at_its_top_level(session, threaded):
    out = session.plain_or_threaded(programs.PRINTS_ITS_STACK, threaded)
    assert (out["stdout"], out["stderr"]) == (
        "",
        '  File "main.py", line 4, in <module>\n'
        "    f()\n"
        '  File "main.py", line 3, in f\n'
        "    traceback.print_stack()\n",
    )


def test_a_threads_stack_starts_at_its_bootstrap(session):
    out = session.threaded(programs.PRINTS_A_THREADS_STACK)
    # Frames only: 3.14's _bootstrap_inner calls run() through the thread's context.
    frames = re.findall(r'File "([^"]+)", line N, in (\S+)', as_cpython(out["stderr"]))
    assert frames == [
        ("STDLIB/threading.py", "_bootstrap"),
        ("STDLIB/threading.py", "_bootstrap_inner"),
        ("STDLIB/threading.py", "run"),
    ]
    assert out["stderr"].endswith('  File "main.py", line 3, in f\n    traceback.print_stack()\n')
