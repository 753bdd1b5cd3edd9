import threading
import time

t = threading.Thread(target=time.sleep, args=(0.2,))
print("default daemon flag:", t.daemon)  # inherited from the creating (main) thread
t.daemon = True  # fine: not started yet
t.start()
try:
    t.daemon = False
except RuntimeError as exc:
    print("after start() -> RuntimeError:", exc)
t.join()


def spawn():
    child = threading.Thread(target=lambda: None)
    print("thread created inside a daemon is a daemon too:", child.daemon)


parent = threading.Thread(target=spawn, daemon=True)
parent.start()
parent.join()
