import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="-")
per_thread = threading.local()


def handle():
    return f"contextvar: {request_id.get()}, threading.local: {getattr(per_thread, 'rid', '-')}"


request_id.set("req-42")
per_thread.rid = "req-42"
print("in main      ->", handle())
with ThreadPoolExecutor(max_workers=1) as pool:
    print("submit(f)    ->", pool.submit(handle).result())
    context = contextvars.copy_context()  # a snapshot of this thread's context variables
    print("context.run  ->", pool.submit(context.run, handle).result())
