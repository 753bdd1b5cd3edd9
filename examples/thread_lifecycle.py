import threading
import time


def work():
    time.sleep(0.5)


t = threading.Thread(target=work, name="worker")
print("before start: alive =", t.is_alive())
t.start()
print("after start:  alive =", t.is_alive())

result = t.join(timeout=0.1)  # gives up after 0.1 s; returns None either way
print("join(timeout=0.1) returned", result, "- alive =", t.is_alive())

t.join()  # no timeout: waits until work() returns
print("after join:   alive =", t.is_alive())

try:
    t.start()
except RuntimeError as exc:
    print("start() again -> RuntimeError:", exc)
