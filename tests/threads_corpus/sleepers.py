import threading
import time


def sleeper(name, delay):
    time.sleep(delay)
    print(f"{name} woke after {delay}s")


a = threading.Thread(target=sleeper, args=("A", 0.3))
b = threading.Thread(target=sleeper, args=("B", 0.1))
a.start()
b.start()
a.join()
b.join()
print("both done")
