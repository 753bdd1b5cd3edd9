import threading
import time


def worker(name, seconds):
    print(f"{name}: sleeping {seconds} s")
    time.sleep(seconds)
    print(f"{name}: done")


a = threading.Thread(target=worker, args=("A", 2))
b = threading.Thread(target=worker, args=("B", 1))
a.start()
b.start()
a.join()
b.join()
print("both threads finished")
