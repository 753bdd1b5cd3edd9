"""Words for timeline events: what the table and a marker's details say.

Mirrored by overrides/assets/js/timeline/text.js for live runs; a browser test checks
that both say the same about the same events.
"""

from __future__ import annotations

WAIT_TYPES = frozenset({"lock-wait", "event-wait", "wait"})


def fmt_ms(ms: float) -> str:
    """3.2 ms, 41 ms, 1.25 s: three significant figures, never scientific."""
    if ms < 1000:
        return f"{ms:.1f} ms" if ms < 100 else f"{ms:.0f} ms"
    return f"{ms / 1000:.2f} s"


def describe(event: dict) -> str:
    """One event as a short sentence fragment."""
    kind = event["type"]
    lock = event.get("lock") or event.get("obj") or ""
    if kind == "thread-start":
        target = event.get("target")
        by = event.get("by")
        text = f"started, running {target}" if target else "started"
        return f"{text} (by {by})" if by else text
    if kind == "output":
        stream = "" if event.get("stream") == "stdout" else f" to {event.get('stream')}"
        return f"printed{stream}: {event.get('text', '')}"
    if kind == "sleep":
        return f"sleeps {event.get('seconds', 0):g} s"
    if kind == "resume":
        return "woke up" if event.get("ok", True) else "gave up waiting (timeout)"
    if kind in ("wait", "event-wait"):
        api = event.get("api") or ("threading.Event.wait" if kind == "event-wait" else "")
        on = f" ({lock})" if lock else ""
        return f"waits in {api}{on}"
    if kind == "skipped":
        counts = ", ".join(f"{n:,} {k}" for k, n in event.get("counts", {}).items())
        return f"more events, counted not drawn: {counts}"
    simple = {
        "thread-end": "ended",
        "lock-wait": f"waits for {lock}",
        "lock-acquire": f"acquired {lock}",
        "lock-release": f"released {lock}",
        "lock-busy": f"found {lock} taken (did not wait)",
        "event-set": f"set {lock or 'the event'}",
        "notify": f"notified {lock}",
        "queue-get": "got an item from a queue",
        "queue-put": "put an item on a queue",
        "switch": f"runs (switched from {event.get('frm')})",
        "deadlock": "deadlock: every thread waits",
        "exit": f"run ended ({event.get('status')})",
        "truncated": f"event limit ({event.get('limit')}) reached: later waits not sent",
    }
    return simple.get(kind, kind)
