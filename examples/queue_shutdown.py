import queue
import sys
import threading

jobs = queue.Queue()


def worker():
    while True:
        try:
            job = jobs.get()
        except queue.ShutDown:  # the queue was shut down and is empty
            print("worker: queue shut down, stopping")
            return
        print(f"worker: {job}")


if not hasattr(jobs, "shutdown"):
    print(f"Queue.shutdown() is new in Python 3.13; this is {sys.version.split()[0]}")
else:
    t = threading.Thread(target=worker)
    t.start()
    for job in ("a", "b", "c"):
        jobs.put(job)
    jobs.shutdown()  # no more put()s; get() drains what is left, then raises ShutDown
    t.join()
    try:
        jobs.put("d")
    except queue.ShutDown:
        print("main: put() after shutdown() raises queue.ShutDown")
