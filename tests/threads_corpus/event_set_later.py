import threading
import time

ready = threading.Event()


def waiter(n):
    ready.wait()
    time.sleep(0.01 * n)
    print(f"waiter {n} saw the event")


threads = [threading.Thread(target=waiter, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
time.sleep(0.2)
print("setting the event")
ready.set()
for t in threads:
    t.join()
print("is_set:", ready.is_set())
