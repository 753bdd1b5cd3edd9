import threading
import time

fired = []
t = threading.Timer(0.2, lambda: fired.append("fired"))
cancelled = threading.Timer(0.1, lambda: fired.append("should not fire"))
t.start()
cancelled.start()
cancelled.cancel()
time.sleep(0.05)
print("before:", fired)
t.join()
print("after:", fired)
