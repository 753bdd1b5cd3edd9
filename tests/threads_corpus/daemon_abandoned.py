import threading
import time


def forever():
    while True:
        time.sleep(0.05)


def finite():
    time.sleep(0.2)
    print("non-daemon finished")


threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=finite).start()
print("main exits first")
