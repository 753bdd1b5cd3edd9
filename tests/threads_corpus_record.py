"""Record what CPython prints for each program in tests/threads_corpus/.

``python -m tests.threads_corpus_record`` writes tests/threads_corpus/expected.json:
per program its stdout, exit code, and the first and last line of stderr (a traceback's
middle names CPython's own file paths, which differ from Pyodide's).
``python -m tests.threads_corpus_record tests/fresh_run_corpus`` records that corpus the
same way (each program run from its own folder, as ``python NAME.py``).
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


def record(corpus: Path = CORPUS) -> dict:
    expected = {}
    for program in sorted(corpus.glob("*.py")):
        proc = subprocess.run(
            [sys.executable, program.name],
            cwd=corpus,
            capture_output=True,
            text=True,
            timeout=60,
        )
        expected[program.stem] = {
            "stdout": proc.stdout,
            "stderr_ends": stderr_ends(proc.stderr),
            "exit_code": proc.returncode,
            "python": sys.version.split()[0],
        }
    return expected


if __name__ == "__main__":
    corpus = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else CORPUS
    target = corpus / "expected.json"
    target.write_text(json.dumps(record(corpus), indent=1) + "\n")
    print(f"recorded {target}")
