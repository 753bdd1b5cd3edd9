# sys.exit() still runs atexit handlers; the exit code stays.
import atexit
import sys
import threading

atexit.register(lambda: print("cleanup ran"))
t = threading.Thread(target=print, args=("thread ran",))
t.start()
t.join()
sys.exit(3)
