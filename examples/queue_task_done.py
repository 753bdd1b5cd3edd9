import queue
import threading
import time

tasks = queue.Queue()


def worker():
    while True:
        name, seconds = tasks.get()
        time.sleep(seconds)
        print(f"finished {name}")
        tasks.task_done()  # one call per get(): join() counts them


for i in (1, 2):
    threading.Thread(target=worker, name=f"worker-{i}", daemon=True).start()

for task in [("a.txt", 0.2), ("b.txt", 1.0), ("c.txt", 0.2), ("d.txt", 0.2)]:
    tasks.put(task)
tasks.join()  # blocks until task_done() was called for every item put
print("main: every task is done; unfinished_tasks =", tasks.unfinished_tasks)
