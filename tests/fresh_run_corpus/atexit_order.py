# atexit handlers run once, last registered first, after non-daemon threads end.
import atexit
import threading
import time


def goodbye(who):
    print("goodbye from", who)


atexit.register(goodbye, "first")
atexit.register(goodbye, "second")
atexit.register(goodbye, "removed")
atexit.unregister(goodbye)
atexit.register(goodbye, "third")
atexit.register(print, "print registered last")


def late():
    time.sleep(0.05)
    print("thread finished")


threading.Thread(target=late).start()
print("main thread done")
