"""``time.sleep``'s argument rules, worded as CPython words them.

Pyodide's own sleep (an asyncio sleep under JSPI) answers NaN with asyncio's wording
and waits forever on infinity; CPython refuses both before sleeping.
"""

from __future__ import annotations

import math
import operator

_NS_LIMIT = 2**63  # PyTime_t: nanoseconds in a signed 64-bit integer


def sleep_seconds(secs: object) -> float:
    """The length to sleep, or the exception CPython's time.sleep raises for it."""
    if isinstance(secs, float):
        if math.isnan(secs):
            raise ValueError("Invalid value NaN (not a number)")
        if not (math.isfinite(secs) and -_NS_LIMIT <= math.ceil(secs * 1e9) < _NS_LIMIT):
            raise OverflowError("timestamp out of range for platform time_t")
        seconds = secs
    else:
        whole = operator.index(secs)  # TypeError: '...' object cannot be interpreted as an integer
        if not -_NS_LIMIT <= whole * 10**9 < _NS_LIMIT:
            raise OverflowError("timestamp too large to convert to C PyTime_t")
        seconds = float(whole)
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    return seconds
