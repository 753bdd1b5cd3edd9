"""Record what CPython prints for each program in tests/threads_corpus/.

``python -m tests.threads_corpus_record`` writes tests/threads_corpus/expected.json:
per program its stdout, exit code, and the first and last line of stderr (a traceback's
middle names CPython's own file paths, which differ from Pyodide's).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).parent / "threads_corpus"
EXPECTED = CORPUS / "expected.json"


def stderr_ends(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    return [lines[0], lines[-1]] if lines else []


def record() -> dict:
    expected = {}
    for program in sorted(CORPUS.glob("*.py")):
        proc = subprocess.run(
            [sys.executable, str(program)], capture_output=True, text=True, timeout=60
        )
        expected[program.stem] = {
            "stdout": proc.stdout,
            "stderr_ends": stderr_ends(proc.stderr),
            "exit_code": proc.returncode,
            "python": sys.version.split()[0],
        }
    return expected


if __name__ == "__main__":
    EXPECTED.write_text(json.dumps(record(), indent=1) + "\n")
    print(f"recorded {EXPECTED}")
