import _thread
import threading
import time

stop = threading.Event()


def worker():
    while not stop.wait(0.1):
        pass  # one step of work
    print("worker: asked to stop")


w = threading.Thread(target=worker)
w.start()
# Stands in for pressing Ctrl+C 0.3 s from now (in the page, Stop does the same):
# interrupt_main() raises KeyboardInterrupt in the main thread, wherever it waits.
threading.Timer(0.3, _thread.interrupt_main).start()
try:
    while True:
        time.sleep(0.1)  # the main thread waits, a step at a time
except KeyboardInterrupt:
    print(f"{threading.current_thread().name}: KeyboardInterrupt")
    stop.set()
    w.join()
print("main: done, worker alive:", w.is_alive())
