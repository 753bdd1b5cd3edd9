import threading
import time


def heartbeat():  # a daemon: an endless background loop
    try:
        while True:
            time.sleep(0.4)
            print("daemon: tick")
    finally:
        print("daemon: cleaning up")  # never printed: daemons are stopped abruptly


def save_work():  # a normal (non-daemon) thread
    time.sleep(1)
    print("worker: saved, exiting")


threading.Thread(target=heartbeat, daemon=True).start()
threading.Thread(target=save_work).start()
print("main: reached the end of the script")
# Python now waits for the non-daemon worker, then stops the daemon mid-loop.
