"""Compare a page's traceback with CPython 3.13's: the standard library's frames differ
only by where the library is and its line numbers.

In the page the library is Pyodide's zip (``/lib/python314.zip/json/decoder.py``) and
its line numbers are 3.14's. ``as_cpython`` checks that each such frame shows the
zipped file's own source line at that number, then writes the frame as the expected
outputs do: ``File "STDLIB/json/decoder.py", line N``.
"""

from __future__ import annotations

import re
import zipfile
from functools import cache

from sitebuild.assets import PYODIDE_DIR

STDLIB_FRAME = re.compile(
    r'^(?P<margin>.*)File "/lib/python3\d+\.zip/(?P<path>[^"]+)", line (?P<n>\d+),'
)


@cache
def zipped_lines(path: str) -> list[str]:
    with zipfile.ZipFile(PYODIDE_DIR / "python_stdlib.zip") as archive:
        return archive.read(path).decode().splitlines()


def as_cpython(stderr: str) -> str:
    lines = stderr.splitlines(keepends=True)
    for i, line in enumerate(lines):
        frame = STDLIB_FRAME.match(line)
        if frame is None:
            continue
        source = zipped_lines(frame["path"])[int(frame["n"]) - 1].strip()
        shown = lines[i + 1][len(frame["margin"]) :].strip() if i + 1 < len(lines) else ""
        assert shown == source, f"{line!r} shows {shown!r}, its file has {source!r}"
        lines[i] = f'{frame["margin"]}File "STDLIB/{frame["path"]}", line N,{line[frame.end() :]}'
    return "".join(lines)
