import threading
import time

stop = threading.Event()


def heartbeat():
    try:
        while not stop.wait(0.4):  # sleeps 0.4 s, but wakes at once when stop is set
            print("background: tick")
    finally:
        print("background: cleaning up")  # runs, because the thread ends normally


t = threading.Thread(target=heartbeat)
t.start()
time.sleep(1)
print("main: asking the thread to stop")
stop.set()
t.join()
print("main: done")
