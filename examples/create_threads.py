import threading
import time


def worker(name, seconds):
    time.sleep(seconds)
    print(f"{name}: done after sleeping {seconds} s")


start = time.perf_counter()
a = threading.Thread(target=worker, args=("A", 2))
b = threading.Thread(target=worker, args=("B", 1))
a.start()
b.start()
print("main: started A (sleeps 2 s) and B (sleeps 1 s)")
a.join()
b.join()
print(f"both threads finished after {time.perf_counter() - start:.0f} s, not 3 s")
