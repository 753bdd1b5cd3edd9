import atexit
import threading
import time

beat = threading.Event()


def heartbeat():
    try:
        while True:
            beat.set()
            time.sleep(0.05)
    finally:
        print("heartbeat: finally")


def save():
    time.sleep(0.3)
    print("save: done")


def goodbye():
    beat.clear()
    print("atexit: is the daemon still running?", beat.wait(timeout=1))


atexit.register(goodbye)
threading.Thread(target=heartbeat, daemon=True).start()
threading.Thread(target=save).start()
print("main: end of the script")
