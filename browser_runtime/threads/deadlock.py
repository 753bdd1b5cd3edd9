"""Describe a deadlock: what each live thread waits for, and where in the reader's code."""

from __future__ import annotations


def describe_thread(sched, rec) -> dict:
    entry = {"thread": sched.thread_name(rec), "ident": rec.ident, "waiting_for": rec.wait_what}
    if rec.wait_where is not None:
        api, filename, line = rec.wait_where
        if api is not None:
            entry["waiting_for"] = api
        if filename is not None:
            entry["file"] = filename
            entry["line"] = line
    owner = getattr(rec.wait_obj, "_owner", None)
    if owner is not None and owner.sentinel is rec.wait_obj:
        # Python <= 3.12: join() waits for the thread's lifetime lock, not a lock's owner.
        entry["target"] = sched.thread_name(owner)
    elif owner is not None and owner is not rec:
        entry["held_by"] = sched.thread_name(owner)
    elif owner is rec:
        entry["held_by"] = "this thread itself"
    handle_rec = getattr(rec.wait_obj, "_rec", None)
    if handle_rec is not None:
        entry["target"] = sched.thread_name(handle_rec)
    return entry


def describe_deadlock(sched) -> list[dict]:
    return [describe_thread(sched, rec) for rec in sched.threads.values()]


def format_report(entries: list[dict]) -> str:
    lines = ["Deadlock: every thread is blocked and none can wake the others."]
    for e in entries:
        where = f" at {e['file']}:{e['line']}" if "file" in e else ""
        extra = ""
        if "held_by" in e:
            extra = f" (held by {e['held_by']})"
        elif "target" in e:
            extra = f" (waiting for {e['target']} to finish)"
        lines.append(f"  {e['thread']} waits in {e['waiting_for']}{where}{extra}")
    return "\n".join(lines)
