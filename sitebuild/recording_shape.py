"""The shape a recording (examples/recorded/*.json) must have before pages use it.

Valid JSON can still be the wrong thing (``[]``, a run without ``stdout``): this names
the first problem by its place in the file (``runs[2].stdout``) instead of letting a
KeyError surface pages later. Fields other modules add (timelines) are allowed.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Line(_Open):
    text: StrictStr
    stream: StrictStr


class Run(_Open):
    exit_code: StrictInt
    stdout: StrictStr
    stderr: StrictStr = ""
    lines: list[Line] = []


class Recording(_Open):
    source_sha256: StrictStr
    python: dict = {}
    runs: list[Run] = Field(min_length=1)


def _place(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def problem(data: object) -> str | None:
    """None when ``data`` has a recording's shape, else what is wrong and where."""
    if not isinstance(data, dict):
        return f"a recording is a JSON object with 'runs', not {type(data).__name__}"
    try:
        Recording.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = _place(error["loc"])
        what = "missing" if error["type"] == "missing" else error["msg"].lower()
        return f"wrong shape: {where}: {what}" if where else f"wrong shape: {what}"
    return None
