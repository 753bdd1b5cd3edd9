import threading
import time


def heartbeat():
    try:
        while True:
            time.sleep(0.4)
            print("daemon: tick")
    finally:
        print("daemon: cleaning up")


def save_work():
    time.sleep(1)
    print("worker: saved, exiting")


threading.Thread(target=heartbeat, daemon=True).start()
threading.Thread(target=save_work).start()
print("main: reached the end of the script")
